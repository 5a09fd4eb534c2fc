import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("SuccessiveHalving")
struct SuccessiveHalvingTests {
    @Test("conforms on the NB201 CIFAR-10 table ([12, 200]): reproducible, resumable, valid proposals")
    func conformance() throws {
        let index = try TestTables.nb201()
        let evaluator = try TabularEvaluator(
            index: index, dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
        #expect(evaluator.fidelities == [12, 200])
        // Rung sizes 9 at 12, 3 at 200: 30 queries run 2.5 brackets, so the resumes cut rungs in the middle.
        var configuration = SuccessiveHalving<NB201Space>.Configuration()
        configuration.initialArchitectures = 9
        let fresh = try SuccessiveHalving<NB201Space>(
            configuration: configuration, seed: 3, fidelities: evaluator.fidelities)
        let check = OptimizerConformance(space: index.space, evaluator: evaluator, queries: 30) { fresh }
        #expect(check.all() == [])
    }

    @Test("the default bracket is Hyperband's most exploratory: 3 at 12 epochs, the best at 200 (NB201)")
    func defaultBracket() throws {
        let search = try SuccessiveHalving<NB201Space>(seed: 0, fidelities: [12, 200])
        #expect(search.bracket.rungs == [.init(fidelity: 12, size: 3), .init(fidelity: 200, size: 1)])
        let everyEpoch = try SuccessiveHalving<NB201Space>(seed: 0, fidelities: Array(1...200))
        #expect(everyEpoch.bracket.rungs.map(\.size) == [81, 27, 9, 3, 1])
        #expect(everyEpoch.bracket.rungs.map(\.fidelity) == [2, 7, 22, 66, 200])
    }

    @Test("each rung evaluates the top 1/eta of the rung before, best first, ties to the one evaluated first")
    func promotesTopThird() throws {
        // Fidelities 1, 3, 9, 27 with 27 architectures: rungs of 27, 9, 3, 1. The objectives told are a
        // permutation of the rung's positions (with ties where a test needs them), not table values, so the
        // expected promotions are known.
        let space = NB201Space()
        var configuration = SuccessiveHalving<NB201Space>.Configuration()
        configuration.initialArchitectures = 27
        var search = try SuccessiveHalving<NB201Space>(
            configuration: configuration, seed: 5, fidelities: [1, 3, 9, 27])
        #expect(search.bracket.rungs.map(\.size) == [27, 9, 3, 1])
        var previous: [(architecture: NB201Architecture, objective: Double)] = []
        for (fidelity, size) in [(1, 27), (3, 9), (9, 3), (27, 1)] {
            var rung: [(architecture: NB201Architecture, objective: Double)] = []
            for position in 0..<size {
                let proposal = try search.ask(in: space)
                #expect(proposal.fidelity == fidelity)
                // Pairs of equal objectives (position / 2 scrambled) make ties at every rung.
                let objective = Double((position / 2) * 5 % 14)
                rung.append((proposal.architecture, objective))
                try search.tell(Observation(proposal, objective: objective), in: space)
            }
            if !previous.isEmpty {
                // The expected promotion, computed here independently: a stable sort by objective, descending.
                var best: [(architecture: NB201Architecture, objective: Double)] = []
                for candidate in previous {
                    let position = best.firstIndex { candidate.objective > $0.objective } ?? best.count
                    best.insert(candidate, at: position)
                }
                #expect(rung.map(\.architecture) == best.prefix(size).map(\.architecture))
            }
            previous = rung
        }
        // The bracket starts again with 27 new draws at fidelity 1.
        #expect(try search.ask(in: space).fidelity == 1)
    }

    @Test("configuration and fidelities are checked with exact messages")
    func validation() {
        var configuration = SuccessiveHalving<NB201Space>.Configuration()
        configuration.eta = 1
        let eta = #expect(throws: SearchError.self) {
            try SuccessiveHalving<NB201Space>(configuration: configuration, seed: 0, fidelities: [12, 200])
        }
        #expect(eta?.message == "successive halving: eta must be at least 2 (got 1)")
        configuration = .init()
        configuration.initialArchitectures = -1
        let size = #expect(throws: SearchError.self) {
            try SuccessiveHalving<NB201Space>(configuration: configuration, seed: 0, fidelities: [12, 200])
        }
        #expect(
            size?.message
                == "successive halving: initialArchitectures must be at least 1, or 0 for eta^(rungs - 1) (got -1)")
        let single = #expect(throws: SearchError.self) {
            try SuccessiveHalving<NB201Space>(seed: 0, fidelities: [200])
        }
        #expect(
            single?.message
                == "successive halving needs a table with at least two fidelities; nb201's test_accuracy has 12 and "
                + "200 and tables made by training have every epoch 1...E, but this objective has one (200): search "
                + "such an objective, or use a single-fidelity optimizer such as random search")
    }
}
