import NASCore
import Predictors

/// A predictor the study can evaluate, by its command-line name, with its family (White et al. 2021): the
/// model-based predictors, the learning-curve predictors, every zero-cost proxy, and OMNI.
public struct PredictorChoice: RawRepresentable, Hashable, Codable, Sendable {
    /// The predictor families of White et al. 2021.
    public enum Family: String, Hashable, Codable, Sendable {
        /// Fitted on measured architectures' encodings.
        case modelBased = "model-based"
        /// Reads each architecture's partial learning curve.
        case learningCurve = "learning-curve"
        /// Scores each untrained network.
        case zeroCost = "zero-cost"
        /// Model-based with zero-cost and learning-curve features (``OmniPredictor``).
        case omni = "OMNI"
    }

    /// The command-line name.
    public let rawValue: String
    /// The family.
    public let family: Family

    /// The predictor named `rawValue`, or `nil` for an unknown name.
    public init?(rawValue: String) {
        guard let known = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    private init(_ name: String, _ family: Family) {
        rawValue = name
        self.family = family
    }

    /// ``MLPEnsemblePredictor`` (BANANAS's meta networks).
    public static let mlpEnsemble = PredictorChoice("mlp-ensemble", .modelBased)
    /// ``GaussianProcessPredictor``.
    public static let gaussianProcess = PredictorChoice("gaussian-process", .modelBased)
    /// ``BayesianLinearRegressionPredictor``.
    public static let bayesianLinearRegression = PredictorChoice("bayesian-linear-regression", .modelBased)
    /// ``RandomForestPredictor``.
    public static let randomForest = PredictorChoice("random-forest", .modelBased)
    /// ``XGBoostPredictor``.
    public static let xgboost = PredictorChoice("xgboost", .modelBased)
    /// ``NGBoostPredictor``.
    public static let ngboost = PredictorChoice("ngboost", .modelBased)
    /// ``GCNPredictor`` (the space must provide cell graphs).
    public static let gcn = PredictorChoice("gcn", .modelBased)
    /// SoTL (``SumOfTrainingLosses``).
    public static let sotl = PredictorChoice("sotl", .learningCurve)
    /// SoTL-E with E = 1 (``SumOfTrainingLosses``), NASLib's `sotle`.
    public static let sotle = PredictorChoice("sotle", .learningCurve)
    /// The last validation accuracy read (``LastValidationAccuracy``): early stopping.
    public static let lastValidationAccuracy = PredictorChoice("valacc", .learningCurve)
    /// Learning-curve extrapolation (``CurveExtrapolation``).
    public static let curveExtrapolation = PredictorChoice("lce", .learningCurve)
    /// ``OmniPredictor``.
    public static let omni = PredictorChoice("omni", .omni)

    /// The zero-cost proxy `proxy`, whose scores the study reads from a file written by `nasrun proxies`.
    public static func zeroCost(_ proxy: ZeroCostProxy) -> PredictorChoice { PredictorChoice(proxy.rawValue, .zeroCost) }

    /// The model-based predictors, in the order the tables list them.
    public static let modelBased: [PredictorChoice] = [
        mlpEnsemble, gaussianProcess, bayesianLinearRegression, randomForest, xgboost, ngboost, gcn,
    ]

    /// Every predictor: the model-based ones, the learning-curve ones, the zero-cost proxies and OMNI.
    public static var allCases: [PredictorChoice] {
        modelBased + [sotl, sotle, lastValidationAccuracy, curveExtrapolation] + ZeroCostProxy.allCases.map(zeroCost)
            + [omni]
    }

    /// The zero-cost proxy of a zero-cost choice.
    var proxy: ZeroCostProxy? { family == .zeroCost ? ZeroCostProxy(rawValue: rawValue) : nil }

    /// Looks predictors up by name; `all` gives every model-based predictor, `family:<name>` one family.
    ///
    /// - Throws: ``RunError`` listing the predictors.
    public static func named(_ names: [String]) throws(RunError) -> [PredictorChoice] {
        if names == ["all"] { return modelBased }
        var choices: [PredictorChoice] = []
        for name in names {
            guard let choice = PredictorChoice(rawValue: name) else {
                throw RunError(
                    "unknown predictor '\(name)'; choose from: all (the model-based ones), "
                        + allCases.map(\.rawValue).joined(separator: ", "))
            }
            choices.append(choice)
        }
        return choices
    }

    /// Runs `body` with a fresh model-based predictor of this kind (its defaults) for `Space`.
    ///
    /// - Precondition: ``family`` is ``Family/modelBased``.
    func withPredictor<Body: PredictorBody>(_ body: Body) throws(RunError) -> Body.Output {
        typealias Space = Body.Space
        switch self {
        case .mlpEnsemble: return try body.run(MLPEnsemblePredictor<Space>())
        case .gaussianProcess: return try body.run(GaussianProcessPredictor<Space>())
        case .bayesianLinearRegression: return try body.run(BayesianLinearRegressionPredictor<Space>())
        case .randomForest: return try body.run(RandomForestPredictor<Space>())
        case .xgboost: return try body.run(XGBoostPredictor<Space>())
        case .ngboost: return try body.run(NGBoostPredictor<Space>())
        case .gcn: return try body.run(GCNPredictor<Space>())
        default: preconditionFailure("\(rawValue) is not a model-based predictor")
        }
    }

    /// The fewest epochs of curve this learning-curve predictor reads: curve extrapolation fits its models to at
    /// least 2 points, the others read 1.
    var minimumCurveEpochs: Int { self == .curveExtrapolation ? 2 : 1 }

    /// The learning-curve predictor of this kind reading `epochs` epochs.
    ///
    /// - Precondition: ``family`` is ``Family/learningCurve`` and `epochs` at least ``minimumCurveEpochs``.
    func learningCurvePredictor(epochs: Int) -> any LearningCurvePredictor {
        switch self {
        case .sotl: SumOfTrainingLosses(epochs: epochs)
        case .sotle: SumOfTrainingLosses(epochs: epochs, lastEpochs: 1)
        case .lastValidationAccuracy: LastValidationAccuracy(epochs: epochs)
        case .curveExtrapolation: CurveExtrapolation(epochs: epochs)
        default: preconditionFailure("\(rawValue) is not a learning-curve predictor")
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
