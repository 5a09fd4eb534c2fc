import NASSpaces
import TabularBenchmarks

/// The published facts about NAS-Bench-201 that the shared data README states, checked on every imported table
/// that has NAS-Bench-201's 200-epoch test accuracies and indices:
///
/// - the best CIFAR-10 test accuracy after 200 epochs is index 6111, 94.3733 (tied with index 13714; ties go to
///   the lower index); the best CIFAR-100 is index 9930, 73.5133; the best ImageNet16-120 index 857, 47.3111;
/// - index 1835 is the all-`skip_connect` cell, at 54.2967 / 15.6067 / 16.3222: the value DARTS collapses to in
///   the NAS-Bench-201 paper;
/// - when the table has the 12-epoch CIFAR-10 validation accuracy: its Spearman rank correlation with the
///   200-epoch CIFAR-10 test accuracy is 0.77 (to two decimals).
///
/// Values are compared after rounding to four decimals, as the README prints them.
public enum NB201ReferenceFacts {
    struct Best {
        let dataset: String
        let sourceIndex: Int
        let value: Double
    }

    static let best = [
        Best(dataset: "cifar10", sourceIndex: 6111, value: 94.3733),
        Best(dataset: "cifar100", sourceIndex: 9930, value: 73.5133),
        Best(dataset: "ImageNet16-120", sourceIndex: 857, value: 47.3111),
    ]
    static let allSkipIndex = 1835
    static let allSkipValues = ["cifar10": 54.2967, "cifar100": 15.6067, "ImageNet16-120": 16.3222]

    /// Checks the facts on `table`, skipping those about rows or metrics it does not have (a partial import).
    ///
    /// - Returns: One line per fact checked.
    /// - Throws: ``TabularImportError`` naming a violated fact: the table does not hold NAS-Bench-201's data.
    public static func check(_ table: TabularBenchmark) throws(TabularImportError) -> [String] {
        guard let sourceIndices = table.sourceIndices else { return [] }
        var rowOfIndex: [Int: Int] = [:]
        for (row, index) in sourceIndices.enumerated() { rowOfIndex[index] = row }
        let complete = sourceIndices.count == NB201Space().architectureCount
        var checked: [String] = []
        for fact in best {
            guard let column = try? table.column(metric: "test_accuracy", dataset: fact.dataset, epoch: 200) else {
                continue
            }
            if complete {
                var bestRow = 0
                for row in 1..<table.rowCount where table[column, row] > table[column, bestRow] { bestRow = row }
                let ties = (0..<table.rowCount).filter { table[column, $0] == table[column, bestRow] }
                    .map { sourceIndices[$0] }.sorted()
                guard ties.first == fact.sourceIndex, rounded(table[column, bestRow]) == fact.value else {
                    throw violated(
                        "the best \(fact.dataset) test accuracy after 200 epochs is index \(fact.sourceIndex) "
                            + "(\(fact.value)), but the table's is index \(ties.first ?? -1) "
                            + "(\(table[column, bestRow]))", table)
                }
                let tieNote = ties.count > 1 ? " (tied with index \(ties.dropFirst().map(String.init).joined(separator: ", ")))" : ""
                checked.append(
                    "best \(fact.dataset) test accuracy after 200 epochs: index \(fact.sourceIndex), "
                        + "\(table[column, bestRow])\(tieNote)")
            } else if let row = rowOfIndex[fact.sourceIndex] {
                guard rounded(table[column, row]) == fact.value else {
                    throw violated(
                        "index \(fact.sourceIndex)'s \(fact.dataset) test accuracy is \(fact.value), the table's "
                            + "\(table[column, row])", table)
                }
                checked.append("index \(fact.sourceIndex): \(fact.dataset) test accuracy \(table[column, row])")
            }
        }
        if let row = rowOfIndex[allSkipIndex] {
            let allSkip = NB201Space().format(NB201Architecture(repeating: .skipConnect))
            guard table.architectures[row] == allSkip else {
                throw violated("index 1835 is \(allSkip), the table's \(table.architectures[row])", table)
            }
            var values: [String] = []
            for dataset in allSkipValues.keys.sorted() {
                guard let column = try? table.column(metric: "test_accuracy", dataset: dataset, epoch: 200) else {
                    continue
                }
                guard rounded(table[column, row]) == allSkipValues[dataset] else {
                    throw violated(
                        "the all-skip cell's \(dataset) test accuracy is \(allSkipValues[dataset]!), the table's "
                            + "\(table[column, row])", table)
                }
                values.append("\(dataset) \(table[column, row])")
            }
            checked.append("index 1835 is the all-skip_connect cell: " + values.joined(separator: ", "))
        }
        if complete, let low = try? table.column(metric: "valid_accuracy", dataset: "cifar10", epoch: 12),
            let high = try? table.column(metric: "test_accuracy", dataset: "cifar10", epoch: 200)
        {
            let correlation = RankCorrelation.spearman(
                (0..<table.rowCount).map { table[low, $0] }, (0..<table.rowCount).map { table[high, $0] })
            guard (correlation * 100).rounded() == 77 else {
                throw violated("Spearman(c10_valid_12, c10_test_200) is about 0.77, the table's \(correlation)", table)
            }
            checked.append("Spearman rank correlation of 12-epoch CIFAR-10 validation and 200-epoch test accuracy: "
                + String(correlation))
        }
        return checked
    }

    private static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    private static func violated(_ fact: String, _ table: TabularBenchmark) -> TabularImportError {
        TabularImportError("\(table.name) contradicts NAS-Bench-201: \(fact); it does not hold the published data")
    }
}

/// Spearman's rank correlation with average ranks for ties.
enum RankCorrelation {
    static func spearman(_ first: [Double], _ second: [Double]) -> Double {
        let a = ranks(first)
        let b = ranks(second)
        let count = Double(a.count)
        let meanA = a.reduce(0, +) / count
        let meanB = b.reduce(0, +) / count
        var covariance = 0.0
        var varianceA = 0.0
        var varianceB = 0.0
        for (x, y) in zip(a, b) {
            covariance += (x - meanA) * (y - meanB)
            varianceA += (x - meanA) * (x - meanA)
            varianceB += (y - meanB) * (y - meanB)
        }
        return covariance / (varianceA * varianceB).squareRoot()
    }

    /// 0-based ranks, ties sharing their average rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for position in start...end { ranks[order[position]] = Double(start + end) / 2 }
            start = end + 1
        }
        return ranks
    }
}
