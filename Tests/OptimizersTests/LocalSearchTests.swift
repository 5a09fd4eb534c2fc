import Foundation
import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("LocalSearch")
struct LocalSearchTests {
    typealias Search = LocalSearch<NB201Space>

    /// NB201 CIFAR-10, maximizing the 200-epoch test accuracy (proposals ask for the full fidelity).
    static func cifar10() throws -> TabularEvaluator<NB201Space> {
        try TabularEvaluator(
            index: TestTables.nb201(), dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
    }

    static func configuration(_ rule: Search.MoveRule) -> Search.Configuration {
        var configuration = Search.Configuration()
        configuration.moveRule = rule
        return configuration
    }

    // MARK: Contract and configuration

    @Test("conforms on the NB201 CIFAR-10 table under both move rules", arguments: Search.MoveRule.allCases)
    func conformance(rule: Search.MoveRule) throws {
        let evaluator = try Self.cifar10()
        // 60 queries: past the 10 initial samples and through at least one move, so checkpoints are taken mid-climb.
        let check = OptimizerConformance(space: evaluator.index.space, evaluator: evaluator, queries: 60) {
            Search(configuration: Self.configuration(rule), seed: 5)
        }
        #expect(check.all() == [])
    }

    @Test("the defaults are the paper's code's: 10 initial samples, first improvement, spelled for the command line")
    func defaults() throws {
        let configuration = Search.Configuration()
        #expect(configuration.initialSampleCount == 10)
        #expect(configuration.moveRule == .firstImprovement)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(configuration), as: UTF8.self)
        #expect(text == #"{"initialSampleCount":10,"moveRule":"first-improvement"}"#)
    }

    @Test("an initial sample count below 1 is refused, naming the field, the requirement and the value")
    func validation() throws {
        try Search.Configuration().validate()
        var configuration = Search.Configuration()
        configuration.initialSampleCount = 0
        let error = #expect(throws: SearchError.self) { try configuration.validate() }
        #expect(error?.message == "local search: initialSampleCount must be at least 1 (got 0)")
    }

    @Test("ask twice without tell is refused and leaves the search as it was")
    func askTwice() throws {
        let space = NB201Space()
        var search = Search(seed: 2)
        let proposal = try search.ask(in: space)
        let error = #expect(throws: SearchError.self) { try search.ask(in: space) }
        #expect(error?.message.hasPrefix("local search: ask was called twice without tell") == true)
        try search.tell(Observation(proposal, objective: 1), in: space)
        #expect(search.queriedKeyCount == 1)
    }

    // MARK: Mechanism on the real table

    /// One query of a recorded run: the current architecture and restart count before and after it.
    struct Step {
        let before: Search.Evaluated?
        let after: Search.Evaluated?
        let restartsBefore: Int
        let restartsAfter: Int
        let proposal: NB201Architecture
        let objective: Double
    }

    static func record(_ rule: Search.MoveRule, seed: UInt64, queries: Int) throws -> [Step] {
        let evaluator = try cifar10()
        var search = Search(configuration: configuration(rule), seed: seed)
        var steps: [Step] = []
        for _ in 0..<queries {
            let (before, restartsBefore) = (search.current, search.restartCount)
            let (proposal, evaluation) = try search.step(in: evaluator.index.space, evaluator: evaluator)
            steps.append(Step(
                before: before, after: search.current, restartsBefore: restartsBefore,
                restartsAfter: search.restartCount, proposal: proposal.architecture, objective: evaluation.objective))
        }
        return steps
    }

    @Test("starts from the best of the initial sample and moves only to strictly better neighbours",
          arguments: Search.MoveRule.allCases)
    func movesUphill(rule: Search.MoveRule) throws {
        let space = NB201Space()
        // 400 queries: several climbs and restarts (a climb takes about 50-100 queries on NB201).
        let steps = try Self.record(rule, seed: 21, queries: 400)
        let initial = steps.prefix(10)
        #expect(initial.dropLast().allSatisfy { $0.after == nil })
        let start = try #require(steps[9].after)
        #expect(initial.contains { $0.proposal == start.architecture })
        #expect(start.objective == initial.map(\.objective).max())
        var moves = 0
        for step in steps where step.restartsAfter == step.restartsBefore {
            guard let before = step.before, let after = step.after, after != before else { continue }
            moves += 1
            #expect(space.neighbors(of: before.architecture).contains(after.architecture))
            #expect(after.objective > before.objective)
        }
        #expect(moves >= 5)
    }

    @Test("restarts only at a local optimum, from a random architecture that becomes the current one",
          arguments: Search.MoveRule.allCases)
    func restartsAtLocalOptimum(rule: Search.MoveRule) throws {
        let space = NB201Space()
        let steps = try Self.record(rule, seed: 33, queries: 400)
        var queriedKeys = Set<ArchitectureKey>()
        var neighborObjectives: [Double] = []  // of the neighbours evaluated since the current one was reached
        var restarts = 0
        for step in steps {
            if step.restartsAfter > step.restartsBefore {
                restarts += 1
                let optimum = try #require(step.before)
                let neighbors = space.neighbors(of: optimum.architecture)
                #expect(neighbors.allSatisfy { queriedKeys.contains(space.key(of: $0)) })
                #expect(neighborObjectives.allSatisfy { $0 <= optimum.objective })
                #expect(step.after?.architecture == step.proposal)
                #expect(step.after?.objective == step.objective)
            }
            queriedKeys.insert(space.key(of: step.proposal))
            if step.after != step.before { neighborObjectives = [] } else { neighborObjectives.append(step.objective) }
        }
        #expect(restarts >= 2)
    }

    @Test("never proposes two architectures with the same key", arguments: Search.MoveRule.allCases)
    func noKeyTwice(rule: Search.MoveRule) throws {
        let space = NB201Space()
        // 1,000 queries of 4,660 keys: restarts draw more and more often into queried keys.
        let steps = try Self.record(rule, seed: 8, queries: 1_000)
        let keys = steps.map { space.key(of: $0.proposal) }
        #expect(Set(keys).count == keys.count)
    }

    @Test("visits a neighbourhood in a seeded random order, not the space's listing order")
    func shuffledNeighborhood() throws {
        let space = NB201Space()
        func firstClimb(seed: UInt64) throws -> (start: NB201Architecture, visited: [NB201Architecture]) {
            let steps = try Self.record(.bestImprovement, seed: seed, queries: 34)
            let start = try #require(steps[9].after).architecture
            return (start, steps[10...].prefix { $0.before?.architecture == start }.map(\.proposal))
        }
        let (start, visited) = try firstClimb(seed: 4)
        let listed = space.neighbors(of: start)
        #expect(visited.allSatisfy(listed.contains))
        #expect(visited != listed.filter(visited.contains))
        #expect(try firstClimb(seed: 4).visited == visited)
    }

    // MARK: Outcome

    @Test("on a single-peaked objective (the number of 3x3 convolutions) it climbs to the peak before restarting",
          arguments: Search.MoveRule.allCases)
    func climbsToThePeak(rule: Search.MoveRule) throws {
        let space = NB201Space()
        let evaluator = ConvolutionCount()
        var search = Search(configuration: Self.configuration(rule), seed: 13)
        // 10 initial samples, then at most 6 moves of at most 24 neighbours each, then the peak's 24 neighbours.
        var restartedFrom: NB201Architecture?
        for _ in 0..<(10 + 7 * 24) where restartedFrom == nil {
            let before = search.current
            _ = try search.step(in: space, evaluator: evaluator)
            if search.restartCount > 0 { restartedFrom = before?.architecture }
        }
        #expect(restartedFrom == NB201Architecture(repeating: .convolution3x3))
    }

    @Test("over 20 seeds at 150 queries on NB201 CIFAR-10 its mean best test accuracy beats random search's",
          arguments: Search.MoveRule.allCases)
    func beatsRandomSearch(rule: Search.MoveRule) throws {
        let evaluator = try Self.cifar10()
        let local = try Self.meanBestTestAccuracy(evaluator) { Search(configuration: Self.configuration(rule), seed: $0) }
        let random = try Self.meanBestTestAccuracy(evaluator) { RandomSearch<NB201Space>(seed: $0) }
        #expect(local > random, "local search (\(rule.rawValue)) \(local) vs random search \(random)")
    }

    /// The mean over seeds 0..<20 of the best 200-epoch test accuracy reached in 150 queries.
    static func meanBestTestAccuracy<Optimizer: BlackBoxOptimizer>(
        _ evaluator: TabularEvaluator<NB201Space>, make: (UInt64) -> Optimizer
    ) throws -> Double where Optimizer.Space == NB201Space {
        SearchOutcome.mean(
            try SearchOutcome.bestReported(by: make, in: evaluator.index.space, evaluator: evaluator, seeds: 0..<20))
    }
}

/// An objective with a single peak on NB201: the number of edges whose operation is `nor_conv_3x3`. Every cell
/// but the all-conv3x3 one has a better neighbour, so hill climbing must reach it.
private struct ConvolutionCount: Evaluator {
    typealias Space = NB201Space
    var fidelities: [Int] { [] }

    func evaluate(_ architecture: NB201Architecture, fidelity: Int?) throws(SearchError) -> Evaluation {
        let count = architecture.operations.filter { $0 == .convolution3x3 }.count
        return Evaluation(objective: Double(count), fidelity: nil, cost: 1, costUnit: "evaluations", metrics: [:])
    }
}
