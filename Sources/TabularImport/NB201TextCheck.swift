import NASSpaces

/// Checks that architecture texts from a source are NB201 cells in NAS-Bench-201's canonical text form, each once.
enum NB201TextCheck {
    /// Throws unless every text parses as an NB201 cell, formats back to itself, and no cell appears twice; with
    /// `complete`, also unless all 15,625 cells appear.
    static func requireCanonicalCells(_ texts: [String], source: String, complete: Bool = true)
        throws(TabularImportError)
    {
        let space = NB201Space()
        var seen = [Int](repeating: -1, count: space.architectureCount)
        for (row, text) in texts.enumerated() {
            let cell: NB201Architecture
            do {
                cell = try space.parse(text)
            } catch {
                throw TabularImportError("\(source) row \(row): \(error.message)")
            }
            guard space.format(cell) == text else {
                throw TabularImportError(
                    "\(source) row \(row): '\(text)' is not in canonical form; NAS-Bench-201 writes it "
                        + "'\(space.format(cell))'")
            }
            let index = space.index(of: cell)
            guard seen[index] < 0 else {
                throw TabularImportError("\(source) rows \(seen[index]) and \(row) both hold the cell '\(text)'")
            }
            seen[index] = row
        }
        if complete, texts.count != space.architectureCount {
            throw TabularImportError(
                "\(source) holds \(texts.count) cells; NAS-Bench-201 has \(space.architectureCount)")
        }
    }
}
