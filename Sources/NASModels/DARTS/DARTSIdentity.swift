import Layers
import Tensors

/// DARTS's `Identity` (`skip_connect` at stride 1).
public final class DARTSIdentity: Layer {
    public let name: String

    /// The identity; the name only labels reports.
    public init(name: String = "") {
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable { input }
}
