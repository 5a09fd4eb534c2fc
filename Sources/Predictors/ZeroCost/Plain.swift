import Layers
import Tensors

/// The plain first-order saliency Σ_θ θ ⊙ ∂L/∂θ, signed (Mozer & Smolensky 1989; NAS-Bench-Suite-Zero's
/// `plain`, NASLib `measures/plain.py`: `layer.weight.grad * layer.weight`, summed).
enum Plain {
    /// Σ θ ⊙ g over the weights, accumulated in Double.
    static func score(_ pass: LossGradients) -> Double {
        var total = 0.0
        for (weight, gradient) in zip(pass.weights, pass.gradients) {
            for (w, g) in zip(weight.value.scalars, gradient.scalars) { total += Double(w) * Double(g) }
        }
        return total
    }
}
