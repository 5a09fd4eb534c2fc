import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding
import Testing

@Suite("XGBoostPredictor")
struct XGBoostPredictorTests {
    @Test("on real NB201 cells: Kendall τ on 500 held-out cells > 0.35 from 60 cells, and higher by 0.1 from 300")
    func ranksHeldOutCells() throws {
        let sample = try NB201Sample.draw(800, seed: 4)
        let predictor = XGBoostPredictor<NB201Space>()
        let small = try ModelBasedTesting.heldOutTau(predictor, sample: sample, trainingSize: 60, heldOutSize: 500)
        let large = try ModelBasedTesting.heldOutTau(predictor, sample: sample, trainingSize: 300, heldOutSize: 500)
        #expect(small > 0.35)  // measured 0.401
        #expect(large > small + 0.1)  // measured 0.639
    }

    @Test("an invalid parameter value is refused with XGBoost's own message; reserved parameters are refused")
    func xgboostErrors() throws {
        let sample = try NB201Sample.draw(10, seed: 1)
        var configuration = XGBoostConfiguration()
        configuration.parameters.append(.init("max_depth", "-3"))
        var predictor = XGBoostPredictor<NB201Space>(configuration: configuration)
        var rng = Xoshiro256(seed: 1)
        let message = ModelBasedTesting.message {
            try predictor.fit(sample.architectures, targets: sample.accuracies, in: NB201Space(), using: &rng)
        }
        // XGBoost 1.7.4's own text (it checks parameters when it first trains), then its description of max_depth.
        #expect(message?.hasPrefix(
            "XGBoost: XGBoosterUpdateOneIter(0) failed: value -3 for Parameter max_depth should be greater equal to 0"
        ) == true)
        #expect(predictor.model == nil)
        configuration = XGBoostConfiguration()
        configuration.parameters.append(.init("seed", "3"))
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "XGBoost: the parameter seed is set by the fit (nthread 1, seed from the generator, verbosity 0); "
                + "remove it from parameters")
        configuration = XGBoostConfiguration()
        configuration.rounds = 0
        #expect(ModelBasedTesting.message { try configuration.validate() } == "XGBoost: rounds must be at least 1 (got 0)")
    }

    @Test("the model is XGBoost's JSON: a round trip predicts bit for bit; the same generator state, the same model")
    func codableAndDeterministic() throws {
        let (training, heldOut) = try NB201Sample.draw(80, seed: 3).split(at: 50)
        let space = NB201Space()
        var configuration = XGBoostConfiguration()
        configuration.rounds = 50  // fewer rounds, for speed
        func fitted(_ seed: UInt64) throws -> XGBoostPredictor<NB201Space> {
            var predictor = XGBoostPredictor<NB201Space>(configuration: configuration)
            var rng = Xoshiro256(seed: seed)
            try predictor.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
            return predictor
        }
        let predictor = try fitted(1)
        let model = try #require(predictor.model)
        #expect(model.json.hasPrefix("{"))
        #expect(model.json.contains("\"num_trees\":\"50\""))
        let (restored, data, again) = try ModelBasedTesting.roundTrip(predictor)
        #expect(restored.model == model)
        #expect(data == again)
        let predictions = try predictor.predict(heldOut.architectures, in: space)
        #expect(try restored.predict(heldOut.architectures, in: space) == predictions)
        #expect(predictions.allSatisfy { $0.standardDeviation == 0 })
        #expect(try fitted(1).model == model)
        #expect(try predictor.predict([], in: space).isEmpty)
    }

    @Test("too few points, mismatched counts, non-finite targets, unfitted predict: refused")
    func refusals() throws {
        for (message, expected) in try ModelBasedTesting.checkRefusals(XGBoostPredictor<NB201Space>(), name: "XGBoost") {
            #expect(message == expected)
        }
    }
}
