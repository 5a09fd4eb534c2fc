import Layers
import Tensors

/// The sum over layers of the Euclidean norm of each layer's loss gradient, Σ_l ‖∂L/∂θ_l‖₂ (Abdelfattah et al.
/// 2021, `grad_norm`).
///
/// Line mapping to zero-cost-nas `measures/grad_norm.py`: `layer.weight.grad.norm()` per convolution and linear
/// layer → one norm per weight tensor; `sum_arr` → the sum of the norms (not the norm of all gradients).
enum GradientNorm {
    /// Σ over weight tensors of ‖g‖₂, accumulated in Double.
    static func score(_ pass: LossGradients) -> Double {
        pass.gradients.reduce(0) { total, gradient in total + euclideanNorm(gradient) }
    }

    /// √(Σ x²) in Double.
    static func euclideanNorm(_ tensor: Tensor) -> Double {
        tensor.scalars.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
}
