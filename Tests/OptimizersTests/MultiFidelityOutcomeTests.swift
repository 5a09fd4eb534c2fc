import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

/// What the multi-fidelity optimizers must achieve on the real NAS-Bench-201 CIFAR-10 table: at an equal
/// simulated cost, a final incumbent at least as good as random search's, averaged over fixed seeds.
@Suite("MultiFidelityOutcome")
struct MultiFidelityOutcomeTests {
    /// 30,000 epochs: 150 full (200-epoch) evaluations.
    static let budget = 30_000.0
    /// The seeds, fixed before the first run.
    static let seeds: [UInt64] = Array(0..<20)

    /// Runs `optimizer` on `evaluator` until the next evaluation would take the total cost past `budget` (every
    /// evaluation charged its fidelity in epochs, repeats included), and returns the incumbent: the best
    /// objective (200-epoch test accuracy) among its full-fidelity evaluations.
    static func incumbent<Optimizer: BlackBoxOptimizer>(
        of optimizer: Optimizer, evaluator: TabularEvaluator<NB201Space>, budget: Double
    ) throws -> Double where Optimizer.Space == NB201Space {
        var optimizer = optimizer
        let space = evaluator.index.space
        let full = evaluator.fidelities.last
        var spent = 0.0
        var best = -Double.infinity
        while true {
            let proposal = try optimizer.ask(in: space)
            let evaluation = try evaluator.evaluate(proposal.architecture, fidelity: proposal.fidelity)
            guard spent + evaluation.cost <= budget else { return best }
            spent += evaluation.cost
            try optimizer.tell(Observation(proposal, objective: evaluation.objective), in: space)
            if proposal.fidelity == nil || proposal.fidelity == full { best = max(best, evaluation.objective) }
        }
    }

    /// The incumbents over ``seeds``: their mean, its standard error, and how many reached the table's best
    /// 200-epoch test accuracy (94.37333).
    static func summary<Optimizer: BlackBoxOptimizer>(
        evaluator: TabularEvaluator<NB201Space>, _ make: (UInt64) throws -> Optimizer
    ) throws -> (mean: Double, standardError: Double, optimal: Int) where Optimizer.Space == NB201Space {
        let incumbents = try seeds.map { try incumbent(of: make($0), evaluator: evaluator, budget: budget) }
        let count = Double(incumbents.count)
        let mean = incumbents.reduce(0, +) / count
        let variance = incumbents.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (count - 1)
        return (mean, (variance / count).squareRoot(), incumbents.filter { $0 >= 94.3733 }.count)
    }

    @Test("at 30,000 epochs over 20 seeds, Hyperband's and BOHB's mean final 200-epoch test accuracy ≥ random search's")
    func equalCost() throws {
        let index = try TestTables.nb201()
        let evaluator = try TabularEvaluator(
            index: index, dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
        let fidelities = evaluator.fidelities
        let random = try Self.summary(evaluator: evaluator) { RandomSearch<NB201Space>(seed: $0) }
        let halving = try Self.summary(evaluator: evaluator) {
            try SuccessiveHalving<NB201Space>(seed: $0, fidelities: fidelities)
        }
        let hyperband = try Self.summary(evaluator: evaluator) {
            try Hyperband<NB201Space>(seed: $0, fidelities: fidelities)
        }
        let bohb = try Self.summary(evaluator: evaluator) { try BOHB<NB201Space>(seed: $0, fidelities: fidelities) }
        for (name, result) in [
            ("random search", random), ("successive halving", halving), ("hyperband", hyperband), ("BOHB", bohb),
        ] {
            print(
                "\(name): mean final 200-epoch test accuracy at \(Int(Self.budget)) epochs over \(Self.seeds.count) "
                    + "seeds \(result.mean) ± \(result.standardError); reached 94.37333 in \(result.optimal)")
        }
        #expect(hyperband.mean >= random.mean)
        #expect(bohb.mean >= random.mean)
    }
}
