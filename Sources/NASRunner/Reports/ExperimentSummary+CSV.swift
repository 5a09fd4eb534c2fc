extension ExperimentSummary {
    /// The summary as CSV (RFC 4180, `\n` line ends): a header, then one row per (space, dataset, optimizer) with
    /// the oracle, n and, per budget, the raw mean and standard error of the incumbent's reported metric and of its
    /// regret.
    ///
    /// Columns: `space,dataset,optimizer,metric,oracle,budget_axis,n`, then for each budget `b` in ascending
    /// order `incumbent_mean@b,incumbent_se@b,regret_mean@b,regret_se@b`. Numbers have a fixed count of decimals
    /// (default 6); a standard error that does not exist (n = 1) is an empty field.
    ///
    /// - Parameter format: How numbers are printed.
    /// - Returns: The file's text, ending with a newline.
    public func csv(format: ReportNumberFormat = ReportNumberFormat()) -> String {
        var header = ["space", "dataset", "optimizer", "metric", "oracle", "budget_axis", "n"]
        for budget in budgets {
            let label = budget.label
            header += ["incumbent_mean@\(label)", "incumbent_se@\(label)", "regret_mean@\(label)", "regret_se@\(label)"]
        }
        var lines = [CSVText.row(header)]
        for benchmark in benchmarks {
            for row in benchmark.rows {
                var fields = [
                    benchmark.space, benchmark.dataset, row.optimizer, benchmark.oracle.metric,
                    format.raw(benchmark.oracle.value), axis.rawValue, "\(row.seeds.count)",
                ]
                for cell in row.cells {
                    fields += [
                        format.raw(cell.incumbent.mean), cell.incumbent.standardError.map(format.raw) ?? "",
                        format.raw(cell.regret.mean), cell.regret.standardError.map(format.raw) ?? "",
                    ]
                }
                lines.append(CSVText.row(fields))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// CSV text (RFC 4180).
enum CSVText {
    /// The fields joined by commas, each quoted when it holds a comma, a quote or a line break.
    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    /// `field`, or `"field"` with inner quotes doubled when it needs quoting.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        var text = "\""
        for character in field {
            if character == "\"" { text += "\"" }
            text.append(character)
        }
        return text + "\""
    }
}
