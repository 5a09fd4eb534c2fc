/// Everything `nasrun experiment` writes for a set of runs: the Markdown table, the CSV and one regret plot per
/// (space, dataset), as text with file names. Writing them is the caller's business.
public struct ExperimentReport: Sendable {
    /// A plot and the file name to write it to.
    public struct Plot: Hashable, Sendable {
        /// `regret-<space>-<dataset>.svg`.
        public let fileName: String
        /// The SVG text.
        public let svg: String
    }

    /// The numbers behind the tables.
    public let summary: ExperimentSummary
    /// The Markdown table (`summary.md`).
    public let markdown: String
    /// The CSV table (`summary.csv`).
    public let csv: String
    /// One plot per (space, dataset), in the summary's order.
    public let plots: [Plot]

    /// Summarizes, renders and plots.
    ///
    /// - Parameters:
    ///   - runs: The checked runs (``ExperimentRuns/init(_:optimizerOrder:)``).
    ///   - budgets: The table's budgets, one kind.
    ///   - format: How the tables print numbers.
    ///   - plotOptions: The plots' axis, x scale and regret floor.
    /// - Throws: ``ReportError`` from the summary (budgets, a run that does not reach one) or a plot.
    public init(
        runs: ExperimentRuns, budgets: [AnytimeBudget], format: ReportNumberFormat = ReportNumberFormat(),
        plotOptions: RegretPlotOptions = RegretPlotOptions()
    ) throws {
        summary = try ExperimentSummary(runs, budgets: budgets)
        markdown = summary.markdown(format: format)
        csv = summary.csv(format: format)
        plots = try runs.benchmarks.map { benchmark in
            let plot = try RegretPlot(benchmark, optimizers: runs.optimizers, options: plotOptions)
            return Plot(fileName: benchmark.plotFileName, svg: plot.svg())
        }
    }
}
