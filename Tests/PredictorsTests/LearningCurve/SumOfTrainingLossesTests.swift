import NASCore
import Predictors
import Testing

@Suite("SumOfTrainingLosses")
struct SumOfTrainingLossesTests {
    static let curves = [
        try! LearningCurve(trainingLosses: [2.0, 1.5, 1.25, 1.0, 0.5], validationAccuracies: nil),
        try! LearningCurve(trainingLosses: [2.5, 1.0, 0.75, 0.5, 0.25], validationAccuracies: nil),
    ]

    @Test("SoTL is minus the sum of the first T losses, SoTL-E minus the sum of the last E of them")
    func definitions() throws {
        // Hand sums: first curve 2 + 1.5 + 1.25 + 1 = 5.75, last two 2.25, last one 1; second 4.75, 1.25, 0.5.
        let sotl = try SumOfTrainingLosses(epochs: 4).predict(curves: Self.curves, targetEpoch: 10)
        #expect(sotl.map(\.mean) == [-5.75, -4.75])
        let lastTwo = try SumOfTrainingLosses(epochs: 4, lastEpochs: 2).predict(curves: Self.curves, targetEpoch: 4)
        #expect(lastTwo.map(\.mean) == [-2.25, -1.25])
        let lastOne = try SumOfTrainingLosses(epochs: 4, lastEpochs: 1).predict(curves: Self.curves, targetEpoch: 4)
        #expect(lastOne.map(\.mean) == [-1.0, -0.5])  // NASLib's "SoTLE": the last epoch's loss
        #expect(sotl.allSatisfy { $0.standardDeviation == 0 })
    }

    /// 32 real digits runs (DigitsCurvesFixture); measured: ρ = 0.957 (k = 3), 0.951 (k = 5), 0.958 (k = 10).
    @Test("on 32 real digits curves, SoTL after 3, 5 and 10 of 20 epochs ranks the final validation accuracy: ρ > 0.9")
    func ranksRealCurves() throws {
        let curves = try DigitsCurvesFixture.curves()
        for epochs in [3, 5, 10] {
            let scores = try SumOfTrainingLosses(epochs: epochs).predict(curves: curves, targetEpoch: 20).map(\.mean)
            let rho = RankCorrelation.spearman(scores, DigitsCurvesFixture.finalValidationAccuracies)
            let tau = RankCorrelation.kendallTau(scores, DigitsCurvesFixture.finalValidationAccuracies)
            #expect(rho > 0.9, "k = \(epochs): ρ = \(rho)")
            #expect(tau > 0.8, "k = \(epochs): τ = \(tau)")
        }
    }
}
