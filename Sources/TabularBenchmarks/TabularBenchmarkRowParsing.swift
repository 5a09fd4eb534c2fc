import NASCore

extension TabularBenchmark {
    /// Checks that the table is of `space`, then parses every row's architecture text with `space` and hands the
    /// rows to `body` in row order: the first step of building an index.
    ///
    /// - Throws: ``TabularBenchmarkError`` if the table is of another space or a row's text does not parse (naming
    ///   the row and the parser's message), or what `body` throws.
    /// - Complexity: O(rows × parse).
    func forEachArchitecture<Space: SearchSpace>(
        of space: Space, _ body: (_ row: Int, _ architecture: Space.Architecture) throws(TabularBenchmarkError) -> Void
    ) throws(TabularBenchmarkError) {
        guard metadata.space == space.name else {
            throw TabularBenchmarkError(
                "\(name) is a table of space \(metadata.space), not \(space.name); choose a table of " + space.name)
        }
        for (row, text) in architectures.enumerated() {
            let architecture: Space.Architecture
            do {
                architecture = try space.parse(text)
            } catch {
                throw TabularBenchmarkError(
                    "row \(row) of \(name) is not an architecture of \(space.name): \(error.message); "
                        + "re-create the table")
            }
            try body(row, architecture)
        }
    }
}
