import Predictors
import Testing

@Suite("DigitsLearningCurves")
struct DigitsLearningCurvesTests {
    /// The smallest network of the grid for 2 epochs (about a second in a debug build) stands for the 32 runs
    /// the benchmark records in release.
    @Test("recording the fixture's first run live reproduces its first two epochs to the fixture's 6 decimals")
    func reproducesFixture() throws {
        let data = try DigitsLearningCurves.splits()
        #expect((data.train.count, data.validation.count, data.test.count) == (1151, 287, 359))
        let setting = DigitsLearningCurves.grid()[0]
        let recorded = DigitsCurvesFixture.runs[0]
        #expect(setting.widths == recorded.widths && setting.learningRate == recorded.learningRate)
        let run = try DigitsLearningCurves.record(setting, scheduledEpochs: 20, recordedEpochs: 2, on: data)
        for epoch in 0..<2 {
            #expect(abs(run.curve.trainingLosses![epoch] - recorded.trainingLosses[epoch]) < 1e-5)
            #expect(abs(run.curve.validationAccuracies![epoch] - recorded.validationAccuracies[epoch]) < 1e-5)
        }
    }
}
