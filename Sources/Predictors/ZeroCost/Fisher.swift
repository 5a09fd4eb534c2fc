import Layers
import Tensors

/// Fisher (Turner, Crowley, O'Boyle, Storkey & Gray, "BlockSwap: Fisher-guided Block Substitution for Network
/// Compression on a Budget", ICLR 2020; Theis et al. 2018; as a NAS proxy, Abdelfattah et al. 2021): the Fisher
/// information of every output channel of every convolution and linear layer, estimated from one batch.
///
/// For a layer with output a (N, O, S...) and g = ∂L/∂a (L the mean cross-entropy), channel k's saliency is
/// Δ_k = ½ · mean_n (Σ_s a_{n,k,s} g_{n,k,s})². The score is Σ_layers (weights per channel) · Σ_k |Δ_k|.
///
/// Line mapping to zero-cost-nas `measures/fisher.py` (NASLib's file is the same; `bn=True`, `mode='channel'`):
/// - `net.train()` → training mode (batch statistics);
/// - `fisher_forward_conv2d`/`_linear`: `layer.act = layer.dummy(x)` on the output of every `nn.Conv2d` and
///   `nn.Linear` → ``Observer``, through ``ActivationObserver/weightedLayerOutput(_:weight:)``: the output plus a
///   zero leaf variable, whose gradient is ∂L/∂a (the dummy identity's backward hook sees the same);
/// - the hook: `g_nk = torch.sum(act * grad, [2, 3])` (`act * grad` for a linear layer),
///   `del_k = g_nk.pow(2).mean(0).mul(0.5)` → ``channelSaliencies(activation:gradient:shape:)``;
/// - `fisher(layer)`: `torch.abs(layer.fisher)`, zeros when the hook never ran → |Δ_k|, zeros when L does not
///   depend on the output;
/// - `reshape_elements(grads_abs_ch, shapes)` with `shapes = weight.shape[1:]`: each channel's value is broadcast
///   to every weight of that channel, and `find_measures`' `sum_arr` sums the broadcast arrays: a layer counts
///   Σ_k |Δ_k| times its weights per output channel (C·K·K for a convolution, I for a linear layer).
enum Fisher {
    /// The score of `network` on `batch`.
    ///
    /// - Complexity: one forward and backward pass, plus one pass over every convolution's and linear layer's
    ///   output.
    static func score(_ network: some ObservableLayer, batch: ZeroCostBatch) -> Double {
        let observer = Observer()
        let tape = Tape()
        let logits = network(tape.constant(batch.images), mode: .training(seed: 0), observer: observer)
        let gradients = tape.gradients(of: crossEntropy(logits: logits, labels: batch.labels))
        var total = 0.0
        for layer in observer.outputs {
            let saliencies = channelSaliencies(
                activation: layer.output.scalars, gradient: gradients[layer.leaf].scalars, shape: layer.output.shape)
            let weightsPerChannel = Double(layer.weight.value.count / layer.weight.shape[0])
            total += weightsPerChannel * saliencies.reduce(0) { $0 + Swift.abs($1) }
        }
        return total
    }

    /// Δ_k = ½ · mean_n (Σ_s a_{n,k,s} g_{n,k,s})² for each channel k of an output of shape (N, O, S...), in
    /// Double.
    static func channelSaliencies(activation: [Float], gradient: [Float], shape: [Int]) -> [Double] {
        let (count, channels) = (shape[0], shape[1])
        let spatial = activation.count / (count * channels)
        var saliencies = [Double](repeating: 0, count: channels)
        for example in 0..<count {
            for channel in 0..<channels {
                let start = (example * channels + channel) * spatial
                var sum = 0.0
                for position in start..<(start + spatial) {
                    sum += Double(activation[position]) * Double(gradient[position])
                }
                saliencies[channel] += sum * sum
            }
        }
        return saliencies.map { 0.5 * $0 / Double(count) }
    }

    /// Puts a zero leaf variable after every convolution and linear layer, so that the backward pass reports
    /// ∂L/∂a for each output a.
    final class Observer: ActivationObserver {
        /// One layer's output, the leaf added to it, and the layer's weight, in forward order.
        struct Output {
            let output: Tensor
            let leaf: Variable
            let weight: Parameter
        }
        private(set) var outputs: [Output] = []

        func weightedLayerOutput(_ output: Variable, weight: Parameter) -> Variable? {
            guard let tape = output.tape else { return nil }
            let leaf = tape.variable(Tensor(zeros: output.shape))
            outputs.append(Output(output: output.value, leaf: leaf, weight: weight))
            return output + leaf
        }
    }
}
