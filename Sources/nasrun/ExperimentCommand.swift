import ArgumentParser
import Foundation
import NASRunner

/// `nasrun experiment Experiments/<name>`: runs an experiment's grid in parallel worker processes, skipping
/// finished runs, and renders its tables and plots.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run an experiment's grid of searches in parallel worker processes and render its report.",
        discussion: """
            The directory holds experiment.json (grids of space x datasets x optimizers x seeds, budgets and the \
            report's budgets). Runs go to <directory>/runs/<grid>/<space>/<dataset>/<optimizer>/seed-<seed>/; \
            finished runs are skipped and checkpointed ones continued, so the command can be killed and repeated. \
            The report is written to <directory>/results.md, results.csv and plots/.
            """)

    @Argument(help: "The experiment's directory (holding experiment.json).")
    var directory: String

    @Option(help: "Worker processes (default: the number of online processors).")
    var workers: Int?

    @Flag(help: "Only render the report from the finished runs.")
    var reportOnly = false

    @Option(help: .hidden)
    var worker: Int?

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1 (got \(workers))") }
        if let worker, let workers, !(0..<workers).contains(worker) {
            throw ValidationError("--worker must be in 0..<\(workers)")
        }
    }

    func run() throws {
        let specification = try ExperimentSpecification.read(directory: directory)
        let plan = try specification.plan()
        let workerCount = workers ?? ProcessInfo.processInfo.activeProcessorCount
        if let worker {
            try ExperimentWorker.run(plan, directory: directory, worker: worker, of: workerCount) { emit($0) }
            return
        }
        if !reportOnly {
            let finished = ExperimentWorker.finishedCount(plan, directory: directory)
            emit("\(specification.title): \(plan.count) runs, \(finished) finished; \(workerCount) worker process(es)")
            if finished < plan.count {
                try WorkerProcesses.run(
                    ["experiment", directory], count: workerCount, whatIsKept: "finished runs are kept")
            }
        }
        try ExperimentReportWriter.write(specification, plan: plan, directory: directory) { emit($0) }
    }
}
