import NASCore
import Predictors
import Testing

@Suite("LastValidationAccuracy")
struct LastValidationAccuracyTests {
    @Test("the prediction is the validation accuracy after the last epoch read, not after later ones")
    func definition() throws {
        let curve = try LearningCurve(trainingLosses: nil, validationAccuracies: [0.2, 0.4, 0.7, 0.9])
        let predictions = try LastValidationAccuracy(epochs: 3).predict(curves: [curve], targetEpoch: 50)
        #expect(predictions == [Prediction(mean: 0.7, standardDeviation: 0)])
    }

    /// Measured: ρ = 0.908 (k = 3), 0.939 (k = 5), 0.981 (k = 10).
    @Test("on 32 real digits curves the last validation accuracy after 10 of 20 epochs ranks the final one: ρ > 0.95")
    func ranksRealCurves() throws {
        let curves = try DigitsCurvesFixture.curves()
        let scores = try LastValidationAccuracy(epochs: 10).predict(curves: curves, targetEpoch: 20).map(\.mean)
        #expect(RankCorrelation.spearman(scores, DigitsCurvesFixture.finalValidationAccuracies) > 0.95)
    }
}
