import Layers
import Tensors

/// GraSP, gradient signal preservation (Wang, Zhang & Grosse, "Picking Winning Tickets Before Training by
/// Preserving Gradient Flow", ICLR 2020; as a NAS proxy, Abdelfattah et al. 2021): Σ_θ −θ ⊙ (H g), g = ∂L/∂θ,
/// H the Hessian of the loss over the weights.
///
/// Line mapping to zero-cost-nas `measures/grasp.py` (T = 1, one iteration, training mode):
/// - `grad_w = autograd.grad(loss, weights)` → g (``LossGradients``, the weights of ``ZeroCostWeights``);
/// - `grad_f = autograd.grad(..., create_graph=True)`, `z = Σ grad_w * grad_f`, `z.backward()` → H g, the
///   derivative of the gradient along g. Autograd's double backward treats relu'' as 0: it differentiates the
///   linear piece the network is on. Here H g is the central difference (∇L(θ + h g) − ∇L(θ − h g)) / 2h with
///   every rectifier's mask frozen at θ (``RectifierMasks``, through the ``ActivationObserver`` hook), which is the
///   same linear piece, so it converges to autograd's value as h → 0. Without frozen masks the difference counts
///   the gradient jumps of the units that change sign, which do not vanish as h → 0, and the score is wrong
///   (measured: rank correlation −0.2 instead of ≈ +0.5 on NB201);
/// - `-layer.weight.data * layer.weight.grad`, summed → the score.
enum GraSP {
    /// ‖h g‖, the size of the perturbation (the DARTS choice for its Hessian-vector products). On NB201 cells the
    /// score at 0.01 and at 0.001 agree within about 1 %; at 0.1 batch norm's curvature already shows.
    static let perturbationNorm = 0.01

    /// The score of `network` on `batch`, reusing the gradient pass `pass` (g).
    ///
    /// - Complexity: one forward pass and two forward and backward passes.
    static func score(
        _ network: some ObservableLayer, batch: ZeroCostBatch, gradients pass: LossGradients,
        perturbationNorm: Double = GraSP.perturbationNorm
    ) -> Double {
        let norm = pass.gradients.reduce(0.0) { $0 + GradientNorm.euclideanNorm($1) * GradientNorm.euclideanNorm($1) }
            .squareRoot()
        guard norm > 0 else { return 0 }
        let masks = RectifierMasks()
        _ = network(Variable(batch.images), mode: .training(seed: 0), observer: masks)
        masks.isApplying = true
        let step = perturbationNorm / norm
        let saved = pass.weights.map(\.value)
        func gradients(at sign: Double) -> [Tensor] {
            for (index, weight) in pass.weights.enumerated() {
                weight.value = Tensor(
                    shape: weight.shape,
                    scalars: zip(saved[index].scalars, pass.gradients[index].scalars).map { w, g in
                        Float(Double(w) + sign * step * Double(g))
                    })
            }
            masks.position = 0
            let tape = Tape()
            let logits = network(tape.constant(batch.images), mode: .training(seed: 0), observer: masks)
            let result = tape.gradients(of: crossEntropy(logits: logits, labels: batch.labels))
            return pass.weights.map { result[$0] ?? Tensor(zeros: $0.shape) }
        }
        let plus = gradients(at: 1)
        let minus = gradients(at: -1)
        for (weight, value) in zip(pass.weights, saved) { weight.value = value }
        var total = 0.0
        for index in pass.weights.indices {
            let (w, high, low) = (saved[index].scalars, plus[index].scalars, minus[index].scalars)
            for k in w.indices { total -= Double(w[k]) * (Double(high[k]) - Double(low[k])) / (2 * step) }
        }
        return total
    }

    /// Records every rectifier's mask (input > 0) on one pass, then applies them in the same order on later
    /// passes: x ⊙ mask instead of relu(x).
    final class RectifierMasks: ActivationObserver {
        private(set) var masks: [Tensor] = []
        /// Whether passes apply the recorded masks (else they record).
        var isApplying = false
        /// The next rectifier's mask.
        var position = 0

        func rectify(_ input: Variable) -> Variable? {
            guard isApplying else {
                masks.append(Tensor(shape: input.shape, scalars: input.value.scalars.map { $0 > 0 ? 1 : 0 }))
                return nil
            }
            precondition(position < masks.count, "RectifierMasks: more rectifiers than on the recording pass")
            let mask = masks[position]
            position += 1
            return input * Variable(mask)
        }
    }
}
