/// The runs of one search space and dataset, one group per optimizer, measured against one oracle.
public struct BenchmarkRuns: Hashable, Sendable {
    /// The search space (`"nb201"`).
    public let space: String
    /// The dataset (`"cifar10"`).
    public let dataset: String
    /// The table's best value of the reported metric, shared by every run here.
    public let oracle: Oracle
    /// One group per optimizer, in report order.
    public let groups: [OptimizerRuns]

    /// Checks that every optimizer's runs share the oracle's metric and value (the same reported metric of the same
    /// table).
    ///
    /// - Throws: ``ReportError`` naming a file of each of two optimizers whose oracles differ.
    init(space: String, dataset: String, checking groups: [OptimizerRuns]) throws {
        precondition(!groups.isEmpty, "BenchmarkRuns: no groups")
        let reference = groups[0]
        for group in groups.dropFirst() where group.oracle.summary != reference.oracle.summary {
            throw ReportError(
                "cannot summarize \(space) · \(dataset): \(reference.runs[0].path) (\(reference.optimizer)) "
                    + "and \(group.runs[0].path) (\(group.optimizer)) "
                    + "have different oracles (\(reference.oracle.summary) vs \(group.oracle.summary)); "
                    + "compare optimizers on one table and one reported metric")
        }
        self.space = space
        self.dataset = dataset
        self.oracle = reference.oracle
        self.groups = groups
    }

    /// `"<space> · <dataset>"`, as titles show it.
    public var title: String { "\(space) · \(dataset)" }

    /// A file name for this benchmark's plot, `regret-<space>-<dataset>.svg`, with any character other than
    /// letters, digits, `.`, `_` and `-` replaced by `_`.
    public var plotFileName: String {
        let safe = "\(space)-\(dataset)".map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
                ? character : "_"
        }
        return "regret-" + String(safe) + ".svg"
    }
}

extension Oracle {
    /// `"test_accuracy 94.37333"`.
    var summary: String { "\(metric) \(JSONValue.number(value))" }
}
