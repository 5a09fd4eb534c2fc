import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("Hyperband")
struct HyperbandTests {
    @Test("conforms on the NB201 CIFAR-10 table ([12, 200]): reproducible, resumable, valid proposals")
    func conformance() throws {
        let index = try TestTables.nb201()
        let evaluator = try TabularEvaluator(
            index: index, dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
        let fresh = try Hyperband<NB201Space>(seed: 3, fidelities: evaluator.fidelities)
        // 31 queries: five cycles of 6 and one more, so the resumes after 10 and 30 cut brackets in the middle.
        let check = OptimizerConformance(space: index.space, evaluator: evaluator, queries: 31) { fresh }
        #expect(check.all() == [])
    }

    @Test("on NB201 it loops over brackets s = 1, s = 0 and promotes the best 12-epoch result of each three")
    func loopsAndPromotes() throws {
        let index = try TestTables.nb201()
        let evaluator = try TabularEvaluator(
            index: index, dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
        var search = try Hyperband<NB201Space>(seed: 8, fidelities: evaluator.fidelities)
        #expect(search.schedule.rungs == [12, 200])
        var steps: [(proposal: Proposal<NB201Architecture>, objective: Double)] = []
        for _ in 0..<(6 * 20) {
            let (proposal, evaluation) = try search.step(in: index.space, evaluator: evaluator)
            steps.append((proposal, evaluation.objective))
        }
        for cycle in 0..<20 {
            let window = steps[(cycle * 6)..<(cycle * 6 + 6)]
            #expect(window.map(\.proposal.fidelity) == [12, 12, 12, 200, 200, 200])
            let cheap = Array(window.prefix(3))
            let best = cheap.max { $0.objective < $1.objective }
            #expect(window[cycle * 6 + 3].proposal.architecture == best?.proposal.architecture)
        }
    }

    @Test("configuration and fidelities are checked with exact messages")
    func validation() {
        var configuration = Hyperband<NB201Space>.Configuration()
        configuration.eta = 1
        let eta = #expect(throws: SearchError.self) {
            try Hyperband<NB201Space>(configuration: configuration, seed: 0, fidelities: [12, 200])
        }
        #expect(eta?.message == "hyperband: eta must be at least 2 (got 1)")
        let none = #expect(throws: SearchError.self) { try Hyperband<NB201Space>(seed: 0, fidelities: []) }
        #expect(
            none?.message
                == "hyperband needs a table with at least two fidelities; nb201's test_accuracy has 12 and 200 and "
                + "tables made by training have every epoch 1...E, but this objective has none (a final value only): "
                + "search such an objective, or use a single-fidelity optimizer such as random search")
    }

    @Test("ask twice without tell is refused")
    func protocolMisuse() throws {
        let space = NB201Space()
        var search = try Hyperband<NB201Space>(seed: 0, fidelities: [12, 200])
        _ = try search.ask(in: space)
        let error = #expect(throws: SearchError.self) { try search.ask(in: space) }
        #expect(
            error?.message
                == "hyperband: ask was called twice without tell; tell the evaluation of each proposal before asking "
                + "again")
    }
}
