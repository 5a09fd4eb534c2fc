import ArgumentParser
import Foundation
import NASRunner
import Predictors

/// `nasrun predictors`: the predictor study on a tabular benchmark.
struct PredictorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predictors",
        abstract: "Evaluate performance predictors on a table: rank correlations against training size.",
        discussion: """
            Predictors: all (the model-based ones), \(PredictorChoice.allCases.map(\.rawValue).joined(separator: ", ")). \
            Model-based predictors and OMNI are fitted on seeded training sets of the given sizes and judged on a \
            held-out test set (White et al., NeurIPS 2021); learning-curve predictors (sotl, sotle, valacc, lce) read \
            the first --curve-epochs epochs of each test architecture's curve, from a table that records curves \
            (nasrun tabulate); zero-cost proxies and OMNI read the scores in --proxy-scores (nasrun proxies --output).
            """)

    @Option(help: "The search space.")
    var space = "nb201"

    @Option(help: "The table (default: the space's).")
    var table: String?

    @Option(help: "The dataset (default: the space's).")
    var dataset: String?

    @Option(help: "The metric predicted (default: the space's reported metric).")
    var metric: String?

    @Option(help: "Comma-separated predictors, or all.")
    var predictors = "all"

    @Option(help: "Comma-separated training-set sizes.")
    var sizes = "10,20,50,100,200"

    @Option(help: "Test-set size.")
    var testSize = 1000

    @Option(help: "How many seeds (0, 1, ...).")
    var seeds = 5

    @Option(help: "Comma-separated query budgets: epochs of partial learning curve the learning-curve predictors and OMNI read.")
    var curveEpochs = ""

    private var curveEpochList: [Int] { curveEpochs.split(separator: ",").compactMap { Int($0) } }

    @Option(help: "The zero-cost scores of the table's architectures (a CSV written by nasrun proxies --output).")
    var proxyScores: String?

    @Option(help: "Comma-separated proxies whose scores OMNI adds to the encoding.")
    var omniProxies = OmniConfiguration().proxies.map(\.rawValue).joined(separator: ",")

    @Option(help: "Write results.md, results.csv and results.svg (Kendall's tau against training size) into this directory.")
    var output: String?

    private var sizeList: [Int] { sizes.split(separator: ",").compactMap { Int($0) } }

    func validate() throws {
        guard sizeList.count == sizes.split(separator: ",").count, !sizeList.isEmpty else {
            throw ValidationError("--sizes takes integers separated by commas (got '\(sizes)')")
        }
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1 (got \(seeds))") }
        guard curveEpochList.count == curveEpochs.split(separator: ",").count else {
            throw ValidationError("--curve-epochs takes integers separated by commas (got '\(curveEpochs)')")
        }
        _ = try omniProxyList()
    }

    private func omniProxyList() throws -> [ZeroCostProxy] {
        try ZeroCostProxy.list(omniProxies, option: "--omni-proxies")
    }

    func run() throws {
        let choice = try SpaceChoice.named(space)
        let settings = PredictorStudy.Settings(
            space: choice.rawValue, table: table ?? choice.defaultTable, dataset: dataset ?? choice.defaultDataset,
            metric: metric ?? choice.defaultReportedMetric,
            predictors: try PredictorChoice.named(predictors.split(separator: ",").map(String.init)),
            trainingSizes: sizeList, testSize: testSize, seeds: (0..<seeds).map(UInt64.init), curveEpochs: curveEpochList,
            proxyScores: proxyScores, omniProxies: try omniProxyList())
        let records = try PredictorStudy.run(settings) { record in
            emit(String(
                format: "%@ n=%d seed %llu: tau %.3f  rho %.3f  fit %.3f s", locale: nil,
                record.label as NSString, record.trainingSize, record.seed, record.kendallTau,
                record.spearman, record.fitSeconds))
        }
        let markdown = PredictorStudy.markdown(records, settings: settings)
        if let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try Data(markdown.utf8).write(to: URL(fileURLWithPath: output + "/results.md"))
            try Data(PredictorStudy.csv(records).utf8).write(to: URL(fileURLWithPath: output + "/results.csv"))
            try Data(PredictorStudyPlot.svg(records, settings: settings).utf8)
                .write(to: URL(fileURLWithPath: output + "/results.svg"))
            emit("wrote \(output)/results.md, results.csv and results.svg")
        } else {
            print(markdown, terminator: "")
        }
    }
}
