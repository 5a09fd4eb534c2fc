import Foundation
import NASCore
import NASSpaces
import Optimizers
import Predictors
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("Bananas")
struct BananasTests {
    /// A small configuration for the debug-build tests: 5 initial architectures, 5 proposals per iteration, and
    /// an ensemble of 2 networks of 2 hidden layers trained for 10 epochs (the paper's: 10, 10, 5, 10, 150).
    static var small: Bananas<NB201Space>.Configuration {
        var configuration = Bananas<NB201Space>.Configuration()
        configuration.initialArchitectures = 5
        configuration.proposalsPerIteration = 5
        configuration.ensembleSize = 2
        configuration.hiddenLayers = 2
        configuration.epochs = 10
        return configuration
    }

    static func evaluator() throws -> TabularEvaluator<NB201Space> {
        try TabularEvaluator(
            index: TestTables.nb201(), dataset: "cifar10", objective: "test_accuracy",
            reportedMetrics: ["test_accuracy"])
    }

    @Test("conforms on the NB201 CIFAR-10 table: reproducible, resumable, valid proposals")
    func conformance() throws {
        let evaluator = try Self.evaluator()
        let configuration = Self.small
        let check = OptimizerConformance(space: evaluator.index.space, evaluator: evaluator, queries: 30) {
            Bananas<NB201Space>(configuration: configuration, seed: 3)
        }
        #expect(check.all() == [])
    }

    /// Another space, with another of its encodings: the adjacency + one-hot (51 long; its path encoding has
    /// 7,380 entries, slow to train in a debug build).
    @Test("conforms on the NAS-Bench-Graph table (Cora, validation accuracy) with the adjacency encoding")
    func conformanceOnGraph() throws {
        let evaluator = try TabularEvaluator(
            index: TestTables.graph(), dataset: "cora", objective: "valid_accuracy", reportedMetrics: ["test_accuracy"])
        var configuration = Bananas<GraphSpace>.Configuration()
        configuration.initialArchitectures = 5
        configuration.proposalsPerIteration = 5
        configuration.ensembleSize = 2
        configuration.hiddenLayers = 2
        configuration.epochs = 10
        configuration.encoding = .adjacencyOneHot
        let small = configuration
        let check = OptimizerConformance(space: evaluator.index.space, evaluator: evaluator, queries: 20) {
            Bananas<GraphSpace>(configuration: small, seed: 4)
        }
        #expect(check.all() == [])
    }

    @Test("it never proposes an architecture whose key was queried, over 150 queries")
    func neverRequeries() throws {
        let evaluator = try Self.evaluator()
        let space = evaluator.index.space
        var search = Bananas<NB201Space>(configuration: Self.small, seed: 8)
        var keys = Set<ArchitectureKey>()
        for query in 0..<150 {
            let proposal = try search.step(in: space, evaluator: evaluator).proposal
            #expect(keys.insert(space.key(of: proposal.architecture)).inserted, "query \(query) repeated a key")
            #expect(proposal.fidelity == nil)
        }
        #expect(search.observations.count == 150)
    }

    @Test("after the initial draws, an iteration queues k distinct new mutations of the x best architectures")
    func iterationMutatesTheBest() throws {
        let evaluator = try Self.evaluator()
        let space = evaluator.index.space
        var search = Bananas<NB201Space>(configuration: Self.small, seed: 5)
        for _ in 0..<5 { _ = try search.step(in: space, evaluator: evaluator) }
        #expect(search.queue.isEmpty)
        let best = search.observations.sorted { $0.objective > $1.objective }.prefix(2).map(\.architecture)
        let parents = Set(best.flatMap { space.neighbors(of: $0) }.map { space.key(of: $0) })
        let first = try search.ask(in: space)
        let batch = [first.architecture] + search.queue
        #expect(batch.count == 5)
        #expect(Set(batch.map { space.key(of: $0) }).count == 5)
        for architecture in batch {
            #expect(parents.contains(space.key(of: architecture)), "\(space.format(architecture)) is no mutation")
        }
    }

    @Test("ask twice without tell, and tell without ask, are refused with what to do; a refused ask changes nothing")
    func protocolMisuse() throws {
        let space = NB201Space()
        var search = Bananas<NB201Space>(configuration: Self.small, seed: 0)
        let proposal = try search.ask(in: space)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let before = try encoder.encode(search)
        let error = #expect(throws: SearchError.self) { try search.ask(in: space) }
        #expect(error?.message == "bananas: ask was called twice without tell; tell the evaluation of each proposal before asking again")
        #expect(try encoder.encode(search) == before)
        try search.tell(Observation(proposal, objective: 1), in: space)
        let told = #expect(throws: SearchError.self) { try search.tell(Observation(proposal, objective: 1), in: space) }
        #expect(told?.message == "bananas: tell was called without a pending ask; ask, evaluate, then tell")
    }

    @Test("configuration validation names the field, the requirement and the value")
    func validation() {
        func message(_ change: (inout Bananas<NB201Space>.Configuration) -> Void) -> String? {
            var configuration = Bananas<NB201Space>.Configuration()
            change(&configuration)
            do { try configuration.validate() } catch { return error.message }
            return nil
        }
        #expect(message { _ in } == nil)
        #expect(message { $0.initialArchitectures = 1 }
            == "bananas: initialArchitectures must be at least 2 (the predictor's minimum training size) (got 1)")
        #expect(message { $0.proposalsPerIteration = 0 } == "bananas: proposalsPerIteration must be at least 1 (got 0)")
        #expect(message { $0.architecturesToMutate = 0 } == "bananas: architecturesToMutate must be at least 1 (got 0)")
        #expect(message { $0.candidates = 1 }
            == "bananas: candidates must be at least architecturesToMutate (2) (got 1)")
        #expect(message { $0.mutationEdits = 0 } == "bananas: mutationEdits must be at least 1 (got 0)")
        #expect(message { $0.explorationFactor = -1 } == "bananas: explorationFactor must be a number at least 0 (got -1.0)")
        #expect(message { $0.expectedImprovementCalibration = 0 }
            == "bananas: expectedImprovementCalibration must be a positive number (got 0.0)")
        #expect(message { $0.epochs = 0 } == "bananas: epochs must be at least 1 (got 0)")
        #expect(message { $0.ensembleSize = 0 } == "bananas: ensembleSize must be at least 1 (got 0)")
        var invalid = Bananas<NB201Space>.Configuration()
        invalid.candidates = 0
        var search = Bananas<NB201Space>(configuration: invalid, seed: 0)
        let error = #expect(throws: SearchError.self) { try search.ask(in: NB201Space()) }
        #expect(error?.message == "bananas: candidates must be at least architecturesToMutate (2) (got 0)")
    }

    @Test("the paper's defaults, and the predictor configuration built from the flat fields")
    func defaults() throws {
        let configuration = Bananas<NB201Space>.Configuration()
        #expect(configuration.initialArchitectures == 10 && configuration.proposalsPerIteration == 10)
        #expect(configuration.candidates == 100 && configuration.architecturesToMutate == 2)
        #expect(configuration.mutationEdits == 1 && configuration.acquisition == .independentThompsonSampling)
        #expect(configuration.predictor == MLPEnsembleConfiguration())
        var changed = configuration
        changed.epochs = 7
        changed.loss = .meanAbsoluteError
        #expect(changed.predictor.epochs == 7 && changed.predictor.loss == .meanAbsoluteError)
        let fields = try JSONSerialization.jsonObject(with: JSONEncoder().encode(configuration)) as? [String: Any]
        #expect(fields?["acquisition"] as? String == "its")
        #expect(fields?["loss"] as? String == "mape")
        #expect(fields?["encoding"] as? String == "path")
    }
}
