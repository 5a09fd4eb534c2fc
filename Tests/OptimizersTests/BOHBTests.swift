import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("BOHB")
struct BOHBTests {
    @Test("conforms on the NB201 CIFAR-10 table ([12, 200]): reproducible, resumable, valid proposals")
    func conformance() throws {
        let index = try TestTables.nb201()
        let evaluator = try TabularEvaluator(
            index: index, dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
        let fresh = try BOHB<NB201Space>(seed: 3, fidelities: evaluator.fidelities)
        // 60 queries: the 200-epoch model exists from query 30 on (14 observations), so the resume after 59
        // carries the observations a model is fitted from. sampleCount stays at its default 64.
        let check = OptimizerConformance(space: index.space, evaluator: evaluator, queries: 60) { fresh }
        #expect(check.all() == [])
    }

    @Test("new architectures come from the model of the largest fidelity that has one")
    func largestFidelityModel() throws {
        // Fidelities 1, 3, 9: brackets 9@1 3@3 1@9 | 5@3 1@9 | 3@9, 22 queries per cycle; per cycle 9 observations
        // at 1, 8 at 3, 5 at 9. With N_min = 7 (6 decisions) a model needs 14 observations (7 good, more than 6
        // bad): fidelities 1 and 3 have one during cycle 2, fidelity 9 from the last query of cycle 3. The
        // objective told is synthetic: at fidelity 9 the number of edges with operation 1, below it the number
        // with operation 3. First-rung draws then favour operation 3 in cycle 3 (model at 3) and operation 1 from
        // cycle 5 on (model at 9). The leave-one-out bandwidths are used: with the normal-reference rule the
        // models of 7 to 10 good cells whose other edges are spread over all five operations get the uniform
        // bandwidth on almost every decision, and the draws stay near uniform over these ten cycles.
        let space = NB201Space()
        var configuration = BOHB<NB201Space>.Configuration()
        configuration.bandwidthRule = .leaveOneOut
        var search = try BOHB<NB201Space>(configuration: configuration, seed: 21, fidelities: [1, 3, 9])
        #expect(search.schedule.rungs == [1, 3, 9])
        #expect(search.schedule.brackets.map { $0.rungs.map(\.size) } == [[9, 3, 1], [5, 1], [3]])
        // A cycle's first-rung draws are its queries 0..<9 (s = 2), 13..<18 (s = 1) and 19..<22 (s = 0).
        let firstRung = Set(Array(0..<9) + Array(13..<18) + Array(19..<22))
        var drawnEdges = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 10)  // per cycle, per operation
        for cycle in 0..<10 {
            for query in 0..<22 {
                let proposal = try search.ask(in: space)
                let choices = space.choices(of: proposal.architecture)
                let target = proposal.fidelity == 9 ? 1 : 3
                let objective = Double(choices.filter { $0 == target }.count)
                if firstRung.contains(query) { for choice in choices { drawnEdges[cycle][choice] += 1 } }
                try search.tell(Observation(proposal, objective: objective), in: space)
            }
        }
        // Uniform draws give each operation 1/5 of the edges; a third of model-time draws stay uniform.
        #expect(drawnEdges[2][3] > 2 * drawnEdges[2][1])
        let late = (4..<10).reduce(into: [Int](repeating: 0, count: 5)) { total, cycle in
            for operation in 0..<5 { total[operation] += drawnEdges[cycle][operation] }
        }
        #expect(late[1] > 2 * late[3])
    }

    @Test("configuration, fidelities and N_min are checked with exact messages")
    func validation() throws {
        let cases: [(WritableKeyPath<BOHB<NB201Space>.Configuration, Int>, Int, String)] = [
            (\.eta, 1, "BOHB: eta must be at least 2 (got 1)"),
            (\.topPercent, 0, "BOHB: topPercent must be in 1...99 (got 0)"),
            (\.sampleCount, 0, "BOHB: sampleCount must be at least 1 (got 0)"),
            (
                \.minimumPointsInModel, 1,
                "BOHB: minimumPointsInModel must be 0 (the number of decisions + 1) or at least the number of "
                    + "decisions + 1 (got 1)"
            ),
        ]
        for (field, value, message) in cases {
            var configuration = BOHB<NB201Space>.Configuration()
            configuration[keyPath: field] = value
            let error = #expect(throws: SearchError.self) {
                try BOHB<NB201Space>(configuration: configuration, seed: 0, fidelities: [12, 200])
            }
            #expect(error?.message == message)
        }
        var configuration = BOHB<NB201Space>.Configuration()
        configuration.randomFraction = 1.5
        #expect(throws: SearchError("BOHB: randomFraction must be in [0, 1] (got 1.5)")) {
            try BOHB<NB201Space>(configuration: configuration, seed: 0, fidelities: [12, 200])
        }
        configuration = .init()
        configuration.minimumBandwidth = 0
        #expect(throws: SearchError("BOHB: minimumBandwidth must be in (0, 1) (got 0.0)")) {
            try BOHB<NB201Space>(configuration: configuration, seed: 0, fidelities: [12, 200])
        }
        #expect(
            throws: SearchError(
                "BOHB needs a table with at least two fidelities; nb201's test_accuracy has 12 and 200 and tables "
                    + "made by training have every epoch 1...E, but this objective has one (200): search such an "
                    + "objective, or use a single-fidelity optimizer such as random search")
        ) {
            try BOHB<NB201Space>(seed: 0, fidelities: [200])
        }
        configuration = .init()
        configuration.minimumPointsInModel = 3
        var search = try BOHB<NB201Space>(configuration: configuration, seed: 0, fidelities: [12, 200])
        #expect(
            throws: SearchError(
                "BOHB: minimumPointsInModel must be at least 7, the number of nb201's decisions plus one (got 3)")
        ) {
            try search.ask(in: NB201Space())
        }
    }
}
