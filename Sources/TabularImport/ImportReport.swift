/// What an importer did and checked, for the command line and the set-up log.
public struct ImportReport: Hashable, Sendable {
    /// The table written.
    public var tablePath: String
    /// The number of architectures (rows).
    public var rowCount: Int
    /// The number of metrics over all datasets.
    public var metricCount: Int
    /// How many values were read back from the written file and found equal to the source's.
    public var comparedValues: Int
    /// SHA-256 of the source file read.
    public var sourceSHA256: String
    /// The published facts checked on the written table, one line each.
    public var checkedFacts: [String]

    /// The report as lines of text.
    public var lines: [String] {
        [
            "wrote \(tablePath): \(rowCount) architectures, \(metricCount) metrics",
            "source SHA-256 \(sourceSHA256)",
            "read back \(comparedValues) values: all equal to the source's",
        ] + checkedFacts.map { "checked: \($0)" }
    }
}
