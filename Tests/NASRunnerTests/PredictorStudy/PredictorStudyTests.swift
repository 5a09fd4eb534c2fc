import NASRunner
import Testing
import _TestSupport

@Suite("PredictorStudy")
struct PredictorStudyTests {
    static let settings = PredictorStudy.Settings(
        space: "nb201", table: TestTables.path("nb201.h5"), dataset: "cifar10", metric: "test_accuracy",
        predictors: [.xgboost, .bayesianLinearRegression], trainingSizes: [10, 200], testSize: 300, seeds: [0, 1])

    @Test("on the NB201 table, every (predictor, size, seed) is judged; XGBoost ranks better with 200 cells than 10")
    func study() throws {
        let records = try PredictorStudy.run(Self.settings)
        #expect(records.count == 2 * 2 * 2)
        func meanTau(_ predictor: PredictorChoice, _ size: Int) -> Double {
            let values = records.filter { $0.predictor == predictor && $0.trainingSize == size }.map(\.kendallTau)
            return values.reduce(0, +) / Double(values.count)
        }
        #expect(meanTau(.xgboost, 200) > meanTau(.xgboost, 10) + 0.1)
        #expect(meanTau(.xgboost, 200) > 0.4)
        #expect(records.allSatisfy { (-1...1).contains($0.kendallTau) && (0...1).contains($0.precisionAtTop10Percent) })
        // The splits and fits are seeded: the correlations repeat exactly (the times do not).
        let again = try PredictorStudy.run(Self.settings)
        #expect(again.map(\.kendallTau) == records.map(\.kendallTau))
        let markdown = PredictorStudy.markdown(records, settings: Self.settings)
        #expect(markdown.contains("| predictor | n = 10 | n = 200 |"))
        #expect(markdown.contains("| xgboost | "))
    }

    @Test("unknown predictors and impossible sizes are refused with the choices")
    func refusals() {
        let unknown = #expect(throws: RunError.self) { try PredictorChoice.named(["svm"]) }
        #expect(unknown?.message == "unknown predictor 'svm'; choose from: all, mlp-ensemble, gaussian-process, bayesian-linear-regression, random-forest, xgboost, ngboost")
        var settings = Self.settings
        settings.trainingSizes = [15_500]
        let tooMany = #expect(throws: RunError.self) { try PredictorStudy.run(settings) }
        #expect(tooMany?.message == "nb201.h5 has 15625 architectures; a test set of 300 and a training set of 15500 need 15800")
    }
}
