import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("RandomSearch")
struct RandomSearchTests {
    @Test("conforms on the NB201 CIFAR-10 table: reproducible, resumable, valid proposals")
    func conformance() throws {
        let index = try TestTables.nb201()
        let evaluator = try TabularEvaluator(
            index: index, dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
        let check = OptimizerConformance(space: index.space, evaluator: evaluator, queries: 30) {
            RandomSearch<NB201Space>(seed: 3)
        }
        #expect(check.all() == [])
    }

    @Test("its draws are uniform over NB201's 15,625 cells: each edge's operations appear equally often")
    func uniformDraws() throws {
        let space = NB201Space()
        var search = RandomSearch<NB201Space>(seed: 11)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 6)
        let draws = 5_000
        for _ in 0..<draws {
            let proposal = try search.ask(in: space)
            for (edge, choice) in space.choices(of: proposal.architecture).enumerated() { counts[edge][choice] += 1 }
            try search.tell(Observation(proposal, objective: 0), in: space)
        }
        // Each count is Binomial(5000, 0.2): mean 1000, sd 28; 5 sd either side fails with probability < 1e-5.
        for edge in counts { for count in edge { #expect(abs(count - 1_000) < 141) } }
    }

    @Test("ask twice without tell, and tell without ask, are refused with what to do")
    func protocolMisuse() throws {
        let space = NB201Space()
        var search = RandomSearch<NB201Space>(seed: 0)
        let proposal = try search.ask(in: space)
        #expect(throws: SearchError.self) { try search.ask(in: space) }
        try search.tell(Observation(proposal, objective: 1), in: space)
        let error = #expect(throws: SearchError.self) { try search.tell(Observation(proposal, objective: 1), in: space) }
        #expect(error?.message == "random search: tell was called without a pending ask; ask, evaluate, then tell")
    }
}
