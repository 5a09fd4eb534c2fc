import Layers
import Seeding
import Tensors

/// The residual reduction block between NAS-Bench-201's stages (the benchmark's `ResNetBasicblock` with stride
/// 2): ReLU-Conv3x3(stride 2)-BN then ReLU-Conv3x3-BN, plus a shortcut of 2x2 average pooling (stride 2) and a
/// 1x1 convolution without bias (no batch norm), summed.
///
/// Parameter names follow the benchmark's module paths: `<name>.conv_a.op.1.weight`, `<name>.conv_b.op.2.bias`,
/// `<name>.downsample.1.weight`. Public so that supernets over the NB201 cell share the benchmark's skeleton.
public final class NB201ResidualBlock: Layer {
    public let name: String
    let inputChannels: Int
    let first: Sequential
    let firstConvolution: Conv2D
    let second: Sequential
    let secondConvolution: Conv2D
    let shortcutPool = AvgPool2D(kernelSize: 2, stride: 2)
    let shortcut: Conv2D

    /// A block from `inputChannels` to `outputChannels` with freshly initialised weights drawn from `rng`.
    public init(
        inputChannels: Int, outputChannels: Int, name: String, using rng: inout some RandomNumberGenerator
    ) {
        self.name = name
        self.inputChannels = inputChannels
        (first, firstConvolution) = reluConvolutionBatchNorm(
            inputChannels, outputChannels, kernelSize: 3, stride: 2, name: name + ".conv_a", using: &rng)
        (second, secondConvolution) = reluConvolutionBatchNorm(
            outputChannels, outputChannels, kernelSize: 3, stride: 1, name: name + ".conv_b", using: &rng)
        shortcut = Conv2D(
            inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: 1, bias: false,
            name: name + ".downsample.1", using: &rng)
    }

    public var parameters: [Parameter] { first.parameters + second.parameters + shortcut.parameters }

    /// (N, C, H, W) -> (N, 2C, H/2, W/2) for even H and W.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        enforce(
            input.shape.count == 4 && input.shape[1] == inputChannels,
            "NB201ResidualBlock '\(name)': input \(input.shape) is not (N, \(inputChannels), H, W)")
        return second(first(input, mode: mode), mode: mode) + shortcut(shortcutPool(input, mode: mode), mode: mode)
    }

    /// The three convolutions for an input of `height` x `width`.
    func countedLayers(height: Int, width: Int) -> [CountedLayer] {
        let reduced = firstConvolution.outputSize(inputHeight: height, inputWidth: width)
        return [
            .convolution(firstConvolution, inputHeight: height, inputWidth: width),
            .convolution(secondConvolution, inputHeight: reduced.height, inputWidth: reduced.width),
            .convolution(shortcut, inputHeight: height / 2, inputWidth: width / 2),
        ]
    }
}
