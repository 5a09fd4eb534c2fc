import Layers
import Tensors

/// Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight decay, exactly as
/// PyTorch's `torch.optim.SGD` defines them.
///
/// For each parameter w with gradient g, at learning rate η:
///
///     g ← g + λ·w                          (weight decay λ)
///     b ← g                    on the first update of w, else  b ← μ·b + (1 − τ)·g   (momentum μ, dampening τ)
///     g ← g + μ·b  (Nesterov)   or   g ← b   (classical momentum; skipped when μ = 0)
///     w ← w − η·g
///
/// The momentum buffers b are keyed by parameter name and encoded with the optimizer.
public struct SGD: WeightOptimizer, Codable, Hashable, Sendable {
    /// μ, in [0, 1).
    public var momentum: Float
    /// τ, the fraction of each new gradient left out of the momentum buffer (PyTorch's default 0).
    public var dampening: Float
    /// Whether to use Nesterov momentum.
    public var nesterov: Bool
    /// λ, the L2 penalty coefficient added to the gradient.
    public var weightDecay: Float
    /// The momentum buffer of each parameter updated so far, by name (row-major, the parameter's shape).
    public private(set) var momentumBuffers: [String: [Float]] = [:]

    /// Creates the optimizer; the defaults are plain gradient descent.
    ///
    /// - Precondition: Nesterov momentum needs μ > 0 and τ = 0 (as in PyTorch).
    public init(momentum: Float = 0, dampening: Float = 0, nesterov: Bool = false, weightDecay: Float = 0) {
        enforce(momentum >= 0, "SGD: momentum \(momentum) is negative")
        enforce(weightDecay >= 0, "SGD: weightDecay \(weightDecay) is negative")
        enforce(
            !nesterov || (momentum > 0 && dampening == 0),
            "SGD: Nesterov momentum needs momentum > 0 and dampening 0, got momentum \(momentum), dampening \(dampening)")
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// - Complexity: O(total elements).
    public mutating func update(_ parameters: [Parameter], gradients: ParameterGradients, learningRate: Float) {
        for parameter in parameters {
            guard let gradient = parameter.updatableGradient(in: gradients, by: "SGD") else { continue }
            var buffer = momentum == 0 ? [] : momentumBuffers.removeValue(forKey: parameter.name) ?? []
            let isFirst = buffer.isEmpty
            if momentum != 0 && isFirst { buffer = [Float](repeating: 0, count: gradient.count) }
            let (mu, tau, lambda, nesterov) = (momentum, dampening, weightDecay, nesterov)
            gradient.scalars.withUnsafeBufferPointer { g in
                parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                    buffer.withUnsafeMutableBufferPointer { b in
                        for i in 0..<w.count {
                            var d = g[i]
                            if lambda != 0 { d += lambda * w[i] }
                            if mu != 0 {
                                b[i] = isFirst ? d : mu * b[i] + (1 - tau) * d
                                d = nesterov ? d + mu * b[i] : b[i]
                            }
                            w[i] -= learningRate * d
                        }
                    }
                }
            }
            if momentum != 0 { momentumBuffers[parameter.name] = buffer }
        }
    }
}
