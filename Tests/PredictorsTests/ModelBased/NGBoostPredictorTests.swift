import Foundation
import NASCore
import NASSpaces
import Seeding
import Testing

@testable import Predictors

@Suite("NGBoostPredictor")
struct NGBoostPredictorTests {
    /// 100 iterations instead of 505, to keep the debug build fast.
    static var small: NGBoostConfiguration {
        var configuration = NGBoostConfiguration()
        configuration.iterations = 100
        return configuration
    }

    @Test("on real NB201 cells (100 iterations): Kendall τ on 500 held-out cells > 0.33 from 100 cells")
    func ranksHeldOutCells() throws {
        let sample = try NB201Sample.draw(600, seed: 4)
        let tau = try ModelBasedTesting.heldOutTau(
            NGBoostPredictor<NB201Space>(configuration: Self.small), sample: sample, trainingSize: 100, heldOutSize: 500)
        #expect(tau > 0.33)  // measured 0.387
    }

    @Test("the natural gradient is the Fisher-preconditioned gradient of the normal's negative log-likelihood")
    func naturalGradient() {
        for (target, mean, logScale) in [(0.3, -0.2, 0.1), (-1.5, 0.4, -0.7), (2.0, 2.0, 0.0)] {
            func loss(_ mean: Double, _ logScale: Double) -> Double {
                NormalScore.negativeLogLikelihood(targets: [target], means: [mean], logScales: [logScale], rows: [0])
            }
            let step = 1e-6
            let gradientMean = (loss(mean + step, logScale) - loss(mean - step, logScale)) / (2 * step)
            let gradientLogScale = (loss(mean, logScale + step) - loss(mean, logScale - step)) / (2 * step)
            let variance = exp(2 * logScale)
            // Fisher information of (μ, log σ): diag(1/σ², 2).
            let natural = NormalScore.naturalGradient(target: target, mean: mean, logScale: logScale)
            #expect(abs(natural.mean - variance * gradientMean) < 1e-6)
            #expect(abs(natural.logScale - gradientLogScale / 2) < 1e-6)
        }
    }

    @Test("predictions are θ⁰ − η Σ ρₘ fₘ(x) from the stored stages; every line search found a positive scaling")
    func stagesCompose() throws {
        let (training, heldOut) = try NB201Sample.draw(90, seed: 3).split(at: 60)
        let space = NB201Space()
        var configuration = Self.small
        configuration.iterations = 20
        var predictor = NGBoostPredictor<NB201Space>(configuration: configuration)
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
        let model = try #require(predictor.model)
        #expect(model.stages.count == 20)
        #expect(model.stages.allSatisfy { $0.scaling > 0 && $0.scaling <= 512 })
        #expect(abs(model.initialMean) < 1e-12 && abs(model.initialLogScale) < 1e-12)  // standardized targets
        let predictions = try predictor.predict(heldOut.architectures, in: space)
        let encoded = try EncodedArchitectures(heldOut.architectures, as: .adjacencyOneHot, in: space)
        encoded.values.withUnsafeBufferPointer { values in
            for (row, prediction) in predictions.enumerated() {
                var (mean, logScale) = (model.initialMean, model.initialLogScale)
                for stage in model.stages {
                    mean -= model.learningRate * stage.scaling * stage.meanTree.predict(values, offset: row * 58)
                    logScale -= model.learningRate * stage.scaling * stage.logScaleTree.predict(values, offset: row * 58)
                }
                let scale = model.standardization
                #expect(abs(prediction.mean - (scale.mean + scale.scale * mean)) < 1e-9)
                #expect(abs(prediction.standardDeviation - scale.scale * exp(logScale)) < 1e-9)
            }
        }
    }

    @Test("a JSON round trip keeps the model bit for bit; the same generator state gives the same model")
    func codableAndDeterministic() throws {
        let (training, heldOut) = try NB201Sample.draw(80, seed: 3).split(at: 50)
        let space = NB201Space()
        var configuration = Self.small
        configuration.iterations = 20
        func fitted(_ seed: UInt64) throws -> NGBoostPredictor<NB201Space> {
            var predictor = NGBoostPredictor<NB201Space>(configuration: configuration)
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
        #expect(try predictor.predict(heldOut.architectures, in: space).allSatisfy { $0.standardDeviation > 0 })
    }

    @Test("too few points, mismatched counts, non-finite targets, unfitted predict, bad settings: refused")
    func refusals() throws {
        for (message, expected) in try ModelBasedTesting.checkRefusals(
            NGBoostPredictor<NB201Space>(configuration: Self.small), name: "NGBoost")
        {
            #expect(message == expected)
        }
        var configuration = NGBoostConfiguration()
        configuration.minibatchFraction = 0
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "NGBoost: minibatchFraction must be in (0, 1] (got 0.0)")
        configuration = NGBoostConfiguration()
        configuration.iterations = 0
        #expect(ModelBasedTesting.message { try configuration.validate() } == "NGBoost: iterations must be at least 1 (got 0)")
    }
}
