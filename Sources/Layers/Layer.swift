import Tensors

/// Whether a forward pass trains or evaluates; passed as an argument, never stored on a layer.
///
/// In training mode batch norm uses batch statistics and updates its running ones, and dropout draws its mask
/// from a stream derived from `seed` and the layer's name, so a step is reproducible from its seed alone.
public enum ForwardMode: Hashable, Sendable {
    /// Training, with the seed of this step's random choices.
    case training(seed: UInt64)
    /// Evaluation: running statistics, no dropout.
    case evaluation

    /// Whether this is training mode.
    public var isTraining: Bool {
        if case .training = self { return true }
        return false
    }
}

/// A differentiable function with named parameters.
///
/// Layers are reference types (they own ``Parameter``s and may update running statistics); everything a
/// forward pass needs beyond its input comes as an argument.
public protocol Layer: AnyObject {
    /// The layer's path inside its network (`"stage2.cell1"`): the prefix of its parameters' names and the name
    /// that non-finite reports use. Parameterless layers may have an empty name; ``Sequential`` then reports
    /// them by position.
    var name: String { get }

    /// Every parameter and buffer this layer (and its sublayers) owns, in a fixed order.
    var parameters: [Parameter] { get }

    /// Applies the layer.
    ///
    /// - Parameters:
    ///   - input: the input; recorded on a tape when gradients are wanted.
    ///   - mode: training or evaluation.
    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable
}

extension Layer {
    /// The parameters that weight optimizers update.
    public var trainableParameters: [Parameter] { parameters.filter(\.isTrainable) }

    /// The number of trainable scalars.
    public var trainableParameterCount: Int { trainableParameters.reduce(0) { $0 + $1.value.count } }
}
