import NASCore

/// Bayesian linear regression on an architecture encoding, the "BLR" of White et al., "How Powerful are
/// Performance Predictors in Neural Architecture Search?" (NeurIPS 2021), with the precisions α (weights) and β
/// (noise) set by evidence maximisation (MacKay 1992; Bishop, "Pattern Recognition and Machine Learning", 2006,
/// § 3.5.2).
///
/// Algorithm (`Docs/Predictors/ModelBased.md`):
///
///     encode the architectures (adjacency one-hot by default)   TrainingInput.encoded
///     standardize the targets; features φ(x) = (1, x)           TargetStandardization, features
///     α = β = 1; repeat (at most maximumIterations):            fit
///         A = αI + βΦᵀΦ = L Lᵀ, m = βA⁻¹Φᵀy                      posterior (eqs. 3.53-3.54; dpotrf, dpotrs)
///         γ = p − α tr(A⁻¹)                                      posterior (eq. 3.91)
///         α ← γ / mᵀm, β ← (n − γ) / ‖y − Φm‖²                    fit (eqs. 3.92, 3.95)
///     until both change by less than `tolerance` (relative)
///     predict: mᵀφ, 1/β + ‖L⁻¹φ‖²                                predictions (eqs. 3.58-3.59; dtrtrs)
///
/// NASLib's `BayesianLinearRegression` fits the same model (a linear layer with normal priors) by pyro's
/// stochastic variational inference; the evidence fixed point gives the exact posterior without an optimiser's
/// randomness. ``BayesianLinearRegressionConfiguration/fixedPrecisions`` skips the evidence step. The fit draws
/// nothing from the generator.
///
/// Complexity: each iteration costs O(n p² + p³) for n architectures and p = 1 + the encoding's length; a
/// prediction O(p²) per architecture.
public struct BayesianLinearRegressionPredictor<Space: SearchSpace>: PerformancePredictor {
    /// The configuration.
    public var configuration: BayesianLinearRegressionConfiguration
    /// The fitted regression, `nil` before the first fit.
    public private(set) var model: BayesianLinearRegressionModel?

    /// The fewest architectures a fit accepts: two, so that the targets have a spread to standardize by.
    public static var minimumTrainingSize: Int { 2 }

    static var name: String { "Bayesian linear regression" }

    /// Creates an unfitted predictor.
    public init(configuration: BayesianLinearRegressionConfiguration = .init()) {
        self.configuration = configuration
    }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: Self.minimumTrainingSize, encoding: configuration.encoding)
    }

    /// Fits the regression to `targets` (higher is better), replacing any earlier fit; draws nothing from `rng`.
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
        let standardization = TargetStandardization(targets)
        let y = standardization.standardized(targets)
        let features = BayesianLinearRegressionModel.features(encoded)
        let (n, p) = (encoded.rowCount, encoded.columnCount + 1)
        let bounds = 1e-8...1e8
        var (alpha, beta) = configuration.fixedPrecisions.map { ($0.weight, $0.noise) } ?? (1, 1)
        var iterations = 0
        var posterior: BayesianLinearRegressionModel.Posterior
        while true {
            guard
                let current = BayesianLinearRegressionModel.posterior(
                    features: features, rows: n, columns: p, targets: y, weightPrecision: alpha,
                    noisePrecision: beta)
            else {
                throw SearchError(
                    "\(Self.name): αI + βΦᵀΦ is not positive definite (α \(alpha), β \(beta)); give a larger "
                        + "weight precision")
            }
            posterior = current
            guard configuration.fixedPrecisions == nil, iterations < configuration.maximumIterations else { break }
            iterations += 1
            let gamma = current.effectiveParameters
            let squaredNorm = current.weights.reduce(0) { $0 + $1 * $1 }
            let newAlpha = min(max(gamma / max(squaredNorm, 1e-300), bounds.lowerBound), bounds.upperBound)
            let newBeta = min(
                max((Double(n) - gamma) / max(current.squaredResidual, 1e-300), bounds.lowerBound), bounds.upperBound)
            let converged = abs(newAlpha - alpha) <= configuration.tolerance * alpha
                && abs(newBeta - beta) <= configuration.tolerance * beta
            (alpha, beta) = (newAlpha, newBeta)
            if converged {
                posterior = BayesianLinearRegressionModel.posterior(
                    features: features, rows: n, columns: p, targets: y, weightPrecision: alpha,
                    noisePrecision: beta) ?? current
                break
            }
        }
        model = BayesianLinearRegressionModel(
            encoding: configuration.encoding, encodingLength: encoded.columnCount, weightPrecision: alpha,
            noisePrecision: beta, posterior: posterior, iterations: iterations, standardization: standardization)
    }

    /// The predictive mean and standard deviation for each architecture, in the targets' units.
    ///
    /// - Throws: ``SearchError`` before the first fit, or if the architectures encode to another length.
    public func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction] {
        guard let model else { throw TrainingInput.unfitted(Self.name) }
        let encoded = try TrainingInput.encodedForPrediction(
            Self.name, architectures, as: model.encoding, length: model.encodingLength, in: space)
        return model.predictions(encoded)
    }
}

/// Bayesian linear regression's settings; every default is documented with its source.
public struct BayesianLinearRegressionConfiguration: Hashable, Codable, Sendable {
    /// Fixed prior and noise precisions.
    public struct Precisions: Hashable, Codable, Sendable {
        /// α, the weights' prior precision.
        public var weight: Double
        /// β, the noise precision (targets standardized).
        public var noise: Double

        /// Creates fixed precisions.
        public init(weight: Double, noise: Double) {
            self.weight = weight
            self.noise = noise
        }
    }

    /// The encoding read: adjacency one-hot, NASLib's `encoding_type` default for its BLR.
    public var encoding: ArchitectureEncoding = .adjacencyOneHot
    /// Fixed precisions, or `nil` (the default) to maximise the evidence over them.
    public var fixedPrecisions: Precisions?
    /// The most evidence iterations (MacKay's updates converge in tens on NB201).
    public var maximumIterations = 200
    /// The relative change of α and β below which the iterations stop.
    public var tolerance = 1e-6

    /// Creates the default configuration.
    public init() {}

    /// Checks every setting.
    ///
    /// - Throws: ``SearchError`` naming the setting, the requirement and the value.
    public func validate() throws(SearchError) {
        if let fixed = fixedPrecisions {
            guard fixed.weight > 0, fixed.weight.isFinite, fixed.noise > 0, fixed.noise.isFinite else {
                throw SearchError(
                    "Bayesian linear regression: fixedPrecisions must be positive numbers (got weight "
                        + "\(fixed.weight), noise \(fixed.noise))")
            }
        }
        guard maximumIterations >= 1 else {
            throw SearchError(
                "Bayesian linear regression: maximumIterations must be at least 1 (got \(maximumIterations))")
        }
        guard tolerance > 0, tolerance.isFinite else {
            throw SearchError("Bayesian linear regression: tolerance must be a positive number (got \(tolerance))")
        }
    }
}
