import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Testing
import _TestSupport

@Suite("Bananas outcome")
struct BananasOutcomeTests {
    /// The best CIFAR-10 test accuracy of each seed's run of 150 queries on the real NB201 table.
    static func bestAccuracies<Optimizer: BlackBoxOptimizer>(
        seeds: Range<UInt64>, _ make: (UInt64) -> Optimizer
    ) throws -> [Double] where Optimizer.Space == NB201Space {
        let evaluator = try TabularEvaluator(
            index: TestTables.nb201(), dataset: "cifar10", objective: "test_accuracy",
            reportedMetrics: ["test_accuracy"])
        return try SearchOutcome.bestReported(by: make, in: evaluator.index.space, evaluator: evaluator, seeds: seeds)
    }

    /// Over seeds 0-5 at 150 queries, BANANAS's mean best test accuracy beats random search's by at least 0.2
    /// points. Small configuration for the debug build: an ensemble of 2 networks of 2 hidden layers trained for
    /// 20 epochs (the paper's: 5, 10, 150); the search settings are the paper's. In release, the paper's
    /// configuration over seeds 0-19 reaches 94.316 against random search's 93.915
    /// (`SearchBenchmarks --compare 20`).
    @Test("over 6 seeds at 150 queries, BANANAS's mean best CIFAR-10 test accuracy beats random search's")
    func beatsRandomSearch() throws {
        var configuration = Bananas<NB201Space>.Configuration()
        configuration.ensembleSize = 2
        configuration.hiddenLayers = 2
        configuration.epochs = 20
        let seeds = UInt64(0)..<6
        let bananas = try Self.bestAccuracies(seeds: seeds) { Bananas<NB201Space>(configuration: configuration, seed: $0) }
        let random = try Self.bestAccuracies(seeds: seeds) { RandomSearch<NB201Space>(seed: $0) }
        let bananasMean = bananas.reduce(0, +) / Double(bananas.count)
        let randomMean = random.reduce(0, +) / Double(random.count)
        #expect(bananasMean > randomMean + 0.2, "BANANAS \(bananas), random search \(random)")
    }
}

extension BananasOutcomeTests {
    /// The predictor and the acquisition pick well: after 30 random architectures, each of the first
    /// iteration's k = 10 proposals is ranked within its pool (every unqueried single-edge mutation of the 2
    /// best architectures, which the candidates are drawn from) by the fraction of the pool with a lower test
    /// accuracy. Picking at random gives 0.5 on average (standard deviation about 0.025 over 10 seeds);
    /// BANANAS gets about 0.6, so the test asks for more than 0.55. Mutating the best architectures alone
    /// already beats random search on NB201 (the test above passes even when the ranking is reversed), so this
    /// isolates what the predictor adds. Small configuration as above, with 30 epochs.
    @Test("the first iteration's proposals rank high among the mutations of the best they were chosen from")
    func proposalsRankHighInTheirPool() throws {
        let evaluator = try TabularEvaluator(
            index: TestTables.nb201(), dataset: "cifar10", objective: "test_accuracy",
            reportedMetrics: ["test_accuracy"])
        let space = evaluator.index.space
        var configuration = Bananas<NB201Space>.Configuration()
        configuration.initialArchitectures = 30
        configuration.ensembleSize = 2
        configuration.hiddenLayers = 2
        configuration.epochs = 30
        func accuracy(_ architecture: NB201Architecture) throws -> Double {
            try evaluator.evaluate(architecture, fidelity: nil).objective
        }
        var percentiles: [Double] = []
        for seed in UInt64(0)..<10 {
            var search = Bananas<NB201Space>(configuration: configuration, seed: seed)
            for _ in 0..<30 { _ = try search.step(in: space, evaluator: evaluator) }
            let queried = Set(search.observations.map { space.key(of: $0.architecture) })
            let best = search.observations.sorted { $0.objective > $1.objective }.prefix(2).map(\.architecture)
            var poolKeys = Set<ArchitectureKey>()
            let pool = try best.flatMap { space.neighbors(of: $0) }.filter {
                !queried.contains(space.key(of: $0)) && poolKeys.insert(space.key(of: $0)).inserted
            }.map(accuracy)
            let proposals = [try search.ask(in: space).architecture] + search.queue
            #expect(proposals.count == 10)
            let ranks = try proposals.map { proposal in
                let value = try accuracy(proposal)
                return Double(pool.filter { $0 < value }.count) / Double(pool.count)
            }
            percentiles.append(ranks.reduce(0, +) / Double(ranks.count))
        }
        let mean = percentiles.reduce(0, +) / Double(percentiles.count)
        #expect(mean > 0.55, "mean rank \(mean) in the pool; per seed \(percentiles)")
    }
}
