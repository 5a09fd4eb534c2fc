import Foundation
import Testing
import _TestSupport

@testable import NASRunner

@Suite("ExperimentReport, RunFile")
struct ExperimentReportTests {
    @Test("a report has the Markdown, the CSV and one plot per space and dataset, named after them")
    func report() throws {
        let cifar100 = ReportFixtures.run("c100.json", seed: 0, incumbents: [70, 71], dataset: "cifar100")
        let runs = try ExperimentRuns(ReportFixtures.evolution + [cifar100])
        let report = try ExperimentReport(runs: runs, budgets: [.queries(2)])
        #expect(report.plots.map(\.fileName) == ["regret-nb201-cifar10.svg", "regret-nb201-cifar100.svg"])
        #expect(report.markdown == report.summary.markdown())
        #expect(report.csv.split(separator: "\n").count == 3)
        #expect(report.plots.allSatisfy { SVGDocument($0.svg).isWellFormed })
    }

    @Test("a results file reads back; a file of another kind or layout version is refused with what to do")
    func runFiles() throws {
        let directory = TemporaryDirectory()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let original = ReportFixtures.evolution[0].result
        let path = directory.write(Array(try encoder.encode(original)), to: "run.json")
        let file = try RunFile(contentsOf: path)
        #expect(file.result == original)
        #expect(file.path == path)

        // Refusals carry the runner's reader's message, naming the file.
        let other = directory.write(Array(#"{"format":"something-else","version":1}"#.utf8), to: "other.json")
        let newer = directory.write(Array(#"{"format":"naskit-search-run","version":2}"#.utf8), to: "newer.json")
        for path in [other, newer, directory.path + "/missing.json"] {
            let error = #expect(throws: ReportError.self) { try RunFile(contentsOf: path) }
            var expected = ""
            do { _ = try RunResult.read(from: path) } catch { expected = error.message }
            #expect(error?.message == expected)
            #expect(expected.contains(path))
        }
    }
}
