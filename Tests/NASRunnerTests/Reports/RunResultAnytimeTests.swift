import Testing

@testable import NASRunner

@Suite("RunResult+Anytime")
struct RunResultAnytimeTests {
    /// Query costs 10, 15, 15, 20: cumulative 10, 25, 40, 60.
    let run = ReportFixtures.run(
        "a.json", seed: 0, incumbents: [90, 91, 92, 93], costs: [10, 15, 15, 20], budget: .cost(50))

    @Test("after n queries: the record of query n")
    func queries() throws {
        #expect(run.result.record(at: .queries(1))?.query == 1)
        #expect(run.result.record(at: .queries(4))?.incumbentReported == 93)
        #expect(run.result.record(at: .queries(5)) == nil)
        #expect(run.result.record(at: .queries(0)) == nil)
    }

    @Test("at a cost: the last query whose cumulative cost is at most the budget")
    func cost() {
        #expect(run.result.record(at: .cost(10))?.query == 1)
        #expect(run.result.record(at: .cost(24.9))?.query == 1)
        #expect(run.result.record(at: .cost(25))?.query == 2)
        #expect(run.result.record(at: .cost(39))?.query == 2)
        #expect(run.result.record(at: .cost(59.99))?.query == 3)
        #expect(run.result.record(at: .cost(60))?.query == 4)
        #expect(run.result.record(at: .cost(9.99)) == nil)
        #expect(run.result.record(at: .cost(60.01)) == nil)
    }

    @Test("a cost shared by several queries (free queries) gives the last of them")
    func freeQueries() {
        let free = ReportFixtures.run("b.json", seed: 0, incumbents: [90, 91, 92], costs: [10, 0, 0])
        #expect(free.result.record(at: .cost(10))?.query == 3)
    }

    @Test("a budget the run does not reach is refused, naming the file and what to do")
    func refusals() {
        let early = #expect(throws: ReportError.self) { try run.record(at: .cost(9)) }
        #expect(early?.message == "a.json has no query within simulated cost 9 (its first query costs 10); use budgets of at least that")
        let late = #expect(throws: ReportError.self) { try run.record(at: .cost(61)) }
        #expect(late?.message == "a.json spent simulated cost 60 in all; the report asks for the incumbent at 61: use budgets up to that or longer runs")
        let long = #expect(throws: ReportError.self) { try run.record(at: .queries(5)) }
        #expect(long?.message == "a.json has 4 queries; the report asks for the incumbent after 5: use budgets up to 4 or longer runs")
    }
}
