import Layers
import Tensors

/// An algorithm that updates parameters from their gradients (SGD, Adam): a "weight optimizer", as opposed to
/// a NAS optimizer, which searches architectures.
///
/// State (momentum buffers, moment estimates) is keyed by parameter name, so it can be checkpointed and
/// restored into a rebuilt network; the implementations here are `Codable` for that.
public protocol WeightOptimizer {
    /// Applies one update to every trainable parameter that has a gradient; others are left as they are.
    ///
    /// - Parameters:
    ///   - parameters: the parameters to update.
    ///   - gradients: their gradients, by name.
    ///   - learningRate: this step's learning rate (from a schedule).
    mutating func update(_ parameters: [Parameter], gradients: ParameterGradients, learningRate: Float)
}

extension WeightOptimizer {
    /// Applies one update from the gradients of one backward pass.
    public mutating func update(_ parameters: [Parameter], gradients: Gradients, learningRate: Float) {
        update(parameters, gradients: ParameterGradients(gradients, of: parameters), learningRate: learningRate)
    }
}

extension Parameter {
    /// The gradient of this parameter in `gradients`, checked against its shape; `nil` when it has none or is
    /// a buffer.
    func updatableGradient(in gradients: ParameterGradients, by optimizer: String) -> Tensor? {
        guard isTrainable, let gradient = gradients[name] else { return nil }
        enforce(
            gradient.shape == shape,
            "\(optimizer): gradient of '\(name)' has shape \(gradient.shape) but the parameter has shape \(shape)")
        return gradient
    }
}
