import Tensors

/// Flattens every axis after the first: (N, d₁, d₂, …) to (N, d₁·d₂·…).
public final class Flatten: Layer {
    public let name: String

    /// Creates the layer; it has no parameters, so the name only labels non-finite reports.
    public init(name: String = "") {
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        enforce(input.rank >= 1, "Flatten '\(name)': needs an input of rank ≥ 1, got \(input.shape)")
        return input.flattened()
    }
}
