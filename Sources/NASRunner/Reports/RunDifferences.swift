/// What, beyond the seed, sets two runs apart: a list of `field: left vs right` phrases for error messages.
enum RunDifferences {
    /// The differences between `left` and `right` in their configurations (all but the seed; hyper-parameters one
    /// by one), their tables' checksums and their oracles, in a fixed order; empty when they differ only in seed.
    static func between(_ left: RunResult, _ right: RunResult) -> [String] {
        let first = left.configuration
        let second = right.configuration
        var differences: [String] = []
        func compare(_ field: String, _ one: String, _ other: String) {
            if one != other { differences.append("\(field): \(one) vs \(other)") }
        }
        compare("table", first.table, second.table)
        compare("table checksum", left.provenance.tableSHA256, right.provenance.tableSHA256)
        for key in Set(first.hyperparameters.keys).union(second.hyperparameters.keys).sorted()
        where first.hyperparameters[key] != second.hyperparameters[key] {
            let one = first.hyperparameters[key]?.description ?? "absent"
            let other = second.hyperparameters[key]?.description ?? "absent"
            differences.append("hyperparameters.\(key): \(one) vs \(other)")
        }
        compare("budget", first.budget.description, second.budget.description)
        compare("objective", first.objective, second.objective)
        let epoch = { (epoch: Int?) in epoch.map { "\($0)" } ?? "none" }
        compare("objectiveEpoch", epoch(first.objectiveEpoch), epoch(second.objectiveEpoch))
        compare("reportedMetric", first.reportedMetric, second.reportedMetric)
        compare("oracle", left.oracle.summary, right.oracle.summary)
        compare("oracle architecture", left.oracle.architecture, right.oracle.architecture)
        return differences
    }
}
