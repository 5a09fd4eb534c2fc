import Layers
import Tensors

/// Adam (Kingma & Ba 2015) with bias correction and optional L2 weight decay added to the gradient, as
/// PyTorch's `torch.optim.Adam` (without amsgrad).
///
/// For each parameter w with gradient g, at learning rate η and update count t (per parameter):
///
///     g ← g + λ·w
///     m ← β₁·m + (1 − β₁)·g,    v ← β₂·v + (1 − β₂)·g²
///     w ← w − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
///
/// (computed as PyTorch does: step size η/(1 − β₁ᵗ), denominator √v/√(1 − β₂ᵗ) + ε). For decoupled weight
/// decay use ``AdamW``.
public struct Adam: WeightOptimizer, Codable, Hashable, Sendable {
    /// β₁, the decay of the first moment.
    public var beta1: Float
    /// β₂, the decay of the second moment.
    public var beta2: Float
    /// ε, added to the denominator.
    public var epsilon: Float
    /// λ, the L2 penalty coefficient added to the gradient.
    public var weightDecay: Float
    /// The moments of each parameter updated so far, by name.
    public private(set) var moments: [String: AdamMoments] = [:]

    /// Creates the optimizer with PyTorch's defaults.
    public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        enforce(
            (0..<1).contains(beta1) && (0..<1).contains(beta2),
            "Adam: betas (\(beta1), \(beta2)) must lie in [0, 1)")
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// - Complexity: O(total elements).
    public mutating func update(_ parameters: [Parameter], gradients: ParameterGradients, learningRate: Float) {
        let step = AdamUpdate(
            optimizer: "Adam", beta1: beta1, beta2: beta2, epsilon: epsilon, l2Penalty: weightDecay, decoupledDecay: 0)
        step.apply(to: parameters, gradients: gradients, learningRate: learningRate, moments: &moments)
    }
}
