import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding
import Testing

@Suite("RandomForestPredictor")
struct RandomForestPredictorTests {
    @Test("on real NB201 cells: Kendall τ on 500 held-out cells > 0.45 from 100 cells")
    func ranksHeldOutCells() throws {
        let sample = try NB201Sample.draw(600, seed: 4)
        let tau = try ModelBasedTesting.heldOutTau(
            RandomForestPredictor<NB201Space>(), sample: sample, trainingSize: 100, heldOutSize: 500)
        #expect(tau > 0.45)  // measured 0.553
    }

    @Test("one tree with every feature and leaves of one reproduces distinct training cells' targets exactly")
    func singleTreeInterpolates() throws {
        let sample = try NB201Sample.draw(40, seed: 6)
        let space = NB201Space()
        var configuration = RandomForestConfiguration()
        configuration.treeCount = 1
        configuration.featureFraction = 1
        configuration.minimumSamplesLeaf = 1
        var predictor = RandomForestPredictor<NB201Space>(configuration: configuration)
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(sample.architectures, targets: sample.accuracies, in: space, using: &rng)
        let predictions = try predictor.predict(sample.architectures, in: space)
        for (prediction, target) in zip(predictions, sample.accuracies) {
            #expect(abs(prediction.mean - target) < 1e-9)
            #expect(prediction.standardDeviation == 0)
        }
        // A depth limit of 1: one split, two leaves.
        configuration.maximumDepth = 1
        predictor.configuration = configuration
        try predictor.fit(sample.architectures, targets: sample.accuracies, in: space, using: &rng)
        #expect(predictor.model?.trees.first?.nodes.count == 3)
    }

    @Test("the trees differ (feature draws) and their spread is the uncertainty; a bootstrap forest also fits")
    func spreadAndBootstrap() throws {
        let (training, heldOut) = try NB201Sample.draw(120, seed: 3).split(at: 60)
        let space = NB201Space()
        var configuration = RandomForestConfiguration()
        configuration.treeCount = 20  // small, for a fast debug build
        for bootstrap in [false, true] {
            configuration.bootstrap = bootstrap
            var predictor = RandomForestPredictor<NB201Space>(configuration: configuration)
            var rng = Xoshiro256(seed: 1)
            try predictor.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
            let predictions = try predictor.predict(heldOut.architectures, in: space)
            #expect(predictions.contains { $0.standardDeviation > 0 })
            #expect(Set(try #require(predictor.model).trees).count > 1)
        }
    }

    @Test("a JSON round trip keeps the forest bit for bit; the same generator state gives the same forest")
    func codableAndDeterministic() throws {
        let (training, heldOut) = try NB201Sample.draw(80, seed: 3).split(at: 50)
        let space = NB201Space()
        var configuration = RandomForestConfiguration()
        configuration.treeCount = 10  // small, for a fast debug build
        func fitted(_ seed: UInt64) throws -> RandomForestPredictor<NB201Space> {
            var predictor = RandomForestPredictor<NB201Space>(configuration: configuration)
            var rng = Xoshiro256(seed: seed)
            try predictor.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
            return predictor
        }
        let predictor = try fitted(1)
        let (restored, data, again) = try ModelBasedTesting.roundTrip(predictor)
        #expect(restored.model == predictor.model)
        #expect(data == again)
        #expect(try restored.predict(heldOut.architectures, in: space) == predictor.predict(heldOut.architectures, in: space))
        #expect(try fitted(1).model == predictor.model)
        #expect(try fitted(2).model != predictor.model)
    }

    @Test("too few points, mismatched counts, non-finite targets, unfitted predict, bad settings: refused")
    func refusals() throws {
        for (message, expected) in try ModelBasedTesting.checkRefusals(
            RandomForestPredictor<NB201Space>(), name: "random forest")
        {
            #expect(message == expected)
        }
        var configuration = RandomForestConfiguration()
        configuration.featureFraction = 1.5
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "random forest: featureFraction must be in (0, 1] (got 1.5)")
        configuration = RandomForestConfiguration()
        configuration.treeCount = 0
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "random forest: treeCount must be at least 1 (got 0)")
    }
}
