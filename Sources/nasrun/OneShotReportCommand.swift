import ArgumentParser
import Foundation
import NASRunner

/// `nasrun oneshot-report`: the table of a directory of `nasrun oneshot --output` files (Experiments/oneshot-nb201).
struct OneShotReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oneshot-report",
        abstract: "Summarise nasrun oneshot results: derived cells, table accuracies and skip_connect counts.")

    @Option(help: "The directory of *.json results written by nasrun oneshot --output.")
    var runs: String

    @Option(help: "Write the Markdown table to this file (default: print it).")
    var output: String?

    @Option(help: "Write every run's derived cell per epoch, its skip_connect count and table accuracy to this CSV file.")
    var trajectories: String?

    @OptionGroup var location: TableOptions

    func run() throws {
        let directory = URL(fileURLWithPath: runs)
        let files = try FileManager.default.contentsOfDirectory(atPath: runs).filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else {
            throw ValidationError("--runs: \(runs) holds no *.json results; run nasrun oneshot --output there first")
        }
        let results = try files.map { file in
            try JSONDecoder().decode(OneShotRunResult.self, from: Data(contentsOf: directory.appendingPathComponent(file)))
        }
        var methods: [String] = []
        for result in results where !methods.contains(result.method) { methods.append(result.method) }
        var lines = [
            "| method | epochs | seeds | CIFAR-10 test accuracy (%) of the derived cells | mean ± sd | skip_connect edges | last change of the derived cell (epoch) |",
            "|---|---:|---:|---|---:|---|---|",
        ]
        for method in methods {
            let runs = results.filter { $0.method == method }.sorted { $0.seed < $1.seed }
            let accuracies = runs.compactMap(\.tableAccuracy)
            let mean = accuracies.reduce(0, +) / Double(max(accuracies.count, 1))
            let deviation = accuracies.count > 1
                ? (accuracies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(accuracies.count - 1)).squareRoot() : 0
            let each = runs.map { $0.tableAccuracy.map { String(format: "%.2f", $0) } ?? "?" }.joined(separator: ", ")
            let skips = runs.map { "\(Self.skips(in: $0.derived))" }.joined(separator: ", ")
            let settled = runs.map { run -> String in
                let derived = run.records.compactMap(\.derived)
                guard let last = derived.last, run.records.contains(where: { $0.derived != nil }) else { return "-" }
                let index = run.records.lastIndex { $0.derived != nil && $0.derived != last }
                return index.map { "\(run.records[$0].epoch + 1)" } ?? "0"
            }.joined(separator: ", ")
            lines.append(
                "| \(method) | \(runs[0].epochs) | \(runs.count) | \(each) | \(String(format: "%.2f ± %.2f", mean, deviation)) | \(skips) | \(settled) |")
        }
        lines.append("")
        lines.append("Derived cells:")
        lines.append("")
        for result in results {
            lines.append("- \(result.method), seed \(result.seed): `\(result.derived)`")
        }
        if let trajectories {
            let table = try location.defaultTable(of: "nb201")
            let column = try table.column(metric: "test_accuracy", dataset: "cifar10", epoch: 200)
            var rows = ["method,seed,epoch,skip_connect,cifar10_test_accuracy_200,derived"]
            for result in results {
                for record in result.records {
                    guard let cell = record.derived else { continue }
                    let accuracy = (try? table.row(ofArchitecture: cell)).map { String(format: "%.4f", table[column, $0]) } ?? ""
                    rows.append("\(result.method),\(result.seed),\(record.epoch),\(Self.skips(in: cell)),\(accuracy),\(cell)")
                }
            }
            try (rows.joined(separator: "\n") + "\n").write(toFile: trajectories, atomically: true, encoding: .utf8)
        }
        let text = lines.joined(separator: "\n") + "\n"
        if let output { try text.write(toFile: output, atomically: true, encoding: .utf8) } else { print(text, terminator: "") }
    }

    /// The number of `skip_connect` edges in an NB201 cell's text.
    static func skips(in cell: String) -> Int { cell.components(separatedBy: "skip_connect").count - 1 }
}
