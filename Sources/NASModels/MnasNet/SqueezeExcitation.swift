import Layers
import Seeding
import Tensors

/// Squeeze-and-excitation (Hu, Shen & Sun, CVPR 2018) as MnasNet's MBConv applies it (Tan et al., CVPR 2019; the
/// reference `tensorflow/tpu` `models/official/mnasnet/mnasnet_model.py`, `_call_se`): global average pooling,
/// a 1x1 convolution down to the squeeze width with bias, ReLU, a 1x1 convolution back with bias, sigmoid, and the
/// input scaled channel by channel.
///
/// The scaling is the engine's broadcasting product (N, C, 1, 1) · (N, C, H, W), whose pullback sums the gate's
/// gradient over the pixels (checked by finite differences in `MBConvLayerTests`).
///
/// Parameters: `"<name>.reduce.weight"`, `"<name>.reduce.bias"`, `"<name>.expand.weight"`, `"<name>.expand.bias"`.
final class SqueezeExcitation: Layer {
    let name: String
    /// The channels scaled.
    let channels: Int
    /// The squeeze width.
    let squeezedChannels: Int
    let reduce: Conv2D
    let expand: Conv2D

    /// - Parameters:
    ///   - channels: C, the channels of the features it scales.
    ///   - squeezedChannels: the bottleneck width.
    init(channels: Int, squeezedChannels: Int, name: String, using rng: inout some RandomNumberGenerator) {
        self.name = name
        self.channels = channels
        self.squeezedChannels = squeezedChannels
        reduce = Conv2D(
            inputChannels: channels, outputChannels: squeezedChannels, kernelSize: 1, name: name + ".reduce",
            using: &rng)
        expand = Conv2D(
            inputChannels: squeezedChannels, outputChannels: channels, kernelSize: 1, name: name + ".expand",
            using: &rng)
    }

    var parameters: [Parameter] { reduce.parameters + expand.parameters }

    /// (N, C, H, W) -> (N, C, H, W): x · sigmoid(expand(relu(reduce(mean over pixels of x)))).
    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let shape = input.shape
        enforce(
            shape.count == 4 && shape[1] == channels,
            "SqueezeExcitation '\(name)': input \(shape) is not (N, \(channels), H, W)")
        let squeezed = globalAveragePool(input).reshaped([shape[0], channels, 1, 1])  // (N, C, 1, 1)
        let gate = sigmoid(expand(relu(reduce(squeezed, mode: mode)), mode: mode))  // (N, C, 1, 1)
        return input * gate
    }

    /// The two 1x1 convolutions, each applied to one pixel.
    var countedLayers: [CountedLayer] {
        [.convolution(reduce, inputHeight: 1, inputWidth: 1), .convolution(expand, inputHeight: 1, inputWidth: 1)]
    }
}
