import Tensors

/// A named tensor that a layer owns: a trainable weight, or a buffer such as batch norm's running mean.
///
/// Parameters are reference types so that a layer, a weight optimizer and a checkpoint all see the same
/// storage, and so that a supernet can share one parameter among many paths. Names are full paths
/// (`"cells.3.edge2.conv.weight"`), given when the layer is built; checkpoints and weight-optimizer state are
/// keyed by them.
public final class Parameter {
    /// The full path of this parameter inside its network.
    public let name: String
    /// The current value.
    public var value: Tensor
    /// Whether weight optimizers update it (false for running statistics).
    public let isTrainable: Bool

    /// Creates a parameter.
    public init(name: String, value: Tensor, isTrainable: Bool = true) {
        self.name = name
        self.value = value
        self.isTrainable = isTrainable
    }

    /// The parameter as a variable: a leaf on `tape` (the same leaf every time on one tape), or a constant when
    /// `tape` is `nil` or the parameter is not trainable.
    public func variable(on tape: Tape?) -> Variable {
        guard let tape, isTrainable else { return Variable(value) }
        return tape.variable(for: self, value: value)
    }

    /// The shape of the value.
    public var shape: [Int] { value.shape }
}

extension Gradients {
    /// The gradient of a parameter's leaf, or `nil` when the output does not depend on it.
    public subscript(parameter: Parameter) -> Tensor? {
        gradient(for: parameter)
    }
}
