import NASCore

// The text form of a NAS-Bench-101 cell: the adjacency matrix as 7 rows of 7 bits separated by "/", then the
// 7 operation names of the benchmark's ModelSpec separated by ",", in two fields separated by one space:
//
//   adjacency=0100001/0010010/0001010/0000100/0000010/0000001/0000000 ops=input,maxpool3x3,maxpool3x3,maxpool3x3,conv3x3-bn-relu,conv1x1-bn-relu,output
//
// Row i, column j is the edge i -> j. The form is written exactly as stored (unused vertices and edges
// included), so parse(format(a)) == a.

extension NB101Architecture {
    /// The expected form, quoted in parse errors.
    static let textForm =
        "adjacency=<7 rows of 7 bits separated by '/'> ops=input,<5 of \(NB101Operation.nameList)>,output"

    /// The cell's text form (see SearchSpaces/nb101/SPACE.md).
    public var text: String {
        let rows = matrix.map { row in row.map(String.init).joined() }.joined(separator: "/")
        return "adjacency=\(rows) ops=\(ops.joined(separator: ","))"
    }

    /// Reads the text form.
    ///
    /// - Throws: ``ArchitectureParseError`` naming the field, row, entry or operation that is wrong, and the
    ///   expected form.
    public init(text: String) throws(ArchitectureParseError) {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 2, fields[0].hasPrefix("adjacency="), fields[1].hasPrefix("ops=") else {
            throw ArchitectureParseError(
                "nb101: '\(text)' is not of the form \(Self.textForm)")
        }
        let rowTexts = fields[0].dropFirst("adjacency=".count).split(separator: "/", omittingEmptySubsequences: false)
        guard rowTexts.count == Self.vertexCount else {
            throw ArchitectureParseError(
                "nb101: the adjacency has \(rowTexts.count) rows, expected 7 rows of 7 bits separated by '/'")
        }
        var matrix: [[Int]] = []
        for (row, rowText) in rowTexts.enumerated() {
            guard rowText.count == Self.vertexCount else {
                throw ArchitectureParseError(
                    "nb101: adjacency row \(row) '\(rowText)' has \(rowText.count) characters, expected 7 bits")
            }
            var entries: [Int] = []
            for (column, character) in rowText.enumerated() {
                switch character {
                case "0": entries.append(0)
                case "1": entries.append(1)
                default:
                    throw ArchitectureParseError(
                        "nb101: adjacency row \(row) '\(rowText)' has '\(character)' at column \(column), expected 0 or 1")
                }
            }
            matrix.append(entries)
        }
        let names = fields[1].dropFirst("ops=".count).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        try self.init(matrix: matrix, ops: names)
    }
}
