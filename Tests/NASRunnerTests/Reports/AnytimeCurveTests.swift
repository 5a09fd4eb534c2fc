import Testing

@testable import NASRunner

@Suite("AnytimeCurve")
struct AnytimeCurveTests {
    @Test("against queries: one point per query up to the shortest run, mean and SE of the regrets")
    func queries() throws {
        let runs = try ExperimentRuns(ReportFixtures.evolution)
        let curve = try AnytimeCurve(runs.benchmarks[0].groups[0], axis: .queries)
        #expect(curve.points.map(\.budget) == [1, 2, 3, 4])
        #expect(curve.points.map(\.regret.mean) == [5, 3, 5.0 / 3, 1])
        #expect(curve.points[0].regret.standardError == 1 / 3.0.squareRoot())
    }

    @Test("against cost: a point at every cumulative cost inside the range all runs cover")
    func cost() throws {
        // Cumulative costs 10, 25, 40, 60 and 5, 20, 45, 70: both runs cover 10...60.
        let runs = try ExperimentRuns([
            ReportFixtures.run("a.json", seed: 0, incumbents: [90, 91, 92, 93], costs: [10, 15, 15, 20], budget: .cost(60)),
            ReportFixtures.run("b.json", seed: 1, incumbents: [80, 85, 88, 94], costs: [5, 15, 25, 25], budget: .cost(60)),
        ])
        let curve = try AnytimeCurve(runs.benchmarks[0].groups[0], axis: .cost)
        #expect(curve.points.map(\.budget) == [10, 20, 25, 40, 45, 60])
        // Incumbents at 10: 90, 80; 20: 90, 85; 25: 91, 85; 40: 92, 85; 45: 92, 88; 60: 93, 88 (oracle 95).
        #expect(curve.points.map(\.regret.mean) == [10, 7.5, 7, 6.5, 5, 4.5])
    }

    @Test("runs that share no range of cost cannot be drawn against cost")
    func disjointCosts() throws {
        let runs = try ExperimentRuns([
            ReportFixtures.run("a.json", seed: 0, incumbents: [90], costs: [10], budget: .cost(10)),
            ReportFixtures.run("b.json", seed: 1, incumbents: [91], costs: [20], budget: .cost(10)),
        ])
        let error = #expect(throws: ReportError.self) { try AnytimeCurve(runs.benchmarks[0].groups[0], axis: .cost) }
        #expect(error?.message == "the runs of re share no range of simulated cost: b.json makes its first query at 20, after a.json ends at 10; plot them against queries")
    }
}
