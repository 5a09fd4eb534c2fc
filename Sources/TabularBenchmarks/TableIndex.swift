import NASCore

/// A tabular benchmark indexed by the architectures of an enumerable search space: a dense array from the
/// space's index of an architecture to its row, built once by parsing every row's text with the space, so a
/// query by architecture is `space.index(of:)` and two array reads.
///
/// ```swift
/// let index = try TableIndex(table: try .open(path: "data/tables/nb201.h5", space: "nb201"), space: NB201Space())
/// let accuracy = try index.query(cell, metric: "test_accuracy", dataset: "cifar10", epoch: 200)
/// let column = try index.table.column(metric: "test_accuracy", dataset: "cifar10")  // hot loops
/// let value = index.value(column, of: cell)  // nil when the table lacks the cell
/// ```
public struct TableIndex<Space: EnumerableSearchSpace>: Sendable {
    /// The indexed table.
    public let table: TabularBenchmark
    /// The space whose architectures the rows are.
    public let space: Space
    /// The row of each architecture index, or -1 when the table has no row for it.
    @usableFromInline let rows: [Int32]
    /// How many of the space's architectures the table has a row for.
    public let coveredCount: Int

    /// Parses every row of `table` with `space` and indexes the rows.
    ///
    /// - Throws: ``TabularBenchmarkError`` if the table is of another space, a row's text does not parse (naming
    ///   the row and the parser's message), or two rows hold the same architecture.
    /// - Complexity: O(rows × parse) once; O(space.architectureCount) memory (4 bytes each).
    public init(table: TabularBenchmark, space: Space) throws(TabularBenchmarkError) {
        var rows = [Int32](repeating: -1, count: space.architectureCount)
        try table.forEachArchitecture(of: space) { row, architecture throws(TabularBenchmarkError) in
            let index = space.index(of: architecture)
            guard rows[index] < 0 else {
                throw TabularBenchmarkError(
                    "rows \(rows[index]) and \(row) of \(table.name) hold the same \(space.name) architecture "
                        + "'\(space.format(architecture))'; re-create the table")
            }
            rows[index] = Int32(row)
        }
        self.table = table
        self.space = space
        self.rows = rows
        self.coveredCount = table.rowCount
    }

    /// The row of `architecture`, or `nil` if the table has none.
    ///
    /// - Complexity: O(1) beyond `space.index(of:)`, no allocation.
    @inlinable
    public func row(of architecture: Space.Architecture) -> Int? {
        let row = rows[space.index(of: architecture)]
        return row < 0 ? nil : Int(row)
    }

    /// The value of `column` for `architecture`, or `nil` if the table has no row for it.
    ///
    /// - Complexity: O(1) beyond `space.index(of:)`, no allocation: the query benchmark's path.
    @inlinable
    public func value(_ column: TabularColumn, of architecture: Space.Architecture) -> Double? {
        let row = rows[space.index(of: architecture)]
        return row < 0 ? nil : table[column, Int(row)]
    }

    /// The value of `metric` on `dataset` at `epoch` (or the final value) for `architecture`.
    ///
    /// - Throws: ``TabularBenchmarkError`` for an unknown metric, dataset or epoch (listing what exists) or an
    ///   architecture the table has no row for.
    public func query(_ architecture: Space.Architecture, metric: String, dataset: String, epoch: Int? = nil)
        throws(TabularBenchmarkError) -> Double
    {
        let column = try table.column(metric: metric, dataset: dataset, epoch: epoch)
        return table[column, try requireRow(of: architecture)]
    }

    /// Like ``query(_:metric:dataset:epoch:)``, and charges the simulated cost of training `architecture` to
    /// `epoch` on `dataset` to `tracker` (see ``CostTracker``).
    public func query(
        _ architecture: Space.Architecture, metric: String, dataset: String, epoch: Int? = nil,
        charging tracker: inout CostTracker
    ) throws(TabularBenchmarkError) -> Double {
        let value = try query(architecture, metric: metric, dataset: dataset, epoch: epoch)
        _ = try tracker.charge(row: try requireRow(of: architecture), dataset: dataset, epoch: epoch, in: table)
        return value
    }

    /// The row of `architecture`, or an error naming it.
    public func requireRow(of architecture: Space.Architecture) throws(TabularBenchmarkError) -> Int {
        guard let row = row(of: architecture) else {
            throw TabularBenchmarkError(
                "\(table.name) has no row for the \(space.name) architecture '\(space.format(architecture))' "
                    + "(it covers \(coveredCount) of \(space.architectureCount))")
        }
        return row
    }
}
