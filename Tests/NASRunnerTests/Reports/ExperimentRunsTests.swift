import Testing

@testable import NASRunner

@Suite("ExperimentRuns")
struct ExperimentRunsTests {
    @Test("groups by space and dataset (sorted), optimizer (sorted by default) and orders runs by seed")
    func grouping() throws {
        let cifar100 = ReportFixtures.run("runs/c100.json", seed: 0, incumbents: [70], dataset: "cifar100")
        let files = [ReportFixtures.evolution[2], cifar100] + ReportFixtures.randomSearch
            + [ReportFixtures.evolution[0], ReportFixtures.evolution[1]] + ReportFixtures.localSearch
        let runs = try ExperimentRuns(files)
        #expect(runs.optimizers == ["ls", "re", "rs"])
        #expect(runs.benchmarks.map(\.title) == ["nb201 · cifar10", "nb201 · cifar100"])
        #expect(runs.benchmarks[0].groups.map(\.optimizer) == ["ls", "re", "rs"])
        #expect(runs.benchmarks[0].groups[1].seeds == [0, 1, 2])
        #expect(runs.benchmarks[0].oracle.value == 95)
        #expect(runs.budgetAxis == .queries)
        #expect(try ExperimentRuns(files.reversed()) == runs)
    }

    @Test("a given optimizer order is kept; one that leaves an optimizer out or repeats one is refused")
    func optimizerOrder() throws {
        let files = ReportFixtures.evolution + ReportFixtures.randomSearch
        #expect(try ExperimentRuns(files, optimizerOrder: ["rs", "re"]).benchmarks[0].groups.map(\.optimizer) == ["rs", "re"])
        #expect(try ExperimentRuns(files, optimizerOrder: ["rs", "bananas", "re"]).optimizers == ["rs", "bananas", "re"])
        let missing = #expect(throws: ReportError.self) { try ExperimentRuns(files, optimizerOrder: ["re"]) }
        #expect(missing?.message == "the optimizer order [re] leaves out rs (run runs/rs-0.json); list every optimizer or leave the order out")
        let twice = #expect(throws: ReportError.self) { try ExperimentRuns(files, optimizerOrder: ["re", "rs", "re"]) }
        #expect(twice?.message == "the optimizer order lists re twice; list each optimizer once")
    }

    @Test("runs of one group that differ in more than the seed are refused, naming both files and each difference")
    func differentConfigurations() {
        let first = ReportFixtures.run("a.json", seed: 0, incumbents: [90, 91, 92, 93])
        let second = ReportFixtures.run(
            "b.json", seed: 1, incumbents: [90, 91, 92, 93, 94], hyperparameters: ["population_size": .number(20)])
        let error = #expect(throws: ReportError.self) { try ExperimentRuns([second, first]) }
        #expect(error?.message == "cannot summarize nb201 · cifar10 · re: a.json and b.json differ in more than the seed (hyperparameters.population_size: 10 vs 20; budget: 4 queries vs 5 queries); the runs of one optimizer may differ only in seed: rerun them with one configuration or summarize them separately")
    }

    @Test("runs on tables with different checksums are refused")
    func differentTables() {
        let first = ReportFixtures.run("a.json", seed: 0, incumbents: [90])
        let second = ReportFixtures.run("b.json", seed: 1, incumbents: [90], oracle: 94, tableSHA256: "def456")
        let error = #expect(throws: ReportError.self) { try ExperimentRuns([first, second]) }
        #expect(error?.message == "cannot summarize nb201 · cifar10 · re: a.json and b.json differ in more than the seed (table checksum: abc123 vs def456; oracle: test_accuracy 95 vs test_accuracy 94); the runs of one optimizer may differ only in seed: rerun them with one configuration or summarize them separately")
    }

    @Test("two runs of one group with the same seed are refused")
    func duplicateSeeds() {
        let first = ReportFixtures.run("a.json", seed: 3, incumbents: [90])
        let second = ReportFixtures.run("b.json", seed: 3, incumbents: [91])
        let error = #expect(throws: ReportError.self) { try ExperimentRuns([second, first]) }
        #expect(error?.message == "cannot summarize nb201 · cifar10 · re: a.json and b.json are both seed 3; remove one of them")
    }

    @Test("optimizers of one space and dataset measured against different oracles are refused")
    func differentOracles() {
        let evolution = ReportFixtures.run("a.json", seed: 0, incumbents: [90])
        let random = ReportFixtures.run("c.json", optimizer: "rs", seed: 0, incumbents: [90], oracle: 94)
        let error = #expect(throws: ReportError.self) { try ExperimentRuns([random, evolution]) }
        #expect(error?.message == "cannot summarize nb201 · cifar10: a.json (re) and c.json (rs) have different oracles (test_accuracy 95 vs test_accuracy 94); compare optimizers on one table and one reported metric")
    }

    @Test("no files, or a run without queries, is refused")
    func emptyInput() {
        let none = #expect(throws: ReportError.self) { try ExperimentRuns([]) }
        #expect(none?.message == "no run files to summarize; pass the run.json files of the experiment")
        let empty = ReportFixtures.run("e.json", seed: 0, incumbents: [])
        let error = #expect(throws: ReportError.self) { try ExperimentRuns([empty]) }
        #expect(error?.message == "e.json has no queries; it is damaged or was stopped at once: rerun it")
    }
}
