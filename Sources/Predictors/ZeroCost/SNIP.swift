import Layers
import Tensors

/// SNIP's connection sensitivity summed over the network: Σ_θ |θ ⊙ ∂L/∂θ| (Lee, Ajanthan & Torr, "SNIP:
/// Single-shot Network Pruning based on Connection Sensitivity", ICLR 2019; as a NAS proxy, Abdelfattah et al.
/// 2021).
///
/// Line mapping to zero-cost-nas `measures/snip.py`: the weight mask's gradient `|weight_mask.grad|` equals
/// |θ ⊙ ∂L/∂θ| at mask 1 → the element product below; `sum_arr` over layers → the double sum. Cross-entropy of
/// one batch, training mode (``LossGradients``).
enum SNIP {
    /// Σ |θ ⊙ g| over the weights, accumulated in Double.
    static func score(_ pass: LossGradients) -> Double {
        var total = 0.0
        for (weight, gradient) in zip(pass.weights, pass.gradients) {
            for (w, g) in zip(weight.value.scalars, gradient.scalars) { total += abs(Double(w) * Double(g)) }
        }
        return total
    }
}
