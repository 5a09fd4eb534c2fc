import TabularBenchmarks

/// How the columns of a source become the metrics of a table: each metric lists the source column of each of
/// its stored epochs (or the one column of its final value). Importers declare their layout once and use it both
/// to build the table and to check, after writing, that every value read back equals the source's.
struct ColumnLayout {
    /// One metric and the columns its values come from.
    struct Entry {
        /// The metric; its `source` is the columns joined by commas.
        let metric: TabularMetric
        /// The source column of each stored epoch, in epoch order (one column for a final value).
        let columns: [String]

        /// Describes a metric read from `columns` (one per epoch of `epochs`, or one for a final value).
        init(
            _ name: String, dataset: String, unit: String, columns: [String], epochs: [Int]? = nil,
            epochMeaning: TabularMetric.EpochMeaning = .budget, direction: TabularMetric.Direction? = nil,
            description: String
        ) {
            precondition(columns.count == (epochs?.count ?? 1), "ColumnLayout: \(name) needs one column per epoch")
            metric = TabularMetric(
                name: name, dataset: dataset, unit: unit, description: description,
                source: columns.joined(separator: ","), epochs: epochs, epochMeaning: epochMeaning,
                direction: direction)
            self.columns = columns
        }
    }

    let entries: [Entry]

    /// Every source column the layout reads, in entry order.
    var columns: [String] { entries.flatMap(\.columns) }

    /// The metrics with their values, from each column's values.
    ///
    /// - Precondition: `values` holds `rowCount` values for every column of the layout.
    func metricValues(from values: [String: [Double]], rowCount: Int) -> [TabularMetricValues] {
        entries.map { entry in
            let columns = entry.columns.map { values[$0]! }
            precondition(columns.allSatisfy { $0.count == rowCount }, "ColumnLayout: a column has the wrong length")
            var interleaved: [Double] = []  // (rows, epochs)
            interleaved.reserveCapacity(rowCount * columns.count)
            for row in 0..<rowCount {
                for column in columns { interleaved.append(column[row]) }
            }
            return TabularMetricValues(metric: entry.metric, values: interleaved)
        }
    }

    /// Checks that `table` (read back from its file) holds exactly the source's values: every column, every row,
    /// bit for bit (a missing value must read back as NaN).
    ///
    /// - Returns: The number of values compared.
    /// - Throws: ``TabularImportError`` naming the first differing values.
    func verify(_ table: TabularBenchmark, against values: [String: [Double]], rowCount: Int)
        throws(TabularImportError) -> Int
    {
        guard table.rowCount == rowCount else {
            throw TabularImportError("\(table.name) read back with \(table.rowCount) rows; the source has \(rowCount)")
        }
        var compared = 0
        for entry in entries {
            for (position, source) in entry.columns.enumerated() {
                let epoch = entry.metric.epochs?[position]
                let column: TabularColumn
                do {
                    column = try table.column(metric: entry.metric.name, dataset: entry.metric.dataset, epoch: epoch)
                } catch {
                    throw TabularImportError("\(table.name) read back without \(source)'s values: \(error.message)")
                }
                let expected = values[source]!
                for row in 0..<rowCount {
                    let read = table[column, row]
                    guard read.bitPattern == expected[row].bitPattern || (read.isNaN && expected[row].isNaN) else {
                        throw TabularImportError(
                            "\(table.name) read back \(read) for row \(row), \(column), but the source's \(source) "
                                + "is \(expected[row]); the table is not faithful, do not use it")
                    }
                    compared += 1
                }
            }
        }
        return compared
    }
}
