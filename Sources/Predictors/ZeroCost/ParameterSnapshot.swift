import Layers
import Tensors

/// The values of a network's parameters and buffers, put back bit for bit after a proxy changed them (synflow
/// takes absolute values; training-mode passes update batch-norm running statistics).
///
/// Every proxy thus sees the network as initialised, as the reference code's per-measure copy of the network
/// does.
struct ParameterSnapshot {
    let parameters: [Parameter]
    let values: [Tensor]

    init(_ network: some Layer) {
        parameters = network.parameters
        values = parameters.map(\.value)
    }

    /// Restores every saved value.
    func restore() {
        for (parameter, value) in zip(parameters, values) { parameter.value = value }
    }
}
