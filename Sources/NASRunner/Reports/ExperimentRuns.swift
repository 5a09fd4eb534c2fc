/// The runs of an experiment, checked and grouped for its reports: by search space and dataset (a benchmark),
/// then by optimizer; within a group, the runs differ only in seed.
///
/// Order is deterministic and independent of the order of the files: spaces, then datasets, sorted by name;
/// optimizers in the given order (default: sorted by name); runs by seed.
public struct ExperimentRuns: Hashable, Sendable {
    /// Every optimizer of the experiment, in report order; a plot colours an optimizer by its place here, so an
    /// optimizer keeps its colour across benchmarks.
    public let optimizers: [String]
    /// The (space, dataset) pairs, sorted by space and then dataset.
    public let benchmarks: [BenchmarkRuns]

    /// Checks and groups run files.
    ///
    /// - Parameters:
    ///   - files: The runs, in any order.
    ///   - optimizerOrder: The optimizers' order in tables, legends and palette; `nil` sorts them by name. When
    ///     given it must list each optimizer of the runs once (it may list optimizers without runs).
    /// - Throws: ``ReportError`` naming the files: no files; a run without queries or with a damaged trajectory;
    ///   two runs of one (space, dataset, optimizer) that differ in more than the seed (configuration, table
    ///   checksum or oracle); two runs of a group with the same seed; two optimizers of one (space, dataset) with
    ///   different oracles; an optimizer order that leaves one out or lists one twice.
    /// - Complexity: O(r log r + q) for r runs of q queries in all.
    public init(_ files: [RunFile], optimizerOrder: [String]? = nil) throws {
        guard !files.isEmpty else {
            throw ReportError("no run files to summarize; pass the run.json files of the experiment")
        }
        for file in files { try Self.checkTrajectory(of: file) }
        let optimizers = try Self.order(of: files, given: optimizerOrder)
        let rank = Dictionary(uniqueKeysWithValues: optimizers.enumerated().map { ($0.element, $0.offset) })

        var byBenchmark: [BenchmarkKey: [RunFile]] = [:]
        for file in files {
            let configuration = file.result.configuration
            byBenchmark[BenchmarkKey(space: configuration.space, dataset: configuration.dataset), default: []]
                .append(file)
        }
        var benchmarks: [BenchmarkRuns] = []
        for key in byBenchmark.keys.sorted() {
            var byOptimizer: [String: [RunFile]] = [:]
            for file in byBenchmark[key] ?? [] {
                byOptimizer[file.result.configuration.optimizer, default: []].append(file)
            }
            var groups: [OptimizerRuns] = []
            for optimizer in byOptimizer.keys.sorted(by: { rank[$0, default: 0] < rank[$1, default: 0] }) {
                groups.append(try OptimizerRuns(optimizer: optimizer, checking: byOptimizer[optimizer] ?? []))
            }
            benchmarks.append(try BenchmarkRuns(space: key.space, dataset: key.dataset, checking: groups))
        }
        self.optimizers = optimizers
        self.benchmarks = benchmarks
    }

    /// The axis of the runs' own budgets when they all share one kind (all query budgets, or all cost budgets):
    /// the natural axis for their reports; `nil` for a mix.
    public var budgetAxis: BudgetAxis? {
        let axes = Set(benchmarks.flatMap(\.groups).flatMap(\.runs).map { file -> BudgetAxis in
            switch file.result.configuration.budget {
            case .queries: .queries
            case .cost: .cost
            }
        })
        return axes.count == 1 ? axes.first : nil
    }

    /// The report order of the optimizers: the given order (checked), or the names sorted.
    private static func order(of files: [RunFile], given: [String]?) throws -> [String] {
        let present = Set(files.map(\.result.configuration.optimizer)).sorted()
        guard let given else { return present }
        var seen: Set<String> = []
        for name in given where !seen.insert(name).inserted {
            throw ReportError("the optimizer order lists \(name) twice; list each optimizer once")
        }
        for name in present where !seen.contains(name) {
            let example = files.filter { $0.result.configuration.optimizer == name }.map(\.path).min() ?? ""
            throw ReportError(
                "the optimizer order [\(given.joined(separator: ", "))] leaves out \(name) (run \(example)); "
                    + "list every optimizer or leave the order out")
        }
        return given
    }

    /// Refuses a run whose trajectory is empty, misnumbered or spends negative cost.
    private static func checkTrajectory(of file: RunFile) throws {
        let trajectory = file.result.trajectory
        guard !trajectory.isEmpty else {
            throw ReportError("\(file.path) has no queries; it is damaged or was stopped at once: rerun it")
        }
        var previousCost = 0.0
        for (index, record) in trajectory.enumerated() {
            guard record.query == index + 1 else {
                throw ReportError(
                    "\(file.path): record \(index + 1) of the trajectory is numbered query \(record.query); "
                        + "the file is damaged: rerun it")
            }
            guard record.cumulativeCost >= previousCost else {
                throw ReportError(
                    "\(file.path): the cumulative simulated cost decreases at query \(record.query); "
                        + "the file is damaged: rerun it")
            }
            previousCost = record.cumulativeCost
        }
    }
}

/// A search space and dataset: what one table (and one plot) of the report covers.
struct BenchmarkKey: Hashable, Comparable {
    var space: String
    var dataset: String

    static func < (left: Self, right: Self) -> Bool {
        (left.space, left.dataset) < (right.space, right.dataset)
    }
}
