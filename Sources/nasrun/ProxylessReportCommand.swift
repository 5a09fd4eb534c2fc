import ArgumentParser
import Foundation
import NASRunner

/// `nasrun proxyless-report`: the accuracy/latency trade-off of a directory of `nasrun proxyless --output` files, as
/// a Markdown table and an SVG plot (Experiments/proxylessnas-mnasnet).
struct ProxylessReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxyless-report",
        abstract: "Summarise nasrun proxyless results: the accuracy/latency trade-off over λ (table and SVG plot).")

    @Option(help: "The directory of *.json results written by nasrun proxyless --output.")
    var runs: String

    @Option(help: "The directory to write results.md and results.svg to.")
    var output: String

    func run() throws {
        let directory = URL(fileURLWithPath: runs)
        let files = try FileManager.default.contentsOfDirectory(atPath: runs).filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else {
            throw ValidationError("--runs: \(runs) holds no *.json results; run nasrun proxyless --output there first")
        }
        let results = try files.map { file in
            try JSONDecoder().decode(
                ProxylessRunResult.self, from: Data(contentsOf: directory.appendingPathComponent(file)))
        }.sorted { $0.latencyWeight < $1.latencyWeight }
        var lines = [
            "| λ (per ms) | derived network | parameters | predicted latency (ms) | measured median (ms) | measured minimum (ms) | measured / predicted | shared-weight accuracy (%) | test accuracy after training (%) |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for result in results {
            lines.append(
                "| \(result.latencyWeight) | `\(result.derived.replacingOccurrences(of: "|", with: "\\|"))` | \(result.parameters) | "
                    + String(format: "%.3f | %.3f | %.3f | %.2f | %.1f | ", result.predictedLatency,
                        result.measuredLatencyMedian, result.measuredLatencyMinimum,
                        result.measuredLatencyMedian / result.predictedLatency, 100 * result.sharedWeightAccuracy)
                    + (result.testAccuracy.map { String(format: "%.1f", 100 * $0) } ?? "-") + " |")
        }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: URL(fileURLWithPath: output).appendingPathComponent("results.md").path, atomically: true,
            encoding: .utf8)
        let accuracy: (ProxylessRunResult) -> Double = { 100 * ($0.testAccuracy ?? $0.sharedWeightAccuracy) }
        let trained = results.allSatisfy { $0.testAccuracy != nil }
        let plot = ScatterPlot(
            title: "ProxylessNAS on the MnasNet-like space: accuracy against latency",
            xLabel: "latency of the derived network (ms, batch 1)",
            yLabel: trained ? "CIFAR-10 test accuracy after training (%)" : "shared-weight accuracy (%)",
            series: [
                ScatterPlot.Series(
                    name: "predicted (table)",
                    points: results.map { .init(x: $0.predictedLatency, y: accuracy($0), label: "λ=\($0.latencyWeight)") },
                    filled: true),
                ScatterPlot.Series(
                    name: "measured (median)",
                    points: results.map {
                        .init(x: $0.measuredLatencyMedian, y: accuracy($0), label: "λ=\($0.latencyWeight)")
                    },
                    filled: false),
            ],
            caption: [
                "nasrun proxyless --latency-weight λ --epochs \(results[0].epochs) --examples \(results[0].examples) --train-epochs \(results[0].trainEpochs) --seed \(results[0].seed)",
                "latency table \(results[0].latencyTable); data \(results[0].data)",
            ])
        try plot.document().write(
            toFile: URL(fileURLWithPath: output).appendingPathComponent("results.svg").path, atomically: true,
            encoding: .utf8)
        emit("wrote \(output)/results.md and \(output)/results.svg (\(results.count) runs)")
    }
}
