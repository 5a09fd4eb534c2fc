import Layers
import Tensors

/// AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay, as PyTorch's `torch.optim.AdamW`.
///
/// Each update first shrinks the weight, w ← w·(1 − η·λ), then applies the Adam step of ``Adam`` with no L2
/// term: the decay does not pass through the moment estimates.
public struct AdamW: WeightOptimizer, Codable, Hashable, Sendable {
    /// β₁, the decay of the first moment.
    public var beta1: Float
    /// β₂, the decay of the second moment.
    public var beta2: Float
    /// ε, added to the denominator.
    public var epsilon: Float
    /// λ, the decoupled weight decay coefficient.
    public var weightDecay: Float
    /// The moments of each parameter updated so far, by name.
    public private(set) var moments: [String: AdamMoments] = [:]

    /// Creates the optimizer with PyTorch's defaults (λ = 0.01).
    public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
        enforce(
            (0..<1).contains(beta1) && (0..<1).contains(beta2),
            "AdamW: betas (\(beta1), \(beta2)) must lie in [0, 1)")
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// - Complexity: O(total elements).
    public mutating func update(_ parameters: [Parameter], gradients: ParameterGradients, learningRate: Float) {
        let step = AdamUpdate(
            optimizer: "AdamW", beta1: beta1, beta2: beta2, epsilon: epsilon, l2Penalty: 0, decoupledDecay: weightDecay)
        step.apply(to: parameters, gradients: gradients, learningRate: learningRate, moments: &moments)
    }
}
