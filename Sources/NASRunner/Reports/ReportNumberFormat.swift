/// How report tables print numbers. Every number goes through ``DecimalText``: locale-free, the same bytes for the
/// same value on every machine.
///
/// - The reported metric (mean and standard error alike) with a fixed number of decimals: `94.12 ± 0.03`.
/// - Regret with a number of significant digits taken from the mean (at least zero decimals); its standard error
///   with the same decimals as its mean, so the two line up: `1.25 ± 0.05`, `0.0123 ± 0.0040`. A zero mean
///   takes its decimals from the standard error; `0 ± 0` when both are zero.
/// - A standard error that does not exist (one seed) prints as `n/a`.
/// - The CSV's raw numbers with a fixed number of decimals.
public struct ReportNumberFormat: Hashable, Sendable {
    /// Decimals of the reported metric in the Markdown table (default 2, for accuracies in percent; use 4 for
    /// accuracies as fractions).
    public let metricDecimals: Int
    /// Significant digits of the regret in the Markdown table (default 3).
    public let regretSignificantDigits: Int
    /// Decimals of every number in the CSV (default 6).
    public let csvDecimals: Int

    /// The defaults: 2 decimals for the metric, 3 significant digits for regret, 6 decimals in the CSV.
    public init() {
        metricDecimals = 2
        regretSignificantDigits = 3
        csvDecimals = 6
    }

    /// A custom format.
    ///
    /// - Throws: ``ReportError`` when a count of decimals is outside 0...12 or the significant digits outside
    ///   1...12.
    public init(metricDecimals: Int, regretSignificantDigits: Int, csvDecimals: Int) throws {
        for (name, value, range) in [
            ("metric decimals", metricDecimals, 0...12), ("regret significant digits", regretSignificantDigits, 1...12),
            ("CSV decimals", csvDecimals, 0...12),
        ] where !range.contains(value) {
            throw ReportError(
                "\(name) \(value) is outside \(range.lowerBound)...\(range.upperBound); give a number in that range")
        }
        self.metricDecimals = metricDecimals
        self.regretSignificantDigits = regretSignificantDigits
        self.csvDecimals = csvDecimals
    }

    /// `"94.12 ± 0.03"`, or `"94.12 ± n/a"` for one seed.
    func metric(_ statistics: SampleStatistics) -> String {
        let mean = DecimalText.fixed(statistics.mean, decimals: metricDecimals)
        let error = statistics.standardError.map { DecimalText.fixed($0, decimals: metricDecimals) } ?? "n/a"
        return "\(mean) ± \(error)"
    }

    /// `"1.25 ± 0.05"`, or `"1.25 ± n/a"` for one seed.
    func regret(_ statistics: SampleStatistics) -> String {
        var decimals = DecimalText.significantDecimals(statistics.mean, digits: regretSignificantDigits)
        if statistics.mean == 0, let error = statistics.standardError {
            decimals = DecimalText.significantDecimals(error, digits: regretSignificantDigits)
        }
        let mean = DecimalText.fixed(statistics.mean, decimals: decimals)
        let error = statistics.standardError.map { DecimalText.fixed($0, decimals: decimals) } ?? "n/a"
        return "\(mean) ± \(error)"
    }

    /// A raw number for the CSV.
    func raw(_ value: Double) -> String {
        DecimalText.fixed(value, decimals: csvDecimals)
    }
}
