import ArgumentParser
import Foundation
import NASRunner

#if canImport(Glibc)
import Glibc
#endif

/// `nasrun search` (the default command): searches a space on its tabular benchmark with one optimizer and
/// prints the best architecture found.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search a space on its tabular benchmark and print the best architecture found (the default).",
        discussion: """
            Spaces: \(SpaceChoice.allCases.map(\.rawValue).joined(separator: ", ")). Optimizers: \
            \(OptimizerChoice.allCases.map(\.rawValue).joined(separator: ", ")).

            Each run writes <output>/<space>/<dataset>/<optimizer>/seed-<seed>/run.json (configuration, seed, git \
            commit, toolchain, table checksum and every query; the same command gives the same bytes) and \
            timing.json (wall times). A checkpoint is written after every query: a killed run continues with \
            --resume and ends with the same run.json as an uninterrupted one.
            """)

    @Option(help: "The search space.")
    var space = "nb201"

    @Option(help: "The optimizer.")
    var optimizer = "bananas"

    @Option(
        help: """
            The dataset of the table (default: cifar10 for nb201, cora for graph, proteins for graph-proteins, \
            fashion-mnist for size).
            """)
    var dataset: String?

    @Option(
        help: """
            The table file (default: data/tables/<space>.h5; for size data/tables/size-fashion-mnist.h5, which \
            nasrun tabulate --space size and tabulate-merge make).
            """)
    var table: String?

    @Option(parsing: .unconditional, help: "Stop after this many queries (default 150 unless --cost is given).")
    var queries: Int?

    @Option(
        parsing: .unconditional,
        help: "Stop once this much simulated cost is spent, in the table's unit (nb201: epochs; size: seconds).")
    var cost: Double?

    @Option(parsing: .unconditional, help: "The seed of the first run; run r uses seed + r.")
    var seed = 0

    @Option(help: "How many runs, with consecutive seeds.")
    var runs = 1

    @Option(name: .customLong("set"), help: "An optimizer hyper-parameter, as name=value (repeatable).")
    var hyperparameters: [String] = []

    @Option(
        help: """
            The metric the optimizer maximizes (default: test_accuracy for nb201, valid_accuracy for graph and \
            size).
            """)
    var objective: String?

    @Option(help: "Read the objective at this fixed epoch (e.g. 12 for nb201's valid_accuracy).")
    var objectiveEpoch: Int?

    @Option(help: "The metric reported and judged by regret (default: test_accuracy).")
    var reportedMetric: String?

    @Option(help: "The directory of the results.")
    var output = "runs"

    @Option(help: "Rewrite the checkpoint after a query once this many seconds have passed since the last (0: every query).")
    var checkpointInterval = 1.0

    @Flag(help: "Continue the runs found in --output (or read back the finished ones).")
    var resume = false

    @Flag(help: "Print only the summary, no progress line.")
    var quiet = false

    func validate() throws {
        if seed < 0 { throw ValidationError("the seed must be a non-negative integer (got \(seed)); give --seed 0 or more") }
        if runs < 1 { throw ValidationError("--runs must be at least 1 (got \(runs))") }
        if let queries, queries < 1 {
            throw ValidationError("the budget must be at least 1 query (got --queries \(queries))")
        }
        if let cost, !(cost > 0) || !cost.isFinite {
            throw ValidationError("the budget must be a positive simulated cost (got --cost \(cost))")
        }
        if !(checkpointInterval >= 0) {
            throw ValidationError("--checkpoint-interval must be 0 or more seconds (got \(checkpointInterval))")
        }
        if queries != nil, cost != nil { throw ValidationError("give --queries or --cost, not both") }
        if let objectiveEpoch, objectiveEpoch < 1 {
            throw ValidationError("--objective-epoch must be a positive epoch (got \(objectiveEpoch))")
        }
        _ = try parsedHyperparameters()
    }

    func run() throws {
        var tables = TableCache()
        var finals: [Double] = []
        var regrets: [Double] = []
        var metric = "reported"
        for runIndex in 0..<runs {
            let request = SearchRequest(
                space: space, optimizer: optimizer, table: table, dataset: dataset,
                hyperparameters: try parsedHyperparameters(), budget: budget, seed: UInt64(seed + runIndex),
                objective: objective, objectiveEpoch: objectiveEpoch, reportedMetric: reportedMetric)
            let configuration = try request.resolved()
            metric = configuration.reportedMetric
            let directory = RunLayout.directory(of: configuration, in: output)
            let line = ProgressLine(label: "\(configuration.optimizer) seed \(configuration.seed)", enabled: !quiet)
            let outcome = try SearchRunner.run(
                configuration, directory: directory, resume: resume, tables: &tables,
                checkpointInterval: checkpointInterval,
                progress: { progress in line.update(progress, metric: configuration.reportedMetric) })
            line.finish()
            guard let result = outcome.result else { continue }
            RunSummaryPrinter.print(result, timing: outcome.timing, directory: directory, outcome: outcome)
            if let final = result.final {
                finals.append(final.incumbentReported)
                regrets.append(final.regret)
            }
        }
        if runs > 1 { RunSummaryPrinter.printMean(finals: finals, regrets: regrets, metric: metric) }
    }

    private var budget: Budget {
        if let cost { return .cost(cost) }
        return .queries(queries ?? 150)
    }

    private func parsedHyperparameters() throws -> [String: String] {
        var parsed: [String: String] = [:]
        for item in hyperparameters {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--set takes name=value (got '\(item)'), e.g. --set population=50")
            }
            guard parsed.updateValue(parts[1], forKey: parts[0]) == nil else {
                throw ValidationError("--set gives \(parts[0]) twice; give each hyper-parameter once")
            }
        }
        return parsed
    }
}

/// The live progress line: rewritten in place on a terminal, a line every tenth of the budget otherwise.
final class ProgressLine {
    private let label: String
    private let enabled: Bool
    private let isTerminal = isatty(STDOUT_FILENO) != 0
    private var printedLength = 0
    private var lastDecile = -1

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ progress: RunProgress, metric: String) {
        guard enabled else { return }
        let total: String
        let fraction: Double
        switch progress.budget {
        case .queries(let count):
            total = "\(progress.queries)/\(count) queries"
            fraction = Double(progress.queries) / Double(count)
        case .cost(let amount):
            total = "\(progress.queries) queries, cost \(Format.fixed(progress.cost, 0))/\(Format.fixed(amount, 0))"
            fraction = progress.cost / amount
        }
        let text = "[\(label)] \(total)  best \(metric) \(Format.fixed(progress.incumbentReported, 2)) "
            + "(regret \(Format.fixed(progress.regret, 2)))  \(Format.fixed(progress.elapsedSeconds, 1)) s"
        if isTerminal {
            let padding = String(repeating: " ", count: max(0, printedLength - text.count))
            Swift.print("\r" + text + padding, terminator: "")
            fflush(nil)
            printedLength = text.count
        } else {
            let decile = Int(fraction * 10)
            if decile > lastDecile {
                lastDecile = decile
                emit(text)
            }
        }
    }

    func finish() {
        if enabled, isTerminal, printedLength > 0 {
            Swift.print("")
            fflush(nil)
        }
    }
}
