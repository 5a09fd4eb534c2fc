#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Layers
import Tensors

/// The per-parameter state of Adam and AdamW: the update count and both moment estimates.
public struct AdamMoments: Codable, Hashable, Sendable {
    /// The number of updates applied to this parameter (t).
    public var step: Int
    /// m, the running mean of gradients (row-major, the parameter's shape).
    public var firstMoment: [Float]
    /// v, the running mean of squared gradients.
    public var secondMoment: [Float]

    init(count: Int) {
        step = 0
        firstMoment = [Float](repeating: 0, count: count)
        secondMoment = [Float](repeating: 0, count: count)
    }

    /// One Adam update of `parameter`, in PyTorch's arithmetic:
    ///
    ///     w ← w·(1 − η·λ_decoupled)                           (AdamW only)
    ///     g ← g + λ_L2·w                                      (Adam only)
    ///     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
    ///     w ← w − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
    mutating func apply(
        to parameter: Parameter, gradient: Tensor, learningRate: Float,
        beta1: Float, beta2: Float, epsilon: Float, l2Penalty: Float, decoupledDecay: Float
    ) {
        step += 1
        let biasCorrection1 = 1 - pow(Double(beta1), Double(step))
        let biasCorrection2 = 1 - pow(Double(beta2), Double(step))
        let stepSize = Float(Double(learningRate) / biasCorrection1)
        let correction2Root = Float(biasCorrection2.squareRoot())
        let shrink = 1 - learningRate * decoupledDecay
        gradient.scalars.withUnsafeBufferPointer { g in
            parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    secondMoment.withUnsafeMutableBufferPointer { v in
                        for i in 0..<w.count {
                            if decoupledDecay != 0 { w[i] *= shrink }
                            var d = g[i]
                            if l2Penalty != 0 { d += l2Penalty * w[i] }
                            m[i] = beta1 * m[i] + (1 - beta1) * d
                            v[i] = beta2 * v[i] + (1 - beta2) * d * d
                            w[i] -= stepSize * m[i] / (v[i].squareRoot() / correction2Root + epsilon)
                        }
                    }
                }
            }
        }
    }
}
