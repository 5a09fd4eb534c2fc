import NASCore

/// A tabular benchmark indexed by the canonical keys of any search space's architectures
/// (``NASCore/SearchSpace/key(of:)``), for spaces without a dense numbering.
///
/// Architectures that share a key compute the same function (the space's isomorphism), so when several rows
/// share a key the first of them answers for all; ``rowsSharingKeys`` counts the others. A query computes the
/// key (building a string) and hashes it: slower than ``TableIndex``, which enumerable spaces should use.
public struct KeyedTableIndex<Space: SearchSpace>: Sendable {
    /// The indexed table.
    public let table: TabularBenchmark
    /// The space whose architectures the rows are.
    public let space: Space
    private let rowsByKey: [ArchitectureKey: Int32]
    /// The number of rows whose key an earlier row already has.
    public let rowsSharingKeys: Int

    /// Parses every row of `table` with `space` and indexes the first row of each key.
    ///
    /// - Throws: ``TabularBenchmarkError`` if the table is of another space or a row's text does not parse.
    public init(table: TabularBenchmark, space: Space) throws(TabularBenchmarkError) {
        var rowsByKey: [ArchitectureKey: Int32] = [:]
        var sharing = 0
        try table.forEachArchitecture(of: space) { row, architecture in
            let key = space.key(of: architecture)
            if rowsByKey[key] == nil { rowsByKey[key] = Int32(row) } else { sharing += 1 }
        }
        self.table = table
        self.space = space
        self.rowsByKey = rowsByKey
        self.rowsSharingKeys = sharing
    }

    /// The first row whose architecture has `architecture`'s key, or `nil`.
    public func row(of architecture: Space.Architecture) -> Int? {
        rowsByKey[space.key(of: architecture)].map { Int($0) }
    }

    /// The value of `metric` on `dataset` at `epoch` (or the final value) for `architecture`'s key.
    ///
    /// - Throws: ``TabularBenchmarkError`` for an unknown metric, dataset or epoch, or a key without a row.
    public func query(_ architecture: Space.Architecture, metric: String, dataset: String, epoch: Int? = nil)
        throws(TabularBenchmarkError) -> Double
    {
        let column = try table.column(metric: metric, dataset: dataset, epoch: epoch)
        guard let row = row(of: architecture) else {
            throw TabularBenchmarkError(
                "\(table.name) has no row whose \(space.name) key is \(space.key(of: architecture)) (architecture "
                    + "'\(space.format(architecture))')")
        }
        return table[column, row]
    }
}
