#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One Adam update of a flat parameter vector in the engine's arithmetic (`AdamMoments`, PyTorch's), shared by
/// the fused trainers of the MLP ensemble and the GCN: g ← g + λw (L2 penalty, when λ ≠ 0),
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
///
/// A plain loop: its division and square root bound it (vectorized with `SIMD8` it was no faster in release,
/// and thirty times slower in debug builds).
enum FusedAdamStep {
    /// Applies step `step` (1-based) with learning rate η to `parameters`, given their `gradient`.
    static func apply(
        _ parameters: inout [Float], gradient: UnsafePointer<Float>, firstMoment: inout [Float],
        secondMoment: inout [Float], step: Int, learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
        weightDecay: Float = 0
    ) {
        let biasCorrection1 = 1 - pow(Double(beta1), Double(step))
        let biasCorrection2 = 1 - pow(Double(beta2), Double(step))
        let stepSize = Float(Double(learningRate) / biasCorrection1)
        let correction2Root = Float(biasCorrection2.squareRoot())
        parameters.withUnsafeMutableBufferPointer { w in
            firstMoment.withUnsafeMutableBufferPointer { m in
                secondMoment.withUnsafeMutableBufferPointer { v in
                    for i in 0..<w.count {
                        let g = weightDecay == 0 ? gradient[i] : gradient[i] + weightDecay * w[i]
                        m[i] = beta1 * m[i] + (1 - beta1) * g
                        v[i] = beta2 * v[i] + (1 - beta2) * g * g
                        w[i] -= stepSize * m[i] / (v[i].squareRoot() / correction2Root + epsilon)
                    }
                }
            }
        }
    }
}
