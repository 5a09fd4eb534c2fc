import Layers
import NASModels
import NASSpaces
import Seeding
import Testing

@testable import Predictors

/// Zero-cost proxies rank real NB201 cells like their CIFAR-10 200-epoch test accuracy (the table), on real
/// CIFAR-10 images.
///
/// To stay fast in a debug build the networks are reduced (C = 8, one cell per stage, instead of the benchmark's
/// C = 16, five cells) and the samples small; the full-size measurement is `nasrun proxies`
/// (Experiments/zero-cost-nb201). Thresholds sit below the values measured with these seeds (in the comments),
/// far above what an unrelated score gives (|ρ| ≈ 0.2 at these sizes).
struct ZeroCostRankingTests {
    static let configuration = NB201NetworkConfiguration(stemChannels: 8, cellsPerStage: 1)

    static func scores(_ proxy: ZeroCostProxy, sample: NB201Sample, batch: ZeroCostBatch?) throws -> [Double] {
        try sample.architectures.map { architecture in
            var rng = Xoshiro256(seed: 7)
            let network = NB201Network(architecture: architecture, configuration: configuration, using: &rng)
            return try ZeroCostScorer.scores([proxy], of: network, inputShape: [3, 32, 32], batch: batch)[0]
        }
    }

    /// Synflow over 32 cells (seed 1): measured ρ = 0.858.
    @Test func synflowRanksCells() throws {
        let sample = try NB201Sample.draw(32, seed: 1)
        let rho = RankCorrelation.spearman(omittingNaN: try Self.scores(.synflow, sample: sample, batch: nil), sample.accuracies)
        #expect(rho > 0.7, "synflow Spearman \(rho)")
    }

    /// NASWOT over 20 cells (seed 2) on 8 CIFAR-10 images: measured ρ = 0.773.
    @Test func naswotRanksCells() throws {
        let sample = try NB201Sample.draw(20, seed: 2)
        let batch = try ZeroCostFixtures.cifarBatch(8)
        let rho = RankCorrelation.spearman(omittingNaN: try Self.scores(.nwot, sample: sample, batch: batch), sample.accuracies)
        #expect(rho > 0.6, "nwot Spearman \(rho)")
    }

    /// Zen over 20 cells (seed 5), data-free, on a Gaussian batch of 4 (the batch gives only the shape): measured
    /// ρ = 0.895. (Fisher and EPE-NAS are checked against their definitions instead: at test sizes, 8 to 32 images,
    /// their measured ρ (0.44 and 0.23 over 20 cells) is too close to chance to be a test; the full-size
    /// measurement is `nasrun proxies`, Docs/Predictors/ZeroCostProxies.md.)
    @Test func zenRanksCells() throws {
        let sample = try NB201Sample.draw(20, seed: 5)
        let shape = try ZeroCostFixtures.cifarBatch(4)
        let scores = try Self.scores(.zen, sample: sample, batch: shape)
        let rho = RankCorrelation.spearman(omittingNaN: scores, sample.accuracies)
        #expect(rho > 0.7, "zen Spearman \(rho)")
    }
}
