import NASCore

/// A fitted Bayesian linear regression: weights w ~ N(0, α⁻¹I) on the features φ(x) = (1, x), Gaussian noise of
/// precision β, and the posterior N(m, A⁻¹) with A = αI + βΦᵀΦ and m = βA⁻¹Φᵀy (Bishop, "Pattern Recognition and
/// Machine Learning", 2006, eqs. 3.53-3.54 and 3.81).
///
/// A prediction at x* is Gaussian with mean mᵀφ(x*) and variance 1/β + φ(x*)ᵀA⁻¹φ(x*) (eqs. 3.58-3.59), in
/// standard units, mapped back to the targets' units.
public struct BayesianLinearRegressionModel: Hashable, Codable, Sendable {
    /// The encoding the model reads.
    public let encoding: ArchitectureEncoding
    /// The length of that encoding; the features are 1 followed by the encoding.
    public let encodingLength: Int
    /// The prior precision of the weights, α.
    public let weightPrecision: Double
    /// The noise precision, β.
    public let noisePrecision: Double
    /// The posterior mean m of the weights (bias first).
    public let weights: [Double]
    /// The lower Cholesky factor of A = αI + βΦᵀΦ ((1 + encodingLength)², row-major).
    public let factor: [Double]
    /// The evidence iterations run (0 for fixed precisions).
    public let iterations: Int
    /// The targets' standardization.
    public let standardization: TargetStandardization

    /// The posterior for fixed precisions, with the quantities the evidence update needs.
    struct Posterior {
        let weights: [Double]
        let factor: [Double]
        /// γ = p − α tr(A⁻¹), the effective number of parameters (eq. 3.91 in this form).
        let effectiveParameters: Double
        /// ‖y − Φm‖².
        let squaredResidual: Double
    }

    /// The posterior of the weights for precisions α and β given the features Φ (n × p) and standardized y.
    ///
    /// - Complexity: O(n p² + p³).
    static func posterior(
        features: [Double], rows n: Int, columns p: Int, targets y: [Double], weightPrecision alpha: Double,
        noisePrecision beta: Double
    ) -> Posterior? {
        var matrix = [Double](repeating: 0, count: p * p)  // αI + βΦᵀΦ, (p, p)
        var projected = [Double](repeating: 0, count: p)  // βΦᵀy, (p)
        for row in 0..<n {
            let base = row * p
            for i in 0..<p where features[base + i] != 0 {
                let value = beta * features[base + i]
                projected[i] += value * y[row]
                for j in 0..<p { matrix[i * p + j] += value * features[base + j] }
            }
        }
        for i in 0..<p { matrix[i * p + i] += alpha }
        guard let factor = LinearAlgebra.choleskyFactor(matrix, size: p) else { return nil }
        let weights = LinearAlgebra.choleskySolve(factor: factor, size: p, right: projected, columns: 1)
        let inverse = LinearAlgebra.choleskyInverse(factor: factor, size: p)
        let trace = (0..<p).reduce(0) { $0 + inverse[$1 * p + $1] }
        var squaredResidual = 0.0
        for row in 0..<n {
            var fitted = 0.0
            for i in 0..<p { fitted += features[row * p + i] * weights[i] }
            squaredResidual += (y[row] - fitted) * (y[row] - fitted)
        }
        return Posterior(
            weights: weights, factor: factor, effectiveParameters: Double(p) - alpha * trace,
            squaredResidual: squaredResidual)
    }

    init(
        encoding: ArchitectureEncoding, encodingLength: Int, weightPrecision: Double, noisePrecision: Double,
        posterior: Posterior, iterations: Int, standardization: TargetStandardization
    ) {
        self.encoding = encoding
        self.encodingLength = encodingLength
        self.weightPrecision = weightPrecision
        self.noisePrecision = noisePrecision
        self.weights = posterior.weights
        self.factor = posterior.factor
        self.iterations = iterations
        self.standardization = standardization
    }

    /// The features (1, x) of each encoded architecture, row-major (rows × (1 + columns)).
    static func features(_ encoded: EncodedArchitectures) -> [Double] {
        let p = encoded.columnCount + 1
        var features = [Double](repeating: 0, count: encoded.rowCount * p)
        for row in 0..<encoded.rowCount {
            features[row * p] = 1
            for column in 0..<encoded.columnCount {
                features[row * p + 1 + column] = Double(encoded.values[row * encoded.columnCount + column])
            }
        }
        return features
    }

    /// The predictive mean and standard deviation for each encoded architecture, in the targets' units.
    ///
    /// - Complexity: O(m p²) for m queries and p features.
    func predictions(_ encoded: EncodedArchitectures) -> [Prediction] {
        let (m, p) = (encoded.rowCount, encodingLength + 1)
        guard m > 0 else { return [] }
        let features = Self.features(encoded)  // (m, p)
        var transposed = [Double](repeating: 0, count: p * m)  // (p, m)
        for row in 0..<m { for i in 0..<p { transposed[i * m + row] = features[row * p + i] } }
        let solved = LinearAlgebra.lowerTriangularSolve(factor: factor, size: p, right: transposed, columns: m)
        return (0..<m).map { row in
            var mean = 0.0
            var variance = 1 / noisePrecision
            for i in 0..<p {
                mean += features[row * p + i] * weights[i]
                variance += solved[i * m + row] * solved[i * m + row]
            }
            return standardization.prediction(mean: mean, standardDeviation: variance.squareRoot())
        }
    }
}
