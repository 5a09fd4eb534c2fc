import Datasets
import Seeding
import Testing

@testable import OneShot

@Suite struct ENASTests {
    /// The controller learns every `aggregate` rewards, and the baseline is the moving average of the rewards.
    @Test func theControllerLearnsFromSharedWeightRewards() throws {
        let supernet = try OneShotFixtures.supernet(channels: 2)
        let images = try OneShotFixtures.images(16, side: 4)
        let training = OneShotFixtures.batch(images.subset(Array(0..<8)))
        let validation = OneShotFixtures.batch(images.subset(Array(8..<16)))
        var rng = Xoshiro256(seed: 2)
        var enas = ENAS(supernet: supernet, baselineDecay: 0.5, aggregate: 2, using: &rng)
        let initial = enas.controller
        #expect(enas.controller.optionCounts == Array(repeating: 5, count: 6))
        let context = OneShotStepContext(step: 0, epoch: 0, epochs: 1, learningRate: 0.025, seed: 1)
        _ = try enas.step(supernet, training: training, validation: validation, context: context)
        #expect(enas.pending.count == 1 && enas.controller == initial)
        #expect(enas.pending[0].advantage == 0)  // the first reward is its own baseline
        let firstBaseline = try #require(enas.baseline)
        _ = try enas.step(supernet, training: training, validation: validation, context: context)
        #expect(enas.pending.isEmpty && enas.controller != initial)
        // Rewards are accuracies on 8 images: multiples of 1/8, and the baseline stays inside [0, 1].
        #expect(firstBaseline * 8 == (firstBaseline * 8).rounded())
        #expect((0...1).contains(try #require(enas.baseline)))
    }
}
