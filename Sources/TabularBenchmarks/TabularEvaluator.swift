import NASCore

/// Evaluates architectures by looking them up in a tabular benchmark: the objective is one metric of one dataset
/// (at the proposal's fidelity, or at a fixed epoch), the reported metrics are read at their final values, and
/// the cost is the table's ``TabularBenchmark/trainingCost(row:dataset:epoch:)``.
///
/// ```swift
/// // NB201 CIFAR-10: maximize test accuracy at 12 or 200 epochs, report the 200-epoch test accuracy.
/// let evaluator = try TabularEvaluator(index: index, dataset: "cifar10", objective: "test_accuracy",
///                                      reportedMetrics: ["test_accuracy"])
/// ```
public struct TabularEvaluator<Space: EnumerableSearchSpace>: Evaluator {
    /// The indexed table.
    public let index: TableIndex<Space>
    /// The dataset whose metrics are read.
    public let dataset: String
    /// The metric the optimizer maximizes (negated when its direction is minimize).
    public let objectiveMetric: String
    /// The epoch the objective is always read at, or `nil` to read it at the proposal's fidelity.
    public let objectiveEpoch: Int?
    /// The metrics reported with every evaluation, at their final values.
    public let reportedMetrics: [String]
    public let fidelities: [Int]
    private let sign: Double
    private let objectiveColumns: [Int?: TabularColumn]
    private let reportedColumns: [(String, TabularColumn)]

    /// Creates an evaluator.
    ///
    /// - Parameters:
    ///   - index: The table indexed by the space.
    ///   - dataset: The dataset (`"cifar10"`).
    ///   - objective: The metric to maximize; a per-epoch metric gives one fidelity per stored epoch.
    ///   - objectiveEpoch: A fixed epoch to read the objective at (a single-fidelity search on the 12-epoch
    ///     validation accuracy, say), or `nil`.
    ///   - reportedMetrics: Metrics reported with every evaluation, read at their final values.
    /// - Throws: ``TabularBenchmarkError`` for an unknown dataset, metric or epoch, listing what exists.
    public init(
        index: TableIndex<Space>, dataset: String, objective: String, objectiveEpoch: Int? = nil,
        reportedMetrics: [String]
    ) throws(TabularBenchmarkError) {
        let table = index.table
        let metric = try table.metric(objective, dataset: dataset)
        var columns: [Int?: TabularColumn] = [:]
        if let objectiveEpoch {
            columns[nil] = try table.column(metric: objective, dataset: dataset, epoch: objectiveEpoch)
            fidelities = []
        } else if let epochs = metric.epochs {
            for epoch in epochs { columns[epoch] = try table.column(metric: objective, dataset: dataset, epoch: epoch) }
            columns[nil] = columns[epochs.last]
            fidelities = epochs
        } else {
            columns[nil] = try table.column(metric: objective, dataset: dataset)
            fidelities = []
        }
        var reported: [(String, TabularColumn)] = []
        for name in reportedMetrics.sorted() {
            reported.append((name, try table.column(metric: name, dataset: dataset)))
        }
        self.index = index
        self.dataset = dataset
        self.objectiveMetric = objective
        self.objectiveEpoch = objectiveEpoch
        self.reportedMetrics = reportedMetrics.sorted()
        self.sign = metric.direction == .minimize ? -1 : 1
        self.objectiveColumns = columns
        self.reportedColumns = reported
    }

    /// Looks `architecture` up at `fidelity`.
    ///
    /// - Throws: ``SearchError`` for an architecture without a row, a fidelity not in ``fidelities``, or a
    ///   missing (NaN) value.
    public func evaluate(_ architecture: Space.Architecture, fidelity: Int?) throws(SearchError) -> Evaluation {
        let table = index.table
        guard let column = objectiveColumns[fidelity] else {
            let stored = fidelities.isEmpty ? "none: ask without one" : fidelities.map(String.init).joined(separator: ", ")
            throw SearchError(
                "\(table.name): \(dataset)/\(objectiveMetric) cannot be evaluated at fidelity \(fidelity ?? 0) "
                    + "(fidelities: \(stored))")
        }
        do throws(TabularBenchmarkError) {
            let row = try index.requireRow(of: architecture)
            let value = table[column, row]
            guard value.isFinite else {
                throw TabularBenchmarkError(
                    "\(table.name) has no value of \(column) for '\(index.space.format(architecture))'")
            }
            var metrics: [String: Double] = [:]
            for (name, reportedColumn) in reportedColumns { metrics[name] = table[reportedColumn, row] }
            let cost = try table.trainingCost(row: row, dataset: dataset, epoch: fidelity ?? objectiveEpoch)
            return Evaluation(
                objective: sign * value, fidelity: fidelity, cost: cost.amount, costUnit: cost.unit.rawValue,
                metrics: metrics)
        } catch {
            throw SearchError(error.message)
        }
    }
}
