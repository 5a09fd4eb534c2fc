import Layers

/// The parameters zero-cost proxies score: the weights of every convolution and linear layer.
///
/// The reference code (zero-cost-nas `get_layer_metric_array`, mode `param`) visits `nn.Conv2d` and `nn.Linear`
/// modules and reads their `weight`; biases and batch-norm parameters are not scored. Here they are the
/// trainable parameters of rank 2 or more (kernels (O, C, K, K), matrices (O, I)), which is the same set for
/// networks built of ``Conv2D``, ``Linear`` and ``BatchNorm``.
public enum ZeroCostWeights {
    /// The scored weights of `network`, in its parameter order.
    public static func of(_ network: some Layer) -> [Parameter] {
        network.parameters.filter { $0.isTrainable && $0.value.rank >= 2 }
    }
}
