extension PredictorStudy {
    /// The study's table in Markdown: per predictor and training size, the mean ± standard error over seeds of
    /// Kendall's τ, then Spearman's ρ, precision at the top 10%, and the fit and query times at each size.
    public static func markdown(_ records: [Record], settings: Settings) -> String {
        var text = "# Predictor study: \(settings.space), \(settings.dataset), \(settings.metric)\n\n"
        text += "Table `\(settings.table)`; test set of \(settings.testSize) architectures; seeds "
            + settings.seeds.map(String.init).joined(separator: ", ") + "; mean ± standard error over seeds.\n"
        let sizes = settings.trainingSizes
        let measures: [(String, (Record) -> Double, Int)] = [
            ("Kendall's τ", \.kendallTau, 3), ("Spearman's ρ", \.spearman, 3),
            ("precision at the top 10%", \.precisionAtTop10Percent, 3), ("fit time (s)", \.fitSeconds, 4),
            ("query time per architecture (ms)", { 1000 * $0.querySeconds }, 4),
        ]
        for (title, value, decimals) in measures {
            text += "\n## \(title)\n\n| predictor | " + sizes.map { "n = \($0)" }.joined(separator: " | ") + " |\n"
            text += "| :--- |" + String(repeating: " ---: |", count: sizes.count) + "\n"
            for label in rowLabels(settings) {
                let cells = sizes.map { size -> String in
                    let values = records.filter { $0.label == label && $0.trainingSize == size }.map(value)
                    guard !values.isEmpty else { return "" }
                    let statistics = SampleStatistics(values)
                    let mean = DecimalText.fixed(statistics.mean, decimals: decimals)
                    return statistics.standardError.map { "\(mean) ± \(DecimalText.fixed($0, decimals: decimals))" }
                        ?? mean
                }
                text += "| \(label) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return text
    }

    /// The rows of the study's tables and plot, in the settings' order: each predictor, and each learning-curve
    /// predictor and OMNI once per query budget ("sotle@3").
    public static func rowLabels(_ settings: Settings) -> [String] {
        settings.predictors.flatMap { predictor in
            predictor.family == .learningCurve || predictor.family == .omni
                ? settings.curveEpochs.map { "\(predictor.rawValue)@\($0)" } : [predictor.rawValue]
        }
    }

    /// Every record as CSV with a header (six decimals).
    public static func csv(_ records: [Record]) -> String {
        var text = "predictor,curve_epochs,training_size,seed,kendall_tau,spearman,pearson,precision_at_top_10_percent,fit_seconds,query_seconds\n"
        for record in records {
            let numbers = [
                record.kendallTau, record.spearman, record.pearson, record.precisionAtTop10Percent, record.fitSeconds,
                record.querySeconds,
            ].map { DecimalText.fixed($0, decimals: 6) }
            text += "\(record.predictor.rawValue),\(record.curveEpochs.map(String.init) ?? ""),\(record.trainingSize),"
                + "\(record.seed)," + numbers.joined(separator: ",")
                + "\n"
        }
        return text
    }
}
