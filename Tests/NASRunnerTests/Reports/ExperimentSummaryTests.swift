import Testing

@testable import NASRunner

@Suite("ExperimentSummary")
struct ExperimentSummaryTests {
    @Test("mean and standard error of the incumbent and its regret at query budgets, by hand")
    func queryBudgets() throws {
        let runs = try ExperimentRuns(ReportFixtures.evolution + ReportFixtures.randomSearch)
        let summary = try ExperimentSummary(runs, budgets: [.queries(4), .queries(2), .queries(3)])
        #expect(summary.budgets == [.queries(2), .queries(3), .queries(4)])
        let evolution = summary.benchmarks[0].rows[0]
        #expect(evolution.optimizer == "re")
        #expect(evolution.seeds == [0, 1, 2])
        // Query 2: incumbents 92, 91, 93 (regrets 3, 4, 2): mean 92, sd 1, SE 1/√3.
        #expect(evolution.cells[0].incumbent.mean == 92)
        #expect(evolution.cells[0].incumbent.standardError == 1 / 3.0.squareRoot())
        #expect(evolution.cells[0].regret.mean == 3)
        #expect(evolution.cells[0].regret.standardError == 1 / 3.0.squareRoot())
        // Query 3: 93, 94, 93: mean 93⅓, sd 1/√3, SE 1/3.
        #expect(abs(evolution.cells[1].incumbent.mean - 280.0 / 3) < 1e-12)
        #expect(abs(try #require(evolution.cells[1].incumbent.standardError) - 1.0 / 3) < 1e-12)
        // Query 4: 93, 94, 95 (regrets 2, 1, 0).
        #expect(evolution.cells[2].incumbent.mean == 94)
        #expect(evolution.cells[2].regret.mean == 1)
        // One seed: no standard error.
        let random = summary.benchmarks[0].rows[1]
        #expect(random.cells[2].incumbent.mean == 92)
        #expect(random.cells[2].incumbent.standardError == nil)
        #expect(random.cells[2].regret.standardError == nil)
    }

    @Test("at cost budgets: each run's incumbent at its last query within the budget")
    func costBudgets() throws {
        // Cumulative costs 10, 25, 40, 60 and 5, 30, 35, 70.
        let runs = try ExperimentRuns([
            ReportFixtures.run("a.json", seed: 0, incumbents: [90, 91, 92, 93], costs: [10, 15, 15, 20], budget: .cost(60)),
            ReportFixtures.run("b.json", seed: 1, incumbents: [80, 85, 88, 94], costs: [5, 25, 5, 35], budget: .cost(60)),
        ])
        #expect(runs.budgetAxis == .cost)
        let summary = try ExperimentSummary(runs, budgets: [.cost(25), .cost(60)])
        let cells = summary.benchmarks[0].rows[0].cells
        // At 25: 91 (query 2) and 80 (query 1). At 60: 93 (query 4) and 88 (query 3).
        #expect(cells[0].incumbent.mean == 85.5)
        #expect(abs(try #require(cells[0].incumbent.standardError) - 5.5) < 1e-12)
        #expect(cells[1].incumbent.mean == 90.5)
        #expect(cells[1].regret.mean == 4.5)
        let beyond = #expect(throws: ReportError.self) { try ExperimentSummary(runs, budgets: [.cost(65)]) }
        #expect(beyond?.message == "a.json spent simulated cost 60 in all; the report asks for the incumbent at 65: use budgets up to that or longer runs")
    }

    @Test("budgets are refused when missing, mixed, not positive or repeated")
    func budgetRefusals() throws {
        let runs = try ExperimentRuns(ReportFixtures.evolution)
        let cases: [([AnytimeBudget], String)] = [
            ([], "no budgets to report; give query counts such as 10,50,100,150"),
            ([.queries(10), .cost(500)], "the budgets mix queries and simulated cost (10 queries, simulated cost 500); give one kind"),
            ([.queries(0)], "budget 0 queries is not a positive number; give budgets greater than 0"),
            ([.cost(.nan)], "budget simulated cost nan is not a positive number; give budgets greater than 0"),
            ([.queries(2), .queries(2)], "budget 2 queries is given twice; give each budget once"),
        ]
        for (budgets, message) in cases {
            let error = #expect(throws: ReportError.self) { try ExperimentSummary(runs, budgets: budgets) }
            #expect(error?.message == message)
        }
    }
}
