import Tensors

/// Scales gradients down so that their joint Euclidean norm is at most `maxNorm`, as PyTorch's
/// `clip_grad_norm_`.
///
/// With total norm n = √(Σ g²) over every gradient, the gradients are multiplied by maxNorm / (n + 10⁻⁶) when
/// that factor is below 1, and returned unchanged otherwise.
///
/// - Parameters:
///   - gradients: the gradients to clip.
///   - maxNorm: the largest norm allowed, > 0.
/// - Returns: the clipped gradients and the total norm n before clipping (for logging; non-finite when a
///   gradient is).
/// - Complexity: O(total elements).
public func clipGradientNorm(
    _ gradients: ParameterGradients, maxNorm: Float
) -> (gradients: ParameterGradients, totalNorm: Float) {
    enforce(maxNorm > 0, "clipGradientNorm: maxNorm \(maxNorm) must be positive")
    let totalNorm = gradients.norm
    let factor = maxNorm / (totalNorm + 1e-6)
    guard factor < 1 else { return (gradients, totalNorm) }
    return (gradients.scaled(by: factor), totalNorm)
}
