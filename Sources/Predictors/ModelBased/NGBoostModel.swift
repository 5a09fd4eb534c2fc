import Foundation
import NASCore

/// A fitted NGBoost model with a normal distribution: initial parameters θ⁰ = (μ, log σ), and per boosting
/// iteration one regression tree per parameter and the line search's scaling. In standard units,
/// θ(x) = θ⁰ − η Σₘ ρₘ (treeₘ,μ(x), treeₘ,log σ(x)); the prediction is N(μ(x), σ(x)²) mapped back to the targets'
/// units.
public struct NGBoostModel: Hashable, Codable, Sendable {
    /// One boosting iteration.
    public struct Stage: Hashable, Codable, Sendable {
        /// The tree fitted to the natural gradient of μ.
        public let meanTree: RegressionTree
        /// The tree fitted to the natural gradient of log σ.
        public let logScaleTree: RegressionTree
        /// The line search's scaling ρ.
        public let scaling: Double
    }

    /// The encoding the model reads.
    public let encoding: ArchitectureEncoding
    /// The length of that encoding.
    public let encodingLength: Int
    /// θ⁰: the standardized targets' mean.
    public let initialMean: Double
    /// θ⁰: the log of the standardized targets' standard deviation.
    public let initialLogScale: Double
    /// The learning rate η.
    public let learningRate: Double
    /// The boosting iterations.
    public let stages: [Stage]
    /// The targets' standardization.
    public let standardization: TargetStandardization

    /// The normal distributions' mean and standard deviation for each encoded architecture, in the targets' units.
    func predictions(_ encoded: EncodedArchitectures) -> [Prediction] {
        encoded.values.withUnsafeBufferPointer { values in
            (0..<encoded.rowCount).map { row in
                var (mean, logScale) = (initialMean, initialLogScale)
                for stage in stages {
                    let offset = row * encoded.columnCount
                    mean -= learningRate * stage.scaling * stage.meanTree.predict(values, offset: offset)
                    logScale -= learningRate * stage.scaling * stage.logScaleTree.predict(values, offset: offset)
                }
                return standardization.prediction(mean: mean, standardDeviation: exp(logScale))
            }
        }
    }
}

/// The normal distribution's negative log-likelihood and its natural gradient in the parameters (μ, log σ)
/// (Duan et al. 2020, § 2.4 and Appendix: the Fisher information is diag(1/σ², 2)).
enum NormalScore {
    /// −log N(y | μ, σ²) without the constant ½ log 2π, summed over `rows`.
    static func negativeLogLikelihood(
        targets: [Double], means: [Double], logScales: [Double], rows: [Int]
    ) -> Double {
        rows.reduce(0) { sum, row in
            let residual = (targets[row] - means[row]) * exp(-logScales[row])
            return sum + logScales[row] + 0.5 * residual * residual
        }
    }

    /// The natural gradient I⁻¹ ∇θ(−log p) at one point: (μ − y, (1 − (y − μ)²/σ²) / 2).
    static func naturalGradient(target: Double, mean: Double, logScale: Double) -> (mean: Double, logScale: Double) {
        let standardized = (target - mean) * exp(-logScale)
        return (mean - target, 0.5 * (1 - standardized * standardized))
    }
}
