import Foundation
import NASCore
import NASModels
import NASSpaces
import Seeding
import Testing
import _TestSupport

@testable import Optimizers

/// The black-box optimizers search the trainable spaces (DARTS cells, MnasNet-like networks, NATS-Bench sizes)
/// unchanged, through the same seam as a table: ParameterBudgetEvaluator scores each proposal by the exact
/// parameter count of the network the space builds. Budgets: 150k for DARTS at the CPU-sized default (C = 16,
/// 8 cells), 300k for MnasNet-like networks, 100k for size networks. Building a network in a debug build takes a
/// while, so counts are memoised per architecture (the checks rerun the same sequences) and the runs are short.
@Suite struct TrainableSpacesTests {
    /// Parameter counts by text form, shared by the checks.
    final class Counts: @unchecked Sendable {
        private var counts: [String: Int] = [:]
        private let lock = NSLock()

        func count(_ key: String, _ make: () -> Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            if let known = counts[key] { return known }
            let value = make()
            counts[key] = value
            return value
        }
    }
    static let counts = Counts()

    static func evolution<Space: CategoricalSearchSpace>(_ space: Space.Type, seed: UInt64, population: Int = 8)
        -> RegularizedEvolution<Space>
    {
        var configuration = RegularizedEvolution<Space>.Configuration()
        configuration.populationSize = population
        configuration.sampleSize = population / 2
        return RegularizedEvolution<Space>(configuration: configuration, seed: seed)
    }

    static let darts = ParameterBudgetEvaluator<DARTSSpace>(budget: 150_000) { architecture in
        counts.count("darts " + DARTSSpace().format(architecture)) {
            var rng = Xoshiro256(seed: 0)
            return DARTSNetwork(architecture: architecture, using: &rng).trainableParameterCount
        }
    }
    static let mnasnet = ParameterBudgetEvaluator<MnasNetSpace>(budget: 300_000) { architecture in
        counts.count("mnasnet " + MnasNetSpace().format(architecture)) {
            var rng = Xoshiro256(seed: 0)
            return MnasNetNetwork(architecture: architecture, using: &rng).trainableParameterCount
        }
    }
    static let size = ParameterBudgetEvaluator<SizeSpace>(budget: 100_000) { architecture in
        counts.count("size " + SizeSpace().format(architecture)) {
            var rng = Xoshiro256(seed: 0)
            return SizeNetwork(architecture: architecture, using: &rng).trainableParameterCount
        }
    }

    @Test func regularizedEvolutionAndReinforceConformOnDARTS() {
        let evolution = OptimizerConformance(space: DARTSSpace(), evaluator: Self.darts, queries: 10) {
            Self.evolution(DARTSSpace.self, seed: 1, population: 4)
        }
        #expect(evolution.reproducible() == [] && evolution.resumesExactly(after: 6) == [] && evolution.proposalsAreValid() == [])
        let reinforce = OptimizerConformance(space: DARTSSpace(), evaluator: Self.darts, queries: 10) {
            Reinforce<DARTSSpace>(seed: 1)
        }
        #expect(reinforce.reproducible() == [] && reinforce.proposalsAreValid() == [])
    }

    @Test func regularizedEvolutionAndReinforceConformOnMnasNet() {
        let evolution = OptimizerConformance(space: MnasNetSpace(), evaluator: Self.mnasnet, queries: 10) {
            Self.evolution(MnasNetSpace.self, seed: 2, population: 4)
        }
        #expect(evolution.reproducible() == [] && evolution.resumesExactly(after: 6) == [] && evolution.proposalsAreValid() == [])
        let reinforce = OptimizerConformance(space: MnasNetSpace(), evaluator: Self.mnasnet, queries: 10) {
            Reinforce<MnasNetSpace>(seed: 2)
        }
        #expect(reinforce.reproducible() == [] && reinforce.proposalsAreValid() == [])
    }

    /// Evolution improves on its own random initial population on the size space and ends within 5% of the
    /// budget.
    @Test func evolutionApproachesTheBudgetOnTheSizeSpace() throws {
        let check = OptimizerConformance(space: SizeSpace(), evaluator: Self.size, queries: 60) {
            Self.evolution(SizeSpace.self, seed: 3, population: 10)
        }
        #expect(check.all() == [])
        var optimizer = Self.evolution(SizeSpace.self, seed: 3, population: 10)
        var objectives: [Double] = []
        for _ in 0..<60 {
            objectives.append(try optimizer.step(in: SizeSpace(), evaluator: Self.size).evaluation.objective)
        }
        let initial = objectives.prefix(10).max()!
        let best = objectives.max()!
        #expect(best > initial && best > -0.05, "initial \(initial), best \(best)")
    }

    @Test func refusesAFidelity() {
        #expect(throws: SearchError("a parameter count has no fidelities; ask for the full evaluation (fidelity nil), got 12")) {
            try Self.size.evaluate(SizeArchitecture(code: 0), fidelity: 12)
        }
    }
}

/// BANANAS refuses a space without its encoding at the first ask, before any query is spent.
@Suite struct BananasEncodingRefusalTests {
    @Test func refusesTheSizeSpacesMissingPathEncodingAtOnce() {
        var bananas = Bananas<SizeSpace>(seed: 0)
        #expect(throws: SearchError(
            "BANANAS: the space size has no path encoding (it has one-hot); choose one with --set encoding=one-hot"
        )) { try bananas.ask(in: SizeSpace()) }
    }
}
