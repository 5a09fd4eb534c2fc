import Layers
import Tensors

/// The `skip_connect` candidate of a stride-1 edge: its input, unchanged.
final class IdentityOperation: Layer {
    let name: String

    init(name: String) { self.name = name }

    var parameters: [Parameter] { [] }

    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable { input }
}
