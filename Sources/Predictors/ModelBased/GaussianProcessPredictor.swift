import NASCore

/// An exact Gaussian process on an architecture encoding, the "GP" of White et al., "How Powerful are
/// Performance Predictors in Neural Architecture Search?" (NeurIPS 2021), after Rasmussen & Williams, "Gaussian
/// Processes for Machine Learning" (2006).
///
/// Algorithm (`Docs/Predictors/ModelBased.md`; R&W Algorithm 2.1):
///
///     encode the architectures (adjacency one-hot by default)      TrainingInput.encoded
///     standardize the targets                                        TargetStandardization
///     pairwise squared distances, their median m                     SquaredDistances
///     for each ℓ² = f·m (f in lengthscaleFactors), r in noiseRatios:  GaussianProcessModel.init
///         K̃ = R_ℓ + r I, L = cholesky(K̃) (dpotrf)                   line 2
///         α = K̃⁻¹y (dpotrs), s = yᵀα / n                            line 3 (s profiled out)
///         log p(y) = −n/2 − n/2 log s − Σ log Lᵢᵢ − n/2 log 2π       line 8
///     keep the (ℓ, r) of the largest log p(y) (first on ties)        fit
///     predict: k̃*ᵀα and s(1 − ‖L⁻¹k̃*‖²) (dtrtrs)                    GaussianProcessModel.predictions
///
/// NASLib's `GPPredictor` fits pyro's RBF kernel by Adam on the marginal likelihood; here the same objective is
/// maximised over a fixed grid (no optimiser's randomness, the same fit on every machine). The fit draws nothing
/// from the generator.
///
/// Complexity: a fit costs O(n² d + G n³) for n architectures, encodings of length d and G grid points; a
/// prediction O(n (d + n)) per architecture.
public struct GaussianProcessPredictor<Space: SearchSpace>: PerformancePredictor {
    /// The configuration.
    public var configuration: GaussianProcessConfiguration
    /// The fitted process, `nil` before the first fit.
    public private(set) var model: GaussianProcessModel?

    /// The fewest architectures a fit accepts: two, so that the targets have a spread and a distance.
    public static var minimumTrainingSize: Int { 2 }

    static var name: String { "Gaussian process" }

    /// Creates an unfitted predictor.
    public init(configuration: GaussianProcessConfiguration = .init()) {
        self.configuration = configuration
    }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: Self.minimumTrainingSize, encoding: configuration.encoding)
    }

    /// Fits the process to `targets` (higher is better), replacing any earlier fit; draws nothing from `rng`.
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, fewer than two architectures, a count mismatch, a
    ///   non-finite target, an encoding the space lacks, or a grid on which no K̃ is positive definite.
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError) {
        try configuration.validate()
        let encoded = try TrainingInput.encoded(
            Self.name, architectures, targets: targets, minimum: Self.minimumTrainingSize,
            as: configuration.encoding, in: space)
        let distances = SquaredDistances.between(encoded.values, encoded.values, columns: encoded.columnCount)
        let median = SquaredDistances.medianPositive(distances, size: encoded.rowCount)
        let standardization = TargetStandardization(targets)
        var best: GaussianProcessModel?
        for factor in configuration.lengthscaleFactors {
            for noiseRatio in configuration.noiseRatios {
                guard
                    let candidate = GaussianProcessModel(
                        encoding: configuration.encoding, encodingLength: encoded.columnCount,
                        kernel: configuration.kernel, trainingEncodings: encoded.values, squaredDistances: distances,
                        squaredLengthscale: factor * median, noiseRatio: noiseRatio, targets: targets,
                        standardization: standardization)
                else { continue }
                if best.map({ candidate.logMarginalLikelihood > $0.logMarginalLikelihood }) ?? true {
                    best = candidate
                }
            }
        }
        guard let best else {
            throw SearchError(
                "\(Self.name): no kernel matrix on the grid is positive definite; add a larger noise ratio to "
                    + "noiseRatios (\(configuration.noiseRatios))")
        }
        model = best
    }

    /// The posterior mean and standard deviation (of the latent function) for each architecture, in the targets'
    /// units.
    ///
    /// - Throws: ``SearchError`` before the first fit, or if the architectures encode to another length.
    public func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction] {
        guard let model else { throw TrainingInput.unfitted(Self.name) }
        let encoded = try TrainingInput.encodedForPrediction(
            Self.name, architectures, as: model.encoding, length: model.encodingLength, in: space)
        return model.predictions(encoded)
    }
}

/// The Gaussian process's settings; every default is documented with its source.
public struct GaussianProcessConfiguration: Hashable, Codable, Sendable {
    /// The encoding read: adjacency one-hot, NASLib's `encoding_type` default for its GP.
    public var encoding: ArchitectureEncoding = .adjacencyOneHot
    /// The kernel: squared exponential (RBF), NASLib's GP kernel.
    public var kernel: GaussianProcessKernel = .squaredExponential
    /// The candidate squared length scales as multiples of the median squared distance between training
    /// encodings (the "median heuristic", widened by factors of 2 each way).
    public var lengthscaleFactors: [Double] = [0.125, 0.25, 0.5, 1, 2, 4, 8]
    /// The candidate noise variances relative to the signal variance (targets standardized).
    public var noiseRatios: [Double] = [0.0001, 0.001, 0.01, 0.1, 0.3, 1]

    /// Creates the default configuration.
    public init() {}

    /// Checks every setting.
    ///
    /// - Throws: ``SearchError`` naming the setting, the requirement and the value.
    public func validate() throws(SearchError) {
        guard !lengthscaleFactors.isEmpty, lengthscaleFactors.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw SearchError(
                "Gaussian process: lengthscaleFactors must be positive numbers, at least one (got "
                    + "\(lengthscaleFactors))")
        }
        guard !noiseRatios.isEmpty, noiseRatios.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw SearchError(
                "Gaussian process: noiseRatios must be non-negative numbers, at least one (got \(noiseRatios))")
        }
    }
}
