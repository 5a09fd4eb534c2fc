import Foundation
import NASRunner

/// Prints what a search found: the best architecture in the space's text form with its metrics.
enum RunSummaryPrinter {
    static func print(_ result: RunResult, timing: RunTiming, directory: String, outcome: RunOutcome) {
        guard let final = result.final else { return }
        let configuration = result.configuration
        let best = result.trajectory[final.incumbentQuery - 1]
        if outcome.wasFinished { emit("(read back the finished run in \(directory))") }
        emit("best architecture (\(configuration.space), \(configuration.dataset), \(configuration.optimizer), seed \(configuration.seed)):")
        emit("  \(best.architecture)")
        emit("  \(configuration.reportedMetric) \(Format.fixed(best.reported, 4)); table optimum \(Format.fixed(result.oracle.value, 4)), regret \(Format.fixed(final.regret, 4))")
        let fidelity = best.fidelity.map { " at \($0) epochs" } ?? ""
        emit("  objective \(configuration.objective)\(fidelity) \(Format.fixed(best.objective, 4)); found at query \(best.query) of \(result.trajectory.count)")
        emit("  simulated cost \(Format.fixed(final.cumulativeCost, 0)) \(result.costUnit); wall \(Format.fixed(timing.optimizerSeconds + timing.evaluationSeconds, 2)) s (optimizer \(Format.fixed(timing.optimizerSeconds, 2)) s)")
        emit("  results: \(directory)/run.json")
    }

    static func printMean(finals: [Double], regrets: [Double], metric: String) {
        guard !finals.isEmpty else { return }
        emit("over \(finals.count) runs: \(metric) \(meanAndError(finals)), regret \(meanAndError(regrets))")
    }

    private static func meanAndError(_ values: [Double]) -> String {
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return Format.fixed(mean, 4) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return "\(Format.fixed(mean, 4)) ± \(Format.fixed((variance / Double(values.count)).squareRoot(), 4))"
    }
}

/// Fixed-point formatting independent of the locale.
enum Format {
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.\(decimals)f", locale: nil, value)
    }
}
