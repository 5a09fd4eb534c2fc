import Foundation
import NASCore
import Predictors
import Seeding
import TabularBenchmarks

/// One table's study: a fixed held-out sample, training sets of several sizes drawn per seed from the rest, and
/// for each predictor the mean Kendall τ, Spearman ρ, fit and query seconds over the seeds.
struct PredictorStudy<Space: EnumerableSearchSpace> {
    let index: TableIndex<Space>
    let column: TabularColumn
    let heldOutSize: Int
    let sizes: [Int]
    let seeds: [UInt64]

    struct Cell {
        var tau = 0.0
        var spearman = 0.0
        var fitSeconds = 0.0
        var querySeconds = 0.0
    }

    /// The architectures with a value in the table, in index order, and their values.
    private func population() -> [(Space.Architecture, Double)] {
        (0..<index.space.architectureCount).compactMap { position in
            let architecture = index.space.architecture(at: position)
            return index.value(column, of: architecture).flatMap { $0.isFinite ? (architecture, $0) : nil }
        }
    }

    /// Runs `make()`'s predictor at every size and seed; `[size] -> mean cell`.
    func run<Predictor: PerformancePredictor>(_ make: () -> Predictor) throws -> [Cell]
    where Predictor.Space == Space {
        var all = population()
        var shuffler = Xoshiro256(seed: 2021)  // the held-out sample: the same for every predictor and size
        all.seededShuffle(using: &shuffler)
        let heldOut = Array(all.prefix(heldOutSize))
        let pool = Array(all.dropFirst(heldOutSize))
        var cells = [Cell](repeating: Cell(), count: sizes.count)
        for seed in seeds {
            var order = pool
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "predictor-study training"))
            order.seededShuffle(using: &generator)
            for (position, size) in sizes.enumerated() {
                let training = order.prefix(size)
                var predictor = make()
                var rng = Xoshiro256(seed: seed)
                let fit = try Self.seconds {
                    try predictor.fit(
                        training.map(\.0), targets: training.map(\.1), in: index.space, using: &rng)
                }
                var predictions: [Prediction] = []
                let query = try Self.seconds { predictions = try predictor.predict(heldOut.map(\.0), in: index.space) }
                let means = predictions.map(\.mean)
                let truth = heldOut.map(\.1)
                let count = Double(seeds.count)
                cells[position].tau += RankCorrelation.kendallTau(means, truth) / count
                cells[position].spearman += RankCorrelation.spearman(means, truth) / count
                cells[position].fitSeconds += fit / count
                cells[position].querySeconds += query / count
            }
        }
        return cells
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let (whole, attoseconds) = (clock.now - start).components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
