/// Estimates how well architectures perform without evaluating them (White et al., "How Powerful are
/// Performance Predictors in Neural Architecture Search?", NeurIPS 2021).
///
/// A predictor declares the data it needs (``requirements``) so that optimizers and the predictor study can
/// give it exactly that and refuse what it cannot use. Model-based predictors are fitted on measured
/// architectures; the learning-curve and zero-cost families (issue 5) extend the requirements.
public protocol PerformancePredictor<Space>: Codable, Sendable {
    /// The space whose architectures are predicted.
    associatedtype Space: SearchSpace

    /// What the predictor needs to be fitted and queried.
    var requirements: PredictorRequirements { get }

    /// Fits the predictor to measured architectures, replacing any earlier fit.
    ///
    /// - Parameters:
    ///   - architectures: The measured architectures.
    ///   - targets: Their measured values (one per architecture), higher is better.
    ///   - space: Their space (for encodings).
    ///   - rng: The generator for initialisation and batching; the same state gives the same fit.
    /// - Throws: ``SearchError`` for fewer architectures than ``PredictorRequirements/minimumTrainingSize``,
    ///   mismatched counts or non-finite targets.
    mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError)

    /// Predicts each architecture's value with its uncertainty.
    ///
    /// - Throws: ``SearchError`` if the predictor has not been fitted.
    func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction]
}

/// A predicted value with its uncertainty.
public struct Prediction: Hashable, Codable, Sendable {
    /// The predicted value (an ensemble's mean).
    public var mean: Double
    /// The predictive standard deviation (an ensemble's spread); 0 for point predictors.
    public var standardDeviation: Double

    /// Creates a prediction.
    public init(mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
}

/// The data a predictor declares it needs, so that whoever runs it (an optimizer, the predictor study) gives it
/// exactly that and refuses what it cannot supply with a message naming what is missing.
public struct PredictorRequirements: Hashable, Codable, Sendable {
    /// The fewest measured architectures ``PerformancePredictor/fit(_:targets:in:using:)`` accepts (0: none).
    public var minimumTrainingSize: Int
    /// The encoding the predictor reads, if it reads one.
    public var encoding: ArchitectureEncoding?
    /// The epochs of partial learning curve the predictor needs for each architecture it predicts (SoTL, curve
    /// extrapolation), or `nil` when it reads none.
    public var learningCurveEpochs: Int?
    /// Whether the predictor runs the space's network on a mini-batch of real data (data-dependent zero-cost
    /// proxies).
    public var usesDataBatch: Bool

    /// Creates requirements.
    public init(
        minimumTrainingSize: Int, encoding: ArchitectureEncoding?, learningCurveEpochs: Int? = nil,
        usesDataBatch: Bool = false
    ) {
        self.minimumTrainingSize = minimumTrainingSize
        self.encoding = encoding
        self.learningCurveEpochs = learningCurveEpochs
        self.usesDataBatch = usesDataBatch
    }
}
