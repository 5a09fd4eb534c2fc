import Foundation
import NASCore
import NASSpaces
import TabularBenchmarks

/// Runs one search on a tabular benchmark to its budget: the only place where concrete spaces meet concrete
/// optimizers.
///
/// With a directory, the run writes `checkpoint.json` atomically after every query and, when done, its results
/// file `run.json` (deterministic bytes) and `timing.json` (wall times), then removes the checkpoint. A run killed
/// at any moment and started again with `resume` continues from its last checkpoint and writes the same
/// `run.json` as an uninterrupted run.
public enum SearchRunner {
    /// Runs (or resumes, or reads back) the search `configuration` describes.
    ///
    /// - Parameters:
    ///   - configuration: The resolved configuration (``SearchRequest/resolved()``).
    ///   - directory: Where the run's files go, or `nil` to keep everything in memory.
    ///   - resume: Continue the checkpoint in `directory`, or return its finished result; without it, a
    ///     directory that holds a run is refused.
    ///   - tables: Tables already open, by path (an experiment's worker reuses them across runs).
    ///   - stopAfterQueries: Stop (as if killed, after writing a checkpoint) once this many queries are done in
    ///     total; for tests.
    ///   - checkpointInterval: The checkpoint is rewritten after a query when at least this many wall seconds
    ///     have passed since the last one (0: after every query). Where a run stops never changes its results,
    ///     so a kill loses at most this much work. REINFORCE's state is 0.9 MB of JSON (21 ms to write).
    ///   - progress: Called after every query.
    /// - Returns: The outcome: the result when the budget was reached.
    /// - Throws: ``RunError`` for a directory holding another run or a damaged or foreign file (left untouched),
    ///   a table that cannot answer, or an optimizer or evaluator failure.
    public static func run(
        _ configuration: RunConfiguration, directory: String?, resume: Bool, tables: inout TableCache,
        stopAfterQueries: Int? = nil, checkpointInterval: Double = 1, progress: ((RunProgress) -> Void)? = nil
    ) throws(RunError) -> RunOutcome {
        try configuration.validate()
        var checkpoint: RunCheckpoint?
        if let directory {
            switch try RunDirectory.inspect(directory, for: configuration, resume: resume) {
            case .empty: break
            case .finished(let result, let timing):
                return RunOutcome(result: result, timing: timing, resumedAfter: result.trajectory.count, wasFinished: true)
            case .inProgress(let saved): checkpoint = saved
            }
        }
        let space = try SpaceChoice.named(configuration.space)
        // The space's own advice for a missing table: the size space's is made by training, not by setup.sh.
        guard FileManager.default.fileExists(atPath: configuration.table) else {
            throw RunError("no tabular benchmark at \(configuration.table); \(space.tableAdvice)")
        }
        let table = try tables.table(at: configuration.table, space: space)
        let loop = SearchLoopSettings(
            configuration: configuration, directory: directory, checkpoint: checkpoint,
            stopAfterQueries: stopAfterQueries, checkpointInterval: checkpointInterval, progress: progress,
            provenance: try tables.provenance(ofTableAt: configuration.table, source: table.metadata.source))
        switch space {
        case .nb201: return try run(loop, space: NB201Space(), table: table)
        case .graph: return try run(loop, space: GraphSpace(), table: table)
        case .graphProteins: return try run(loop, space: GraphSpace.proteins, table: table)
        case .size: return try run(loop, space: SizeSpace(), table: table)
        }
    }

    /// Searches `space` on `table`; on a table that covers only part of the space (a tabulated sample), searches
    /// the ``CoveredSpace`` of its rows, so that every proposal has a row.
    private static func run<Space: CategoricalSearchSpace & EnumerableSearchSpace>(
        _ settings: SearchLoopSettings, space: Space, table: TabularBenchmark
    ) throws(RunError) -> RunOutcome {
        let index: TableIndex<Space>
        do {
            index = try TableIndex(table: table, space: space)
        } catch {
            throw RunError(error.message)
        }
        guard index.coveredCount < space.architectureCount else { return try search(settings, index: index) }
        let covered = CoveredSpace(
            base: space, covered: (0..<space.architectureCount).filter { index.row(of: space.architecture(at: $0)) != nil })
        let coveredIndex: TableIndex<CoveredSpace<Space>>
        do {
            coveredIndex = try TableIndex(table: table, space: covered)
        } catch {
            throw RunError(error.message)
        }
        return try search(settings, index: coveredIndex)
    }

    private static func search<Space: CategoricalSearchSpace & EnumerableSearchSpace>(
        _ settings: SearchLoopSettings, index: TableIndex<Space>
    ) throws(RunError) -> RunOutcome {
        let configuration = settings.configuration
        let space = index.space
        let table = index.table
        let evaluator: TabularEvaluator<Space>
        do {
            evaluator = try TabularEvaluator(
                index: index, dataset: configuration.dataset, objective: configuration.objective,
                objectiveEpoch: configuration.objectiveEpoch, reportedMetrics: [configuration.reportedMetric])
        } catch {
            throw RunError(error.message)
        }
        let optimizer = try OptimizerChoice.named(configuration.optimizer)
        if optimizer.isMultiFidelity, evaluator.fidelities.count < 2 {
            throw RunError(
                "\(optimizer.rawValue) needs two or more fidelities, but \(table.name)'s \(configuration.dataset)/"
                    + "\(configuration.objective) has "
                    + (evaluator.fidelities.isEmpty ? "only a final value" : "only epoch \(evaluator.fidelities[0])")
                    + "; search a table with per-epoch values (nb201's test_accuracy has 12 and 200; a size tabulation "
                    + "of two or more epochs) or another "
                    + "optimizer")
        }
        let loop = SearchLoop(
            settings: settings, space: space, evaluator: evaluator,
            oracle: try Oracle.best(of: configuration.reportedMetric, dataset: configuration.dataset, in: table))
        return try optimizer.withOptimizer(
            hyperparameters: configuration.hyperparameters, seed: configuration.seed,
            fidelities: evaluator.fidelities, loop)
    }
}

/// What a call of ``SearchRunner/run(_:directory:resume:tables:stopAfterQueries:progress:)`` produced.
public struct RunOutcome: Sendable {
    /// The result, or `nil` when the run stopped before its budget (`stopAfterQueries`).
    public var result: RunResult?
    /// The wall times of the queries (those of earlier sessions included).
    public var timing: RunTiming
    /// How many queries were already done when this call started (0 for a fresh run).
    public var resumedAfter: Int
    /// Whether the directory already held the finished run.
    public var wasFinished: Bool
}

/// A run's state after a query, for progress lines.
public struct RunProgress: Sendable {
    /// Queries done.
    public var queries: Int
    /// The budget.
    public var budget: Budget
    /// The simulated cost spent.
    public var cost: Double
    /// The incumbent's reported metric.
    public var incumbentReported: Double
    /// Its regret to the table's best.
    public var regret: Double
    /// Wall seconds since this call started.
    public var elapsedSeconds: Double
}

extension RunConfiguration {
    /// Throws unless the budget is positive.
    func validate() throws(RunError) {
        switch budget {
        case .queries(let count) where count <= 0:
            throw RunError("the budget must be at least 1 query (got \(count)); give --queries N with N > 0")
        case .cost(let amount) where !(amount > 0) || !amount.isFinite:
            throw RunError("the budget must be a positive simulated cost (got \(amount)); give --cost X with X > 0")
        default: break
        }
    }
}

extension Oracle {
    /// The table's highest value of `metric` on `dataset` and its first row.
    ///
    /// The reported metric must be one to maximize (accuracy, ROC-AUC): regret is the oracle minus it.
    static func best(of metric: String, dataset: String, in table: TabularBenchmark) throws(RunError) -> Oracle {
        do throws(TabularBenchmarkError) {
            let column = try table.column(metric: metric, dataset: dataset)
            guard try table.metric(metric, dataset: dataset).direction != .minimize else {
                throw TabularBenchmarkError(
                    "the reported metric \(metric) is minimized; report a metric to maximize (regret is measured "
                        + "from the best value down)")
            }
            var bestRow = -1
            var bestValue = 0.0
            for row in 0..<table.rowCount {
                let value = table[column, row]
                guard value.isFinite else { continue }
                if bestRow < 0 || value > bestValue {
                    bestRow = row
                    bestValue = value
                }
            }
            guard bestRow >= 0 else { throw TabularBenchmarkError("\(table.name) has no value of \(column)") }
            return Oracle(metric: metric, value: bestValue, architecture: table.architectures[bestRow])
        } catch {
            throw RunError(error.message)
        }
    }
}
