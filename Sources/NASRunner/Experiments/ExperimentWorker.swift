import Foundation

/// One worker process of an experiment: runs its share of the plan (every `workers`-th run from `worker`),
/// skipping finished runs and continuing checkpointed ones, so an experiment killed at any moment loses at most
/// the query in flight.
public enum ExperimentWorker {
    /// Runs the share of `plan` that belongs to `worker` of `workers`.
    ///
    /// - Parameters:
    ///   - plan: The experiment's runs (``ExperimentSpecification/plan()``).
    ///   - directory: The experiment's directory; runs go to `runs/` inside it.
    ///   - worker: This worker's number in `0..<workers`.
    ///   - report: Called after each run with a one-line summary.
    /// - Throws: ``RunError`` from the first run that fails (its files are left for inspection).
    public static func run(
        _ plan: [PlannedRun], directory: String, worker: Int, of workers: Int, report: (String) -> Void
    ) throws(RunError) {
        var tables = TableCache()
        for (position, planned) in plan.enumerated() where position % workers == worker {
            let configuration = planned.configuration
            let runDirectory = planned.directory(in: directory)
            let outcome = try SearchRunner.run(configuration, directory: runDirectory, resume: true, tables: &tables)
            guard let final = outcome.result?.final else { continue }
            let seconds = outcome.timing.optimizerSeconds + outcome.timing.evaluationSeconds
            let state = outcome.wasFinished ? "had" : outcome.resumedAfter > 0 ? "resumed" : "ran"
            report(
                "[\(position + 1)/\(plan.count)] \(state) \(planned.grid) \(configuration.dataset) "
                    + "\(configuration.optimizer) seed \(configuration.seed): \(configuration.reportedMetric) "
                    + String(format: "%.2f (regret %.2f), %.1f s", locale: nil, final.incumbentReported, final.regret, seconds))
        }
    }

    /// How many runs of `plan` already have their results file in `directory`.
    public static func finishedCount(_ plan: [PlannedRun], directory: String) -> Int {
        plan.filter { FileManager.default.fileExists(atPath: $0.directory(in: directory) + "/" + RunFiles.result) }.count
    }
}
