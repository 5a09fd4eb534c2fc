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
        #expect(unknown?.message.hasPrefix("unknown predictor 'svm'; choose from: all (the model-based ones), mlp-ensemble, gaussian-process, bayesian-linear-regression, random-forest, xgboost, ngboost, gcn, sotl, sotle, valacc, lce, synflow, ") == true)
        #expect(unknown?.message.hasSuffix(", omni") == true)
        var settings = Self.settings
        settings.trainingSizes = [15_500]
        let tooMany = #expect(throws: RunError.self) { try PredictorStudy.run(settings) }
        #expect(tooMany?.message == "nb201.h5 has 15625 architectures; a test set of 300 and a training set of 15500 need 15800")
    }

    @Test("a predictor asked for data the table or the files cannot give is refused, naming what is missing")
    func undeclaredData() {
        func refusal(_ change: (inout PredictorStudy.Settings) -> Void) -> String? {
            var settings = Self.settings
            change(&settings)
            return (#expect(throws: RunError.self) { try PredictorStudy.run(settings) })?.message
        }
        #expect(refusal { $0.predictors = [.sotle] } == "sotle reads a partial learning curve of every architecture; give --curve-epochs K, the epochs it may read")
        // NB201's table holds final values (validation accuracy after the separate 12-epoch run), no curves.
        #expect(refusal { $0.predictors = [.sotle]; $0.curveEpochs = [3] } == "sotle reads 3 epochs of the training loss per architecture; nb201.h5 has no train_loss for cifar10: use a table with learning curves (nasrun tabulate makes one), or a model-based or zero-cost predictor")
        #expect(refusal { $0.predictors = [.omni]; $0.curveEpochs = [500] } == "omni reads the first epochs of each learning curve to predict epoch 200; --curve-epochs must lie between 1 and 199 (got 500)")
        #expect(refusal { $0.predictors = [.curveExtrapolation]; $0.curveEpochs = [1, 3] } == "lce fits its curve models to at least 2 epochs; the query budget 1 in --curve-epochs is too short: give budgets of at least 2, or leave lce out")
        #expect(refusal { $0.predictors = [.zeroCost(.synflow)] } == "synflow reads zero-cost scores of every architecture; give --proxy-scores FILE, written by nasrun proxies --output FILE for this table")
    }
}
