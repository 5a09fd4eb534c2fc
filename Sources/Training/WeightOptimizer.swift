import Layers
import Tensors

/// An algorithm that updates parameters from their gradients (SGD, Adam): a "weight optimizer", as opposed to
/// a NAS optimizer, which searches architectures.
///
/// State (momentum buffers, moment estimates) is keyed by parameter name, so it can be checkpointed and
/// restored into a rebuilt network.
public protocol WeightOptimizer {
    /// Applies one update to every trainable parameter that has a gradient.
    ///
    /// - Parameters:
    ///   - parameters: the parameters to update.
    ///   - gradients: their gradients from one backward pass.
    ///   - learningRate: this step's learning rate (from a schedule).
    mutating func update(_ parameters: [Parameter], gradients: Gradients, learningRate: Float)
}
