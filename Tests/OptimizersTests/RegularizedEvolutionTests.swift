import Foundation
import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("RegularizedEvolution")
struct RegularizedEvolutionTests {
    typealias Evolution = RegularizedEvolution<NB201Space>

    /// NB201 CIFAR-10, maximizing the 200-epoch test accuracy (proposals ask for the full fidelity).
    static func cifar10() throws -> TabularEvaluator<NB201Space> {
        try TabularEvaluator(
            index: TestTables.nb201(), dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
    }

    /// A small population, so that a few dozen queries run through the initial population and many tournaments.
    static func small(population: Int = 10, sample: Int = 3) -> Evolution.Configuration {
        var configuration = Evolution.Configuration()
        configuration.populationSize = population
        configuration.sampleSize = sample
        return configuration
    }

    // MARK: Contract and configuration

    @Test("conforms on the NB201 CIFAR-10 table, with the paper's population and a small one")
    func conformance() throws {
        let evaluator = try Self.cifar10()
        // P = 100 needs 150 queries to reach the tournaments; P = 10 reaches them after 10 of 40.
        let paper = OptimizerConformance(space: evaluator.index.space, evaluator: evaluator, queries: 150) {
            Evolution(seed: 3)
        }
        #expect(paper.all() == [])
        let small = OptimizerConformance(space: evaluator.index.space, evaluator: evaluator, queries: 40) {
            Evolution(configuration: Self.small(), seed: 4)
        }
        #expect(small.all() == [])
    }

    @Test("the defaults are the paper's P = 100 and S = 25, spelled for the command line")
    func defaults() throws {
        let configuration = Evolution.Configuration()
        #expect(configuration.populationSize == 100)
        #expect(configuration.sampleSize == 25)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(configuration), as: UTF8.self)
        #expect(text == #"{"populationSize":100,"sampleSize":25}"#)
    }

    @Test("invalid sizes are refused, naming the field, the requirement and the value")
    func validation() throws {
        try Evolution.Configuration().validate()
        try Self.small(population: 1, sample: 1).validate()
        try Self.small(population: 5, sample: 5).validate()
        let cases: [(Evolution.Configuration, String)] = [
            (Self.small(population: 0, sample: 1), "regularized evolution: populationSize must be at least 1 (got 0)"),
            (Self.small(population: 10, sample: 0),
             "regularized evolution: sampleSize must be between 1 and populationSize (10) (got 0)"),
            (Self.small(population: 10, sample: 11),
             "regularized evolution: sampleSize must be between 1 and populationSize (10) (got 11)"),
        ]
        for (configuration, message) in cases {
            let error = #expect(throws: SearchError.self) { try configuration.validate() }
            #expect(error?.message == message)
        }
    }

    @Test("ask twice without tell is refused and leaves the evolution as it was")
    func askTwice() throws {
        let space = NB201Space()
        var evolution = Evolution(configuration: Self.small(population: 1, sample: 1), seed: 2)
        let first = try evolution.ask(in: space)
        try evolution.tell(Observation(first, objective: 1), in: space)
        let child = try evolution.ask(in: space)
        let before = evolution.lastTournament
        let error = #expect(throws: SearchError.self) { try evolution.ask(in: space) }
        #expect(error?.message.hasPrefix("regularized evolution: ask was called twice without tell") == true)
        #expect(evolution.lastTournament == before)
        try evolution.tell(Observation(child, objective: 2), in: space)
        #expect(evolution.population.map(\.objective) == [2])
    }

    // MARK: Mechanism on the real table

    @Test("the initial population is random; then the population stays at its size and the oldest dies")
    func agingPopulation() throws {
        let evaluator = try Self.cifar10()
        let space = evaluator.index.space
        var evolution = Evolution(configuration: Self.small(), seed: 17)
        for query in 0..<60 {
            let before = evolution.population
            let (proposal, evaluation) = try evolution.step(in: space, evaluator: evaluator)
            let after = evolution.population
            #expect(after.count == min(query + 1, 10))
            #expect(after.last?.architecture == proposal.architecture)
            #expect(after.last?.objective == evaluation.objective)
            #expect(after.last?.birth == query)
            #expect(after.map(\.birth) == Array(max(0, query - 9)...query))
            if query < 10 {
                #expect(evolution.lastTournament == nil)
                #expect(after.dropLast() == before[...])
            } else {
                // The one that died is the oldest of the population before this query.
                #expect(Array(after.dropLast()) == Array(before.dropFirst()))
            }
        }
    }

    @Test("each child is one mutation of its tournament's winner, the first best of members drawn from the population")
    func childrenOfTournamentWinners() throws {
        let evaluator = try Self.cifar10()
        let space = evaluator.index.space
        var evolution = Evolution(configuration: Self.small(), seed: 29)
        var drawnBirths = Set<Int>()
        for query in 0..<200 {
            let population = evolution.population
            let proposal = try evolution.ask(in: space)
            if query >= 10 {
                let tournament = try #require(evolution.lastTournament)
                #expect(tournament.sample.count == 3)
                #expect(tournament.sample.allSatisfy(population.contains))
                let best = try #require(tournament.sample.map(\.objective).max())
                #expect(tournament.winner == tournament.sample.first { $0.objective == best })
                #expect(space.neighbors(of: tournament.winner.architecture).contains(proposal.architecture))
                drawnBirths.formUnion(tournament.sample.map(\.birth))
            }
            let evaluation = try evaluator.evaluate(proposal.architecture, fidelity: proposal.fidelity)
            try evolution.tell(Observation(proposal, objective: evaluation.objective), in: space)
        }
        // Draws reach across the population, not only its best: most of the 200 members were drawn at least once.
        #expect(drawnBirths.count > 150)
    }

    // MARK: Outcome

    @Test("over 20 seeds at 150 queries on NB201 CIFAR-10 its mean best test accuracy beats random search's")
    func beatsRandomSearch() throws {
        let evaluator = try Self.cifar10()
        let evolution = try Self.meanBestTestAccuracy(evaluator) { Evolution(seed: $0) }
        let random = try Self.meanBestTestAccuracy(evaluator) { RandomSearch<NB201Space>(seed: $0) }
        #expect(evolution > random, "regularized evolution \(evolution) vs random search \(random)")
    }

    /// The mean over seeds 0..<20 of the best 200-epoch test accuracy reached in 150 queries.
    static func meanBestTestAccuracy<Optimizer: BlackBoxOptimizer>(
        _ evaluator: TabularEvaluator<NB201Space>, make: (UInt64) -> Optimizer
    ) throws -> Double where Optimizer.Space == NB201Space {
        SearchOutcome.mean(
            try SearchOutcome.bestReported(by: make, in: evaluator.index.space, evaluator: evaluator, seeds: 0..<20))
    }
}
