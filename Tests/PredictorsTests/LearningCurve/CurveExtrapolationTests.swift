import NASCore
import Predictors
import Seeding
import Testing

@Suite("CurveExtrapolation")
struct CurveExtrapolationTests {
    static func meanAbsoluteError(_ predictions: [Double], _ truths: [Double]) -> Double {
        zip(predictions, truths).map { abs($0 - $1) }.reduce(0, +) / Double(truths.count)
    }

    /// Measured on the same 32 curves: MAE 0.147 (extrapolation) vs 0.269 (last value) from 3 epochs, 0.102 vs
    /// 0.150 from 5. From 10 epochs the last value wins (0.035 vs 0.045): the cosine schedule flattens the slow
    /// runs' curves in their second half, which the saturating models do not foresee
    /// (Docs/Predictors/LearningCurves.md).
    @Test("on 32 real digits curves, extrapolating 3 and 5 of 20 epochs to epoch 20 beats the last value in MAE")
    func beatsLastValue() throws {
        let curves = try DigitsCurvesFixture.curves()
        let truths = DigitsCurvesFixture.finalValidationAccuracies
        for epochs in [3, 5] {
            let extrapolated = try CurveExtrapolation(epochs: epochs).predict(curves: curves, targetEpoch: 20)
            let last = try LastValidationAccuracy(epochs: epochs).predict(curves: curves, targetEpoch: 20)
            let extrapolationError = Self.meanAbsoluteError(extrapolated.map(\.mean), truths)
            let lastValueError = Self.meanAbsoluteError(last.map(\.mean), truths)
            #expect(
                extrapolationError < 0.8 * lastValueError, "k = \(epochs): \(extrapolationError) vs \(lastValueError)")
            #expect(extrapolated.allSatisfy { (0...1).contains($0.mean) && $0.standardDeviation > 0 })
        }
    }

    @Test("a curve drawn from one model (pow3, 12 of 40 epochs, σ = 0.002) is extrapolated to epoch 40 within 0.02")
    func extrapolatesSyntheticCurve() throws {
        var rng = Xoshiro256(seed: 3)
        let truth: [Double] = [0.9, 0.6, 0.8]
        let values = (1...12).map { CurveModel.pow3.value(at: Double($0), truth) + 0.002 * rng.normalDouble() }
        let curve = try LearningCurve(trainingLosses: nil, validationAccuracies: values)
        let prediction = try CurveExtrapolation(epochs: 12).predict(curves: [curve], targetEpoch: 40)[0]
        #expect(abs(prediction.mean - CurveModel.pow3.value(at: 40, truth)) < 0.02)
        #expect(prediction.standardDeviation < 0.05)
    }

    @Test("BIC weights sum to 1 and favour the smaller residual at equal parameter counts")
    func weights() {
        let predictor = CurveExtrapolation(epochs: 10)
        let fits = [
            CurveFit(model: .pow3, parameters: [0.9, 0.5, 0.5], residualSumOfSquares: 0.01, pointCount: 10),
            CurveFit(model: .hill3, parameters: [0.9, 1, 1], residualSumOfSquares: 0.001, pointCount: 10),
        ]
        let weights = predictor.weights(of: fits)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        // exp(−(10 log 0.001 − 10 log 0.0001) / 2) = 10^−5 relative weight for the worse fit.
        #expect(abs(weights[0] / weights[1] - 1e-5) < 1e-12)
    }
}
