/// A tabular benchmark held in memory: the architectures of a search space (one per row) and, per dataset, the
/// metrics measured on each, final or per epoch.
///
/// Open a file with ``open(path:space:recoverySuggestion:)``: it reads everything at once and closes the file,
/// so queries touch only arrays (no file access, no allocation). Resolve a ``TabularColumn`` once and read
/// `table[column, row]` in loops; ``value(row:metric:dataset:epoch:)`` resolves and reads in one call. To query
/// by architecture, build a ``TableIndex`` (a dense index for an `EnumerableSearchSpace`) or a
/// ``KeyedTableIndex`` (canonical keys), or look up a row by its text with ``row(ofArchitecture:)``.
///
/// The layout of the file is ``TabularSchema``'s; `Docs/TabularBenchmarks.md` describes it.
public struct TabularBenchmark: Sendable {
    /// The name used in messages: the file's name, or the name given when built in memory.
    public let name: String
    /// The space, the source and how the table was made.
    public let metadata: TabularMetadata
    /// The text form of each row's architecture.
    public let architectures: [String]
    /// Each row's index in the source (the NAS-Bench-201 index), if the source numbers its rows.
    public let sourceIndices: [Int]?
    /// Every metric of every dataset, sorted by dataset, then name.
    public let metrics: [TabularMetric]
    /// The datasets, sorted.
    public let datasets: [String]
    /// One sentence per dataset on what it is and how it was split.
    public let datasetDescriptions: [String: String]

    /// Every metric's values, column by column: metric `m` at its `e`-th epoch is the `rowCount` values from
    /// `metricOffsets[m] + e * rowCount`.
    @usableFromInline let storage: [Double]
    let metricOffsets: [Int]
    /// dataset → metric name → position in `metrics`.
    let metricPositions: [String: [String: Int]]
    let rowsByArchitecture: [String: Int32]

    /// The number of rows (architectures).
    public var rowCount: Int { architectures.count }

    /// Builds a table in memory, checking that it is well formed.
    ///
    /// - Parameters:
    ///   - name: The name used in messages (the file's name when it is written).
    ///   - metadata: The root attributes.
    ///   - architectures: The text form of each row's architecture; no two equal, no NUL characters.
    ///   - sourceIndices: Each row's index in the source, or `nil`.
    ///   - datasetDescriptions: One sentence per dataset (missing ones are written as empty text).
    ///   - metrics: Each metric with `rowCount × epochs` values; no two with the same dataset and name.
    /// - Throws: ``TabularBenchmarkError`` naming the first malformed part.
    /// - Complexity: O(total values + rows).
    public init(
        name: String = "table", metadata: TabularMetadata, architectures: [String], sourceIndices: [Int]? = nil,
        datasetDescriptions: [String: String] = [:], metrics: [TabularMetricValues]
    ) throws(TabularBenchmarkError) {
        let rowCount = architectures.count
        guard rowCount < Int(Int32.max) else {
            throw TabularBenchmarkError("\(name): \(rowCount) rows is more than a table can index (\(Int32.max - 1))")
        }
        if let sourceIndices, sourceIndices.count != rowCount {
            throw TabularBenchmarkError(
                "\(name): \(sourceIndices.count) source indices for \(rowCount) architectures; give one per row")
        }
        var rowsByArchitecture: [String: Int32] = [:]
        rowsByArchitecture.reserveCapacity(rowCount)
        for (row, text) in architectures.enumerated() {
            if let earlier = rowsByArchitecture.updateValue(Int32(row), forKey: text) {
                throw TabularBenchmarkError(
                    "\(name): rows \(earlier) and \(row) both hold the architecture '\(text)'; each must appear once")
            }
        }
        if let extra = datasetDescriptions.keys.sorted().first(where: { dataset in
            !metrics.contains { $0.metric.dataset == dataset }
        }) {
            throw TabularBenchmarkError("\(name): the dataset \(extra) has a description but no metrics")
        }
        let sorted = metrics.sorted { ($0.metric.dataset, $0.metric.name) < ($1.metric.dataset, $1.metric.name) }
        var storage: [Double] = []
        storage.reserveCapacity(sorted.reduce(0) { $0 + $1.values.count })
        var offsets: [Int] = []
        var positions: [String: [String: Int]] = [:]
        for (position, entry) in sorted.enumerated() {
            let metric = entry.metric
            try Self.validate(metric, tableName: name)
            if positions[metric.dataset]?[metric.name] != nil {
                throw TabularBenchmarkError(
                    "\(name): the metric \(metric.name) of \(metric.dataset) is given twice; give it once")
            }
            let perRow = metric.valuesPerArchitecture
            guard entry.values.count == rowCount * perRow else {
                throw TabularBenchmarkError(
                    "\(name): \(metric.dataset)/\(metric.name) has \(entry.values.count) values; \(rowCount) rows "
                        + "× \(perRow) epoch(s) need \(rowCount * perRow)")
            }
            positions[metric.dataset, default: [:]][metric.name] = position
            offsets.append(storage.count)
            // Row-major (rows, epochs) in, one contiguous column per epoch out.
            for epochPosition in 0..<perRow {
                for row in 0..<rowCount { storage.append(entry.values[row * perRow + epochPosition]) }
            }
        }
        self.name = name
        self.metadata = metadata
        self.architectures = architectures
        self.sourceIndices = sourceIndices
        self.metrics = sorted.map(\.metric)
        self.datasets = positions.keys.sorted()
        self.datasetDescriptions = positions.keys.reduce(into: [:]) { $0[$1] = datasetDescriptions[$1] ?? "" }
        self.storage = storage
        self.metricOffsets = offsets
        self.metricPositions = positions
        self.rowsByArchitecture = rowsByArchitecture
    }

    private static func validate(_ metric: TabularMetric, tableName name: String) throws(TabularBenchmarkError) {
        for (what, value) in [("dataset", metric.dataset), ("metric", metric.name)]
        where !TabularSchema.isValidName(value) || TabularSchema.reservedNames.contains(value) {
            throw TabularBenchmarkError(
                "\(name): '\(value)' cannot name a \(what): use printable ASCII without '/' or ',' and not "
                    + TabularSchema.reservedNames.sorted().joined(separator: " or "))
        }
        if let epochs = metric.epochs, TabularSchema.parseEpochs(TabularSchema.formatEpochs(epochs)) != epochs {
            throw TabularBenchmarkError(
                "\(name): \(metric.dataset)/\(metric.name) has epochs \(epochs); they must be positive and ascending")
        }
    }

    // MARK: Lookup

    /// The metrics of `dataset`, sorted by name.
    ///
    /// - Throws: ``TabularBenchmarkError`` if the table has no such dataset (listing those it has).
    public func metrics(in dataset: String) throws(TabularBenchmarkError) -> [TabularMetric] {
        guard let positions = metricPositions[dataset] else { throw unknownDataset(dataset) }
        return positions.values.sorted().map { metrics[$0] }
    }

    /// The metric `name` of `dataset`.
    ///
    /// - Throws: ``TabularBenchmarkError`` for an unknown dataset or metric, listing what exists.
    public func metric(_ name: String, dataset: String) throws(TabularBenchmarkError) -> TabularMetric {
        metrics[try position(ofMetric: name, dataset: dataset)]
    }

    /// Resolves a metric of a dataset at an epoch to a column, for ``subscript(_:_:)``.
    ///
    /// - Parameters:
    ///   - metric: The metric's name.
    ///   - dataset: The dataset's name.
    ///   - epoch: A stored epoch of the metric; `nil` for its final value (a final metric's only value, or a
    ///     per-epoch metric's value at its last stored epoch).
    /// - Throws: ``TabularBenchmarkError`` for an unknown dataset or metric, an epoch the metric does not store,
    ///   or an epoch asked of a metric that stores only a final value; each lists what exists.
    public func column(metric: String, dataset: String, epoch: Int? = nil) throws(TabularBenchmarkError)
        -> TabularColumn
    {
        let position = try position(ofMetric: metric, dataset: dataset)
        let description = metrics[position]
        let epochPosition: Int
        switch (description.epochs, epoch) {
        case (nil, nil):
            epochPosition = 0
        case (nil, .some(let asked)):
            throw TabularBenchmarkError(
                "\(name): \(dataset)/\(metric) holds one final value per architecture, not per epoch; ask without "
                    + "an epoch (asked for epoch \(asked))")
        case (.some(let stored), nil):
            epochPosition = stored.count - 1
        case (.some(let stored), .some(let asked)):
            guard let found = stored.firstIndex(of: asked) else {
                throw TabularBenchmarkError(
                    "\(name): \(dataset)/\(metric) is stored at epochs "
                        + "\(stored.map(String.init).joined(separator: ", ")); there is no epoch \(asked)")
            }
            epochPosition = found
        }
        return TabularColumn(
            metric: metric, dataset: dataset, epoch: description.epochs?[epochPosition],
            offset: metricOffsets[position] + epochPosition * rowCount)
    }

    /// The value of `column` for `row`: an array read.
    ///
    /// - Precondition: `0 <= row < rowCount` and `column` was resolved by this table.
    /// - Complexity: O(1), no allocation.
    @inlinable
    public subscript(column: TabularColumn, row: Int) -> Double {
        precondition(row >= 0 && row < architectures.count, "TabularBenchmark: row outside the table")
        return storage[column.offset &+ row]
    }

    /// The value of `metric` on `dataset` at `epoch` (or the final value) for `row`.
    ///
    /// - Throws: ``TabularBenchmarkError`` for a row outside the table or anything ``column(metric:dataset:epoch:)``
    ///   refuses.
    public func value(row: Int, metric: String, dataset: String, epoch: Int? = nil) throws(TabularBenchmarkError)
        -> Double
    {
        let column = try column(metric: metric, dataset: dataset, epoch: epoch)
        try requireRow(row)
        return self[column, row]
    }

    /// The row whose architecture has exactly this text form.
    ///
    /// - Throws: ``TabularBenchmarkError`` if no row holds it.
    /// - Complexity: O(length of `text`) (a hash lookup).
    public func row(ofArchitecture text: String) throws(TabularBenchmarkError) -> Int {
        guard let row = rowsByArchitecture[text] else {
            throw TabularBenchmarkError(
                "\(name) has no row for the architecture '\(text)' (it holds \(rowCount) architectures of space "
                    + "\(metadata.space) in their text form)")
        }
        return Int(row)
    }

    /// Throws unless `row` is a row of the table.
    func requireRow(_ row: Int) throws(TabularBenchmarkError) {
        guard row >= 0 && row < rowCount else {
            throw TabularBenchmarkError("\(name): row \(row) is outside the table's rows 0..<\(rowCount)")
        }
    }

    private func position(ofMetric metric: String, dataset: String) throws(TabularBenchmarkError) -> Int {
        guard let positions = metricPositions[dataset] else { throw unknownDataset(dataset) }
        guard let position = positions[metric] else {
            let available = positions.values.sorted().map { metrics[$0].summary }.joined(separator: ", ")
            throw TabularBenchmarkError("\(name) has no metric '\(metric)' for \(dataset) (metrics: \(available))")
        }
        return position
    }

    private func unknownDataset(_ dataset: String) -> TabularBenchmarkError {
        TabularBenchmarkError(
            "\(name) has no dataset '\(dataset)' (datasets: \(datasets.joined(separator: ", ")))")
    }
}
