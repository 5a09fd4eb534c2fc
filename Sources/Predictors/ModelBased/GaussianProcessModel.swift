import Foundation
import NASCore

/// A fitted exact Gaussian process: the training encodings, the Cholesky factor of their correlation matrix plus
/// noise, the weights K⁻¹y and the hyper-parameters that maximised the log marginal likelihood.
///
/// In standard units (targets standardized), with correlation R (the kernel), noise ratio r and signal variance s:
/// K = s (R + r I) = s K̃, and for a query x*, with k̃* its correlations to the training encodings:
///
///     mean(x*)     = k̃*ᵀ K̃⁻¹ y                      (Rasmussen & Williams 2006, Algorithm 2.1, line 4)
///     variance(x*) = s (1 − ‖L⁻¹ k̃*‖²), K̃ = L Lᵀ     (line 5-6: the latent function's variance)
///
/// s is profiled out of the marginal likelihood: for fixed ℓ and r it is maximised by s = yᵀK̃⁻¹y / n.
public struct GaussianProcessModel: Hashable, Codable, Sendable {
    /// The encoding the model reads.
    public let encoding: ArchitectureEncoding
    /// The length of that encoding.
    public let encodingLength: Int
    /// The kernel.
    public let kernel: GaussianProcessKernel
    /// The training encodings, row-major (n × encodingLength).
    public let trainingEncodings: [Float]
    /// The selected squared length scale ℓ².
    public let squaredLengthscale: Double
    /// The selected noise variance relative to the signal variance, r.
    public let noiseRatio: Double
    /// The signal variance s (in standard units) that maximises the likelihood for ℓ and r.
    public let signalVariance: Double
    /// The log marginal likelihood of the standardized targets at the selected hyper-parameters.
    public let logMarginalLikelihood: Double
    /// The lower Cholesky factor L of K̃ = R + r I (n × n, row-major).
    public let factor: [Double]
    /// K̃⁻¹ y for the standardized targets y.
    public let weights: [Double]
    /// The targets' standardization.
    public let standardization: TargetStandardization

    /// The number of training architectures.
    public var trainingSize: Int { weights.count }

    /// The model for one choice of hyper-parameters, or `nil` when K̃ is not positive definite.
    ///
    /// - Parameter squaredDistances: The training encodings' pairwise squared distances (n × n).
    init?(
        encoding: ArchitectureEncoding, encodingLength: Int, kernel: GaussianProcessKernel,
        trainingEncodings: [Float], squaredDistances: [Double], squaredLengthscale: Double, noiseRatio: Double,
        targets: [Double], standardization: TargetStandardization
    ) {
        let n = targets.count
        let y = standardization.standardized(targets)
        var matrix = squaredDistances.map {
            kernel.correlation(squaredDistance: $0, squaredLengthscale: squaredLengthscale)
        }
        for index in 0..<n { matrix[index * n + index] += noiseRatio }
        guard let factor = LinearAlgebra.choleskyFactor(matrix, size: n) else { return nil }
        let weights = LinearAlgebra.choleskySolve(factor: factor, size: n, right: y, columns: 1)
        let quadratic = zip(y, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let signalVariance = max(quadratic / Double(n), 1e-12)
        // log p(y) = −½ yᵀK⁻¹y − ½ log|K| − n/2 log 2π, with K = s K̃ and yᵀK̃⁻¹y = n s.
        let logDeterminant = Double(n) * log(signalVariance) + LinearAlgebra.logDeterminant(factor: factor, size: n)
        self.logMarginalLikelihood = -0.5 * quadratic / signalVariance - 0.5 * logDeterminant
            - 0.5 * Double(n) * log(2 * Double.pi)
        self.encoding = encoding
        self.encodingLength = encodingLength
        self.kernel = kernel
        self.trainingEncodings = trainingEncodings
        self.squaredLengthscale = squaredLengthscale
        self.noiseRatio = noiseRatio
        self.signalVariance = signalVariance
        self.factor = factor
        self.weights = weights
        self.standardization = standardization
    }

    /// The posterior mean and standard deviation of the latent function at each encoded architecture, in the
    /// targets' units.
    ///
    /// - Complexity: O(m n (d + n)) for m queries, n training architectures and encodings of length d.
    func predictions(_ encoded: EncodedArchitectures) -> [Prediction] {
        let (m, n) = (encoded.rowCount, trainingSize)
        guard m > 0 else { return [] }
        let distances = SquaredDistances.between(trainingEncodings, encoded.values, columns: encodingLength)
        // Cross-correlations, n × m: column j is k̃ for query j.
        let cross = distances.map { kernel.correlation(squaredDistance: $0, squaredLengthscale: squaredLengthscale) }
        let solved = LinearAlgebra.lowerTriangularSolve(factor: factor, size: n, right: cross, columns: m)
        var predictions: [Prediction] = []
        predictions.reserveCapacity(m)
        for query in 0..<m {
            var mean = 0.0
            var explained = 0.0
            for row in 0..<n {
                mean += cross[row * m + query] * weights[row]
                explained += solved[row * m + query] * solved[row * m + query]
            }
            let variance = max(signalVariance * (1 - explained), 0)
            predictions.append(standardization.prediction(mean: mean, standardDeviation: variance.squareRoot()))
        }
        return predictions
    }
}
