/// An experiment's anytime results at chosen budgets: for each search space, dataset and optimizer, the mean and
/// standard error over seeds of the incumbent's reported metric and of its regret.
///
/// The incumbent at a budget is the run's answer then (``RunFile/record(at:)``): after `count` queries, or at the
/// last query whose cumulative simulated cost is at most the amount. Its regret is the oracle's value minus the
/// incumbent's reported metric, as the run recorded it.
public struct ExperimentSummary: Hashable, Sendable {
    /// The budgets, ascending, all on one axis.
    public let budgets: [AnytimeBudget]
    /// Every optimizer, in report order.
    public let optimizers: [String]
    /// One summary per (space, dataset), sorted by space and dataset.
    public let benchmarks: [BenchmarkSummary]

    /// Summarizes checked runs at `budgets`.
    ///
    /// - Parameters:
    ///   - runs: The experiment's runs, grouped and checked.
    ///   - budgets: Query counts (`.queries(150)`) or simulated costs (`.cost(2e5)`), one kind, in any order.
    /// - Throws: ``ReportError`` for invalid budgets (none, mixed kinds, not positive, repeated) or a run that
    ///   does not reach a budget (naming the file).
    /// - Complexity: O(b · r log q) for b budgets and r runs of q queries.
    public init(_ runs: ExperimentRuns, budgets: [AnytimeBudget]) throws {
        let budgets = try AnytimeBudget.validated(budgets)
        self.budgets = budgets
        self.optimizers = runs.optimizers
        self.benchmarks = try runs.benchmarks.map { benchmark in
            BenchmarkSummary(
                space: benchmark.space, dataset: benchmark.dataset, oracle: benchmark.oracle,
                rows: try benchmark.groups.map { try OptimizerSummary($0, budgets: budgets) })
        }
    }

    /// The axis of the budgets.
    public var axis: BudgetAxis { budgets[0].axis }
}

/// One search space and dataset of a summary.
public struct BenchmarkSummary: Hashable, Sendable {
    /// The search space.
    public let space: String
    /// The dataset.
    public let dataset: String
    /// The table's best value of the reported metric.
    public let oracle: Oracle
    /// One row per optimizer, in report order.
    public let rows: [OptimizerSummary]

    /// `"<space> · <dataset>"`.
    public var title: String { "\(space) · \(dataset)" }
}

/// One optimizer's row: its seeds and, per budget, the statistics of its incumbents.
public struct OptimizerSummary: Hashable, Sendable {
    /// The optimizer.
    public let optimizer: String
    /// The seeds summarized, ascending; their count is n.
    public let seeds: [UInt64]
    /// One cell per budget, in the summary's budget order.
    public let cells: [BudgetCell]

    /// Reads every run at every budget.
    init(_ group: OptimizerRuns, budgets: [AnytimeBudget]) throws {
        optimizer = group.optimizer
        seeds = group.seeds
        cells = try budgets.map { budget in
            let records = try group.runs.map { try $0.record(at: budget) }
            return BudgetCell(
                budget: budget, incumbent: SampleStatistics(records.map(\.incumbentReported)),
                regret: SampleStatistics(records.map(\.regret)))
        }
    }
}

/// The statistics of one optimizer's incumbents at one budget.
public struct BudgetCell: Hashable, Sendable {
    /// The budget.
    public let budget: AnytimeBudget
    /// The incumbents' reported metric over seeds.
    public let incumbent: SampleStatistics
    /// Their regret (oracle − incumbent) over seeds.
    public let regret: SampleStatistics
}
