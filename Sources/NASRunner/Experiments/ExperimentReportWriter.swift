import Foundation

/// Renders an experiment's report from its finished runs: `results.md` (one section per grid: the table of mean
/// ± standard error at the grid's budgets, the oracle, links to the plots), `results-<grid>.csv` and
/// `plots/<grid>-regret-<space>-<dataset>.svg`. Same runs, same bytes.
public enum ExperimentReportWriter {
    /// Writes the report of `specification`'s finished runs into `directory`.
    ///
    /// - Parameter log: Called with a line per file written.
    /// - Throws: ``RunError`` if a finished run cannot be read or the runs cannot be summarized (the message names
    ///   the files).
    public static func write(
        _ specification: ExperimentSpecification, plan: [PlannedRun], directory: String, log: (String) -> Void
    ) throws(RunError) {
        var markdown = "# \(specification.title)\n\n"
        markdown += "Rendered by `nasrun experiment \(directory)` from the runs in `runs/` (see README.md).\n"
        try RunFiles.makeDirectory(directory + "/plots")
        for grid in specification.grids {
            let planned = plan.filter { $0.grid == grid.name }
            var files: [RunFile] = []
            for run in planned {
                let path = run.directory(in: directory) + "/" + RunFiles.result
                guard RunFiles.exists(path) else { continue }
                files.append(RunFile(path: path, result: try RunResult.read(from: path)))
            }
            markdown += "\n## \(grid.name)\n\n"
            markdown += "\(grid.space), \(grid.datasets.joined(separator: ", ")); \(grid.seeds) seeds per optimizer, "
                + "budget \(grid.budget). \(files.count) of \(planned.count) runs finished.\n\n"
            guard !files.isEmpty else { continue }
            let axis: BudgetAxis
            let budgets: [AnytimeBudget]
            switch grid.budget {
            case .queries:
                axis = .queries
                budgets = grid.reportBudgets.map { .queries(Int($0)) }
            case .cost:
                axis = .cost
                budgets = grid.reportBudgets.map { .cost($0) }
            }
            do {
                let runs = try ExperimentRuns(files, optimizerOrder: grid.optimizers)
                let summary = try ExperimentSummary(runs, budgets: budgets)
                // Accuracies in % get 2 decimals; fractions (NAS-Bench-Graph) 4, so their differences show.
                let fractional = runs.benchmarks.allSatisfy { $0.oracle.value <= 1 }
                let format = try ReportNumberFormat(
                    metricDecimals: fractional ? 4 : 2, regretSignificantDigits: 3, csvDecimals: 6)
                markdown += summary.markdown(format: format, headingLevel: 3)
                let csvPath = directory + "/results-\(grid.name).csv"
                try RunFiles.write(Data(summary.csv(format: format).utf8), to: csvPath)
                log("wrote \(csvPath)")
                markdown += "\n"
                for benchmark in runs.benchmarks {
                    let plot = try RegretPlot(
                        benchmark, optimizers: runs.optimizers, options: RegretPlotOptions(axis: axis))
                    let name = "\(grid.name)-\(benchmark.plotFileName)"
                    try RunFiles.write(Data(plot.svg().utf8), to: directory + "/plots/" + name)
                    log("wrote \(directory)/plots/\(name)")
                    markdown += "![\(benchmark.title)](plots/\(name))\n"
                }
            } catch let error as RunError {
                throw error
            } catch {
                throw RunError("cannot report grid '\(grid.name)' of \(directory): \(error)")
            }
        }
        let path = directory + "/results.md"
        try RunFiles.write(Data(markdown.utf8), to: path)
        log("wrote \(path)")
    }
}
