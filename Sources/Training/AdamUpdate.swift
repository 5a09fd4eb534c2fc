import Layers
import Tensors

/// The update that ``Adam`` and ``AdamW`` share: they differ only in where the weight decay λ enters, the
/// gradient (Adam's L2 penalty) or the weight (AdamW's decoupled decay); see ``AdamMoments`` for the arithmetic.
struct AdamUpdate {
    /// The optimizer's name, for messages ("Adam", "AdamW").
    let optimizer: String
    let beta1: Float
    let beta2: Float
    let epsilon: Float
    /// λ added to the gradient as λ·w (Adam), or 0.
    let l2Penalty: Float
    /// λ shrinking the weight by w·(1 − η·λ) before the step (AdamW), or 0.
    let decoupledDecay: Float

    /// Updates every parameter that has a gradient, creating its moments (by parameter name) on its first update.
    ///
    /// - Complexity: O(total elements).
    func apply(
        to parameters: [Parameter], gradients: ParameterGradients, learningRate: Float,
        moments: inout [String: AdamMoments]
    ) {
        for parameter in parameters {
            guard let gradient = parameter.updatableGradient(in: gradients, by: optimizer) else { continue }
            var state = moments.removeValue(forKey: parameter.name) ?? AdamMoments(count: gradient.count)
            state.apply(
                to: parameter, gradient: gradient, learningRate: learningRate, beta1: beta1, beta2: beta2,
                epsilon: epsilon, l2Penalty: l2Penalty, decoupledDecay: decoupledDecay)
            moments[parameter.name] = state
        }
    }
}
