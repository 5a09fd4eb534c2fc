import Foundation
import NASCore
import Predictors
import TabularBenchmarks

/// The partial learning curves the study gives learning-curve predictors and OMNI: the first k epochs of every
/// row's training loss and validation accuracy, read from a table that records curves (`nasrun tabulate`), and
/// the training seconds those epochs cost.
struct StudyCurves {
    /// One curve of k epochs per table row.
    let curves: [LearningCurve]
    /// The training seconds to epoch k per row, when the table records them (`train_time`).
    let seconds: [Double]?

    /// Reads the first `epochs` epochs of every row's curves.
    ///
    /// - Parameters:
    ///   - reader: The predictor that asked, which opens every refusal.
    ///   - targetEpoch: The epoch of the predicted metric; the curve read must end before it.
    /// - Throws: ``RunError`` if the table has no per-epoch training loss or validation accuracy for `dataset`
    ///   (naming what it has instead and where curves come from), too few epochs, or values that are not a curve.
    static func read(
        _ table: TabularBenchmark, dataset: String, epochs: Int, targetEpoch: Int, reader: String
    ) throws(RunError) -> StudyCurves {
        guard epochs >= 1, epochs < targetEpoch else {
            throw RunError(
                "\(reader) reads the first epochs of each learning curve to predict epoch \(targetEpoch); "
                    + "--curve-epochs must lie between 1 and \(targetEpoch - 1) (got \(epochs))")
        }
        func curve(_ name: String, what: String) throws(RunError) -> (metric: TabularMetric, columns: [TabularColumn]) {
            let metric: TabularMetric
            do { metric = try table.metric(name, dataset: dataset) } catch {
                throw RunError(
                    "\(reader) reads \(epochs) epochs of \(what) per architecture; \(table.name) has no \(name) for "
                        + "\(dataset): use a table with learning curves (nasrun tabulate makes one), or a "
                        + "model-based or zero-cost predictor")
            }
            guard metric.epochMeaning == .curve, let stored = metric.epochs, stored.starts(with: 1...epochs) else {
                let has =
                    metric.epochs.map { "values at the separate budgets \($0.map(String.init).joined(separator: ", "))" }
                    ?? "one final value"
                throw RunError(
                    "\(reader) reads \(epochs) epochs of \(what) per architecture; \(table.name)'s \(dataset)/\(name) "
                        + "holds \(metric.epochMeaning == .curve ? "a curve of \(metric.epochs?.count ?? 0) epochs" : has), "
                        + "not a learning curve from epoch 1 to \(epochs): use a table with learning curves (nasrun "
                        + "tabulate makes one), fewer --curve-epochs, or a model-based or zero-cost predictor")
            }
            do {
                let columns = try (1...epochs).map { epoch throws(TabularBenchmarkError) in
                    try table.column(metric: name, dataset: dataset, epoch: epoch)
                }
                return (metric, columns)
            } catch {
                throw RunError(error.message)
            }
        }
        let losses = try curve("train_loss", what: "the training loss")
        let accuracies = try curve("valid_accuracy", what: "the validation accuracy")
        let scale = accuracies.metric.unit == "%" ? 0.01 : 1
        var curves: [LearningCurve] = []
        curves.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            do {
                curves.append(
                    try LearningCurve(
                        trainingLosses: losses.columns.map { table[$0, row] },
                        validationAccuracies: accuracies.columns.map { scale * table[$0, row] }))
            } catch {
                throw RunError("\(table.name), architecture \(table.architectures[row]): \(error)")
            }
        }
        var seconds: [Double]?
        if let column = try? table.column(metric: TabularSchema.trainingTimeMetric, dataset: dataset, epoch: epochs) {
            seconds = (0..<table.rowCount).map { table[column, $0] }
        }
        return StudyCurves(curves: curves, seconds: seconds)
    }
}

/// Zero-cost proxy scores per table row, read from the CSV file `nasrun proxies --output` writes (columns
/// `index`, `architecture`, the accuracy, then one column per proxy).
struct StudyProxyScores {
    /// Each proxy's score per table row.
    let scores: [ZeroCostProxy: [Double]]

    /// Reads the scores of `proxies` for the rows whose space indices are `indices`.
    ///
    /// - Throws: ``RunError`` naming the file and the fix if it cannot be read, lacks a proxy's column or an
    ///   architecture's row, or holds a value that is not a number.
    static func read(_ path: String?, proxies: [ZeroCostProxy], indices: [Int], reader: String) throws(RunError)
        -> StudyProxyScores
    {
        guard let path else {
            throw RunError(
                "\(reader) reads zero-cost scores of every architecture; give --proxy-scores FILE, written by "
                    + "nasrun proxies --output FILE for this table")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RunError("cannot read the proxy scores \(path): \(error.localizedDescription)")
        }
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let header = lines.first?.map(String.init), let indexColumn = header.firstIndex(of: "index") else {
            throw RunError("\(path) has no header with an index column; write it with nasrun proxies --output")
        }
        var columns: [ZeroCostProxy: Int] = [:]
        for proxy in proxies {
            guard let column = header.firstIndex(of: proxy.rawValue) else {
                throw RunError(
                    "\(path) has no \(proxy.rawValue) column (it has \(header.joined(separator: ", "))); compute it "
                        + "with nasrun proxies --proxies \(proxy.rawValue)")
            }
            columns[proxy] = column
        }
        var byIndex: [Int: [Substring]] = [:]
        for (number, line) in lines.dropFirst().enumerated() {
            guard line.count == header.count, let index = Int(line[indexColumn]) else {
                throw RunError("\(path), line \(number + 2): expected \(header.count) fields with an integer index")
            }
            byIndex[index] = line
        }
        var scores: [ZeroCostProxy: [Double]] = [:]
        for proxy in proxies {
            var values: [Double] = []
            values.reserveCapacity(indices.count)
            for index in indices {
                guard let line = byIndex[index] else {
                    throw RunError(
                        "\(path) has no scores for architecture \(index) of the table; compute the scores of every "
                            + "architecture of the table (nasrun proxies --table)")
                }
                let field = line[columns[proxy]!]
                guard let value = Double(field) else {
                    throw RunError("\(path): the \(proxy.rawValue) score of architecture \(index) is '\(field)', not a number")
                }
                values.append(value)
            }
            scores[proxy] = values
        }
        return StudyProxyScores(scores: scores)
    }
}
