import Tensors

/// The rectifier max(x, 0), elementwise.
public final class ReLU: Layer {
    public let name: String

    /// Creates the layer; it has no parameters, so the name only labels non-finite reports.
    public init(name: String = "") {
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    /// Applies relu to any shape.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        relu(input)
    }
}
