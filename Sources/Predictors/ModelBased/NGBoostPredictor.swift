import NASCore

/// NGBoost, natural-gradient boosting of a normal distribution with regression-tree base learners (Duan, Avati,
/// Ding, Thai, Basu, Ng, Schuler, "NGBoost: Natural Gradient Boosting for Probabilistic Prediction", ICML
/// 2020), the "NGBoost" of White et al., "How Powerful are Performance Predictors in Neural Architecture
/// Search?" (NeurIPS 2021) and the model of their OMNI.
///
/// Algorithm (Duan et al. Algorithm 1; `Docs/Predictors/ModelBased.md`):
///
///     encode the architectures (adjacency one-hot by default)        TrainingInput.encoded
///     standardize the targets; θ⁰ = (mean, log sd) (the marginal fit) NGBoostFitting.fit
///     for m in 1...iterations, from stream m of one drawn seed:       NGBoostFitting.fit
///         a minibatch of ⌊minibatchFraction · n⌋ rows without replacement
///         natural gradients g̃ᵢ = I(θᵢ)⁻¹ ∇θ(−log p(yᵢ | θᵢ))          NormalScore.naturalGradient
///         one tree per parameter fitted to g̃ on the minibatch        RegressionTreeBuilder.grow
///         ρ by NGBoost's line search on the minibatch                NGBoostFitting.lineSearch
///         θᵢ ← θᵢ − η ρ f(xᵢ) for every row                          NGBoostFitting.fit
///     predict: θ(x) = θ⁰ − η Σ ρₘ fₘ(x); mean μ, sd exp(log σ)       NGBoostModel.predictions
///
/// Defaults: NASLib's `NGBoost.default_hyperparams`; see ``NGBoostConfiguration``.
///
/// Complexity: a fit costs O(iterations · 2 · f · b log² b) for minibatches of b rows and f features tried per
/// split; a prediction O(iterations · depth) per architecture.
public struct NGBoostPredictor<Space: SearchSpace>: PerformancePredictor {
    /// The configuration.
    public var configuration: NGBoostConfiguration
    /// The fitted model, `nil` before the first fit.
    public private(set) var model: NGBoostModel?

    /// The fewest architectures a fit accepts: two, so that the targets have a spread.
    public static var minimumTrainingSize: Int { 2 }

    static var name: String { "NGBoost" }

    /// Creates an unfitted predictor.
    public init(configuration: NGBoostConfiguration = .init()) {
        self.configuration = configuration
    }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: Self.minimumTrainingSize, encoding: configuration.encoding)
    }

    /// Fits the boosted distribution to `targets` (higher is better), replacing any earlier fit.
    ///
    /// Draws one 64-bit seed from `rng`; iteration m's minibatch and feature draws come from
    /// `StableHash.derive(seed:, "ngboost iteration m")`.
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, fewer than two architectures, a count mismatch, a
    ///   non-finite target, or an encoding the space lacks.
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError) {
        try configuration.validate()
        let encoded = try TrainingInput.encoded(
            Self.name, architectures, targets: targets, minimum: Self.minimumTrainingSize,
            as: configuration.encoding, in: space)
        model = NGBoostFitting.fit(encoded, targets: targets, configuration: configuration, using: &rng)
    }

    /// The predicted normal's mean and standard deviation for each architecture, in the targets' units.
    ///
    /// - Throws: ``SearchError`` before the first fit, or if the architectures encode to another length.
    public func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction] {
        guard let model else { throw TrainingInput.unfitted(Self.name) }
        let encoded = try TrainingInput.encodedForPrediction(
            Self.name, architectures, as: model.encoding, length: model.encodingLength, in: space)
        return model.predictions(encoded)
    }
}

/// NGBoost's settings: NASLib's `NGBoost.default_hyperparams` with scikit-learn's tree defaults for the rest.
public struct NGBoostConfiguration: Hashable, Codable, Sendable {
    /// The encoding read: adjacency one-hot, NASLib's `encoding_type` default for its trees.
    public var encoding: ArchitectureEncoding = .adjacencyOneHot
    /// Boosting iterations: NASLib's `n_estimators` 505.
    public var iterations = 505
    /// η: NASLib's `learning_rate` 0.08127053060223186.
    public var learningRate = 0.08127053060223186
    /// The fraction of rows per iteration: NASLib's `minibatch_frac` 0.5081694143793387.
    public var minibatchFraction = 0.5081694143793387
    /// Tree depth: NASLib's `base:max_depth` 6.
    public var maximumDepth = 6
    /// Features tried per split: NASLib's `base:max_features` 0.7920456318712875.
    public var featureFraction = 0.7920456318712875
    /// scikit-learn's `min_samples_split` 2 (NASLib's 20 is commented out in its current defaults).
    public var minimumSamplesSplit = 2
    /// scikit-learn's `min_samples_leaf` 1 (NASLib's 15 is commented out in its current defaults).
    public var minimumSamplesLeaf = 1

    /// Creates the default configuration.
    public init() {}

    /// Checks every setting.
    ///
    /// - Throws: ``SearchError`` naming the setting, the requirement and the value.
    public func validate() throws(SearchError) {
        guard iterations >= 1 else { throw SearchError("NGBoost: iterations must be at least 1 (got \(iterations))") }
        guard learningRate > 0, learningRate.isFinite else {
            throw SearchError("NGBoost: learningRate must be a positive number (got \(learningRate))")
        }
        guard minibatchFraction > 0, minibatchFraction <= 1 else {
            throw SearchError("NGBoost: minibatchFraction must be in (0, 1] (got \(minibatchFraction))")
        }
        guard featureFraction > 0, featureFraction <= 1 else {
            throw SearchError("NGBoost: featureFraction must be in (0, 1] (got \(featureFraction))")
        }
        guard maximumDepth >= 1 else {
            throw SearchError("NGBoost: maximumDepth must be at least 1 (got \(maximumDepth))")
        }
        guard minimumSamplesSplit >= 2, minimumSamplesLeaf >= 1 else {
            throw SearchError(
                "NGBoost: minimumSamplesSplit must be at least 2 and minimumSamplesLeaf at least 1 (got "
                    + "\(minimumSamplesSplit), \(minimumSamplesLeaf))")
        }
    }
}
