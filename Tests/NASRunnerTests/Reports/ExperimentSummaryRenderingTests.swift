import Testing

@testable import NASRunner

@Suite("ExperimentSummary+Markdown, +CSV")
struct ExperimentSummaryRenderingTests {
    func summary(_ files: [RunFile]) throws -> ExperimentSummary {
        try ExperimentSummary(
            ExperimentRuns(files, optimizerOrder: ["rs", "re"]), budgets: [.queries(2), .queries(4)])
    }

    @Test("Markdown golden text: a table per space and dataset, mean ± SE, n/a for one seed, the oracle")
    func markdownGolden() throws {
        let expected = """
            # Experiment summary

            Mean ± standard error over seeds (n) of the incumbent's reported metric and of its regret \
            (oracle − incumbent) after each budget in queries. n/a: one seed, so no standard error.

            ## nb201 · cifar10

            Oracle (the table's best test_accuracy): 95.00

            | optimizer | n | test_accuracy @2 | regret @2 | test_accuracy @4 | regret @4 |
            | :--- | ---: | ---: | ---: | ---: | ---: |
            | rs | 1 | 90.00 ± n/a | 5.00 ± n/a | 92.00 ± n/a | 3.00 ± n/a |
            | re | 3 | 92.00 ± 0.58 | 3.00 ± 0.58 | 94.00 ± 0.58 | 1.00 ± 0.58 |

            """
        let files = ReportFixtures.evolution + ReportFixtures.randomSearch
        let markdown = try summary(files).markdown()
        #expect(markdown == expected)
    }

    @Test("the heading level moves the title and the benchmark headings together, to embed the summary")
    func headingLevel() throws {
        let markdown = try summary(ReportFixtures.evolution + ReportFixtures.randomSearch).markdown(headingLevel: 3)
        #expect(markdown.hasPrefix("### Experiment summary\n"))
        #expect(markdown.contains("\n#### nb201 · cifar10\n"))
    }

    @Test("CSV golden text: header, raw numbers with 6 decimals, empty SE for one seed")
    func csvGolden() throws {
        let expected = """
            space,dataset,optimizer,metric,oracle,budget_axis,n,incumbent_mean@2,incumbent_se@2,regret_mean@2,regret_se@2,incumbent_mean@4,incumbent_se@4,regret_mean@4,regret_se@4
            nb201,cifar10,rs,test_accuracy,95.000000,queries,1,90.000000,,5.000000,,92.000000,,3.000000,
            nb201,cifar10,re,test_accuracy,95.000000,queries,3,92.000000,0.577350,3.000000,0.577350,94.000000,0.577350,1.000000,0.577350

            """
        let files = ReportFixtures.evolution + ReportFixtures.randomSearch
        let csv = try summary(files).csv()
        #expect(csv == expected)
    }

    @Test("the same runs in any order give the same bytes")
    func determinism() throws {
        let files = ReportFixtures.evolution + ReportFixtures.randomSearch
        let first = try summary(files)
        let second = try summary(files.reversed())
        #expect(Array(first.markdown().utf8) == Array(second.markdown().utf8))
        #expect(Array(first.csv().utf8) == Array(second.csv().utf8))
    }

    @Test("regret keeps three significant digits and its SE the same decimals; custom decimals apply")
    func numberFormat() throws {
        let format = ReportNumberFormat()
        #expect(format.regret(SampleStatistics([0.01, 0.02])) == "0.0150 ± 0.0050")
        #expect(format.regret(SampleStatistics([1.2345, 1.2345])) == "1.23 ± 0.00")
        #expect(format.regret(SampleStatistics([0, 0, 0])) == "0 ± 0")
        #expect(format.regret(SampleStatistics([12.5])) == "12.5 ± n/a")
        #expect(format.metric(SampleStatistics([94.37333])) == "94.37 ± n/a")
        let fractions = try ReportNumberFormat(metricDecimals: 4, regretSignificantDigits: 2, csvDecimals: 3)
        #expect(fractions.metric(SampleStatistics([0.81234, 0.81234])) == "0.8123 ± 0.0000")
        #expect(fractions.raw(1.0 / 3) == "0.333")
        let error = #expect(throws: ReportError.self) {
            try ReportNumberFormat(metricDecimals: 13, regretSignificantDigits: 3, csvDecimals: 6)
        }
        #expect(error?.message == "metric decimals 13 is outside 0...12; give a number in that range")
    }

    @Test("names with separators are escaped: | in Markdown, commas and quotes in CSV")
    func escaping() throws {
        let odd = ReportFixtures.run("odd.json", optimizer: "a|b,\"c\"", seed: 0, incumbents: [90, 91])
        let summary = try ExperimentSummary(ExperimentRuns([odd]), budgets: [.queries(2)])
        #expect(summary.markdown().contains("| a\\|b,\"c\" | 1 |"))
        #expect(summary.csv().contains("nb201,cifar10,\"a|b,\"\"c\"\"\",test_accuracy"))
    }
}
