import Layers
import Tensors
import Training

/// GraSP, gradient signal preservation (Wang, Zhang & Grosse, "Picking Winning Tickets Before Training by
/// Preserving Gradient Flow", ICLR 2020; as a NAS proxy, Abdelfattah et al. 2021): Σ_θ −θ ⊙ (H g), g = ∂L/∂θ,
/// H the Hessian of the loss over the weights.
///
/// Line mapping to zero-cost-nas `measures/grasp.py` (T = 1, one iteration, training mode):
/// - `grad_w = autograd.grad(loss, weights)` → g (``LossGradients``, the weights of ``ZeroCostWeights``);
/// - `z = Σ (grad_w * grad_f)`, `z.backward()` → H g, the gradient of g·∇L: here
///   ``Training/hessianVectorProduct(of:parameters:vector:targets:)``, central differences of the gradient
///   along g with ε = 0.01/‖g‖ (O(ε²) truncation; the reference differentiates twice exactly);
/// - `-layer.weight.data * layer.weight.grad`, summed → the score.
enum GraSP {
    /// The score of `network` on `batch`, reusing the gradient pass `pass` (g).
    ///
    /// - Complexity: two more forward and backward passes.
    static func score(_ network: some Layer, batch: ZeroCostBatch, gradients pass: LossGradients) -> Double {
        var direction = ParameterGradients()
        for (weight, gradient) in zip(pass.weights, pass.gradients) { direction[weight.name] = gradient }
        let product = hessianVectorProduct(
            of: { tape in
                crossEntropy(logits: network(tape.constant(batch.images), mode: .training(seed: 0)), labels: batch.labels)
            },
            parameters: pass.weights, vector: direction)
        var total = 0.0
        for weight in pass.weights {
            guard let hessianGradient = product[weight] else { continue }
            for (w, h) in zip(weight.value.scalars, hessianGradient.scalars) { total -= Double(w) * Double(h) }
        }
        return total
    }
}
