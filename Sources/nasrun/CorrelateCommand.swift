import ArgumentParser
import Foundation
import NASRunner
import Predictors
import TabularBenchmarks

/// `nasrun correlate`: how two tables (or two metrics of one) rank the architectures they share.
struct CorrelateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correlate",
        abstract: "Rank correlations of one metric of one table with a metric of another, over their shared architectures.",
        discussion: """
            Rows are matched by the architecture's text form. Prints Kendall's tau-b, Spearman's rho and Pearson's r \
            with the number of architectures, e.g. a tabulation on Fashion-MNIST against NAS-Bench-201's CIFAR-10: \
            nasrun correlate --table t.h5 --dataset fashion-mnist --metric test_accuracy \
            --with data/tables/nb201.h5 --with-dataset cifar10 --with-metric test_accuracy
            """)

    @Option(help: "The first table.")
    var table: String

    @Option(help: "Its dataset.")
    var dataset: String

    @Option(help: "Its metric.")
    var metric: String

    @Option(help: "Its epoch (default: the metric's final value).")
    var epoch: Int?

    @Option(help: "The second table (default: the first).")
    var with: String?

    @Option(help: "The second table's dataset (default: the first's).")
    var withDataset: String?

    @Option(help: "The second table's metric (default: the first's).")
    var withMetric: String?

    @Option(help: "The second metric's epoch (default: its final value).")
    var withEpoch: Int?

    func run() throws {
        let first = try TabularBenchmark.open(path: table)
        let second = try with.map { try TabularBenchmark.open(path: $0) } ?? first
        guard first.metadata.space == second.metadata.space else {
            throw RunError(
                "\(first.name) is a table of \(first.metadata.space) and \(second.name) of \(second.metadata.space); "
                    + "correlate tables of one space")
        }
        let firstColumn = try first.column(metric: metric, dataset: dataset, epoch: epoch)
        let secondColumn = try second.column(
            metric: withMetric ?? metric, dataset: withDataset ?? dataset, epoch: withEpoch)
        var x: [Double] = []
        var y: [Double] = []
        for (row, text) in first.architectures.enumerated() {
            guard let other = try? second.row(ofArchitecture: text) else { continue }
            let a = first[firstColumn, row]
            let b = second[secondColumn, other]
            guard a.isFinite, b.isFinite else { continue }
            x.append(a)
            y.append(b)
        }
        guard x.count >= 2 else {
            throw RunError("\(first.name) and \(second.name) share \(x.count) architecture(s) with values; need 2")
        }
        emit("\(first.name) \(firstColumn) vs \(second.name) \(secondColumn): \(x.count) architectures")
        emit(String(
            format: "Kendall tau %.4f, Spearman rho %.4f, Pearson r %.4f", locale: nil,
            RankCorrelation.kendallTau(x, y), RankCorrelation.spearman(x, y), RankCorrelation.pearson(x, y)))
    }
}
