extension ExperimentSummary {
    /// The summary as Markdown: a short legend, then per (space, dataset) a heading, the oracle's value and a table
    /// with one row per optimizer (its n) and, per budget, the reported metric and the regret as `mean ± SE`.
    ///
    /// The same summary and format give the same bytes (numbers through ``DecimalText``; lines end with `\n`).
    ///
    /// - Parameters:
    ///   - format: How numbers are printed (default: metric 2 decimals, regret 3 significant digits).
    ///   - headingLevel: The level of the document's title (default 1, `#`); each (space, dataset) heading is one
    ///     level below. Use 3 to embed the summary under a `##` section of a larger document. Clamped to 1...5.
    /// - Returns: The document, ending with a newline.
    public func markdown(format: ReportNumberFormat = ReportNumberFormat(), headingLevel: Int = 1) -> String {
        let level = min(max(headingLevel, 1), 5)
        let title = String(repeating: "#", count: level)
        var lines = [
            "\(title) Experiment summary",
            "",
            "Mean ± standard error over seeds (n) of the incumbent's reported metric and of its regret "
                + "(oracle − incumbent) after each budget in \(axis.label). "
                + "n/a: one seed, so no standard error.",
        ]
        for benchmark in benchmarks {
            let metric = MarkdownText.escaped(benchmark.oracle.metric)
            lines += [
                "",
                "\(title)# \(MarkdownText.escaped(benchmark.title))",
                "",
                "Oracle (the table's best \(metric)): "
                    + DecimalText.fixed(benchmark.oracle.value, decimals: format.metricDecimals),
                "",
            ]
            var header = ["optimizer", "n"]
            var alignment = [":---", "---:"]
            for budget in budgets {
                header += ["\(metric) @\(budget.label)", "regret @\(budget.label)"]
                alignment += ["---:", "---:"]
            }
            lines.append(MarkdownText.row(header))
            lines.append(MarkdownText.row(alignment))
            for row in benchmark.rows {
                var cells = [MarkdownText.escaped(row.optimizer), "\(row.seeds.count)"]
                for cell in row.cells { cells += [format.metric(cell.incumbent), format.regret(cell.regret)] }
                lines.append(MarkdownText.row(cells))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Markdown table text.
enum MarkdownText {
    /// `| a | b |`.
    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// `text` safe in a table cell: every `|` and `\` escaped with a backslash, line breaks as spaces. (Names such
    /// as `random_search` keep their underscores: inside a word they start no emphasis.)
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "|" || character == "\\" {
                result += "\\" + String(character)
            } else if character.isNewline {
                result += " "
            } else {
                result.append(character)
            }
        }
        return result
    }
}
