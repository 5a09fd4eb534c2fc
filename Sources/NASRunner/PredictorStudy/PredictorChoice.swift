import NASCore
import Predictors

/// The model-based predictors the predictor study can evaluate, by their command-line names.
public enum PredictorChoice: String, CaseIterable, Codable, Sendable {
    /// ``MLPEnsemblePredictor`` (BANANAS's meta networks).
    case mlpEnsemble = "mlp-ensemble"
    /// ``GaussianProcessPredictor``.
    case gaussianProcess = "gaussian-process"
    /// ``BayesianLinearRegressionPredictor``.
    case bayesianLinearRegression = "bayesian-linear-regression"
    /// ``RandomForestPredictor``.
    case randomForest = "random-forest"
    /// ``XGBoostPredictor``.
    case xgboost
    /// ``NGBoostPredictor``.
    case ngboost

    /// Looks predictors up by name; `all` gives every one.
    ///
    /// - Throws: ``RunError`` listing the predictors.
    public static func named(_ names: [String]) throws(RunError) -> [PredictorChoice] {
        if names == ["all"] { return allCases }
        var choices: [PredictorChoice] = []
        for name in names {
            guard let choice = PredictorChoice(rawValue: name) else {
                throw RunError(
                    "unknown predictor '\(name)'; choose from: all, \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            choices.append(choice)
        }
        return choices
    }

    /// Runs `body` with a fresh predictor of this kind (its defaults) for `Space`.
    func withPredictor<Body: PredictorBody>(_ body: Body) throws(RunError) -> Body.Output {
        typealias Space = Body.Space
        switch self {
        case .mlpEnsemble: return try body.run(MLPEnsemblePredictor<Space>())
        case .gaussianProcess: return try body.run(GaussianProcessPredictor<Space>())
        case .bayesianLinearRegression: return try body.run(BayesianLinearRegressionPredictor<Space>())
        case .randomForest: return try body.run(RandomForestPredictor<Space>())
        case .xgboost: return try body.run(XGBoostPredictor<Space>())
        case .ngboost: return try body.run(NGBoostPredictor<Space>())
        }
    }
}

/// What to do with a predictor once ``PredictorChoice`` has made it: a generic function over the predictor's type.
protocol PredictorBody {
    associatedtype Space: SearchSpace
    associatedtype Output
    func run<Predictor: PerformancePredictor>(_ predictor: Predictor) throws(RunError) -> Output
    where Predictor.Space == Space
}
