import Layers
import Seeding
import Tensors

/// A K×K convolution with padding K/2 and no bias, batch norm, ReLU: the stem and head of MnasNet-like networks.
///
/// Parameters: `"<name>.conv.weight"`, `"<name>.bn.*"`.
public final class ConvolutionBatchNormReLU: Layer {
    public let name: String
    /// The convolution.
    public let convolution: Conv2D
    let batchNorm: BatchNorm

    /// - Parameters:
    ///   - kernelSize: K, odd.
    ///   - stride: the convolution's stride.
    public init(
        inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int, name: String,
        using rng: inout some RandomNumberGenerator
    ) {
        self.name = name
        convolution = Conv2D(
            inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: kernelSize, stride: stride,
            padding: kernelSize / 2, bias: false, name: name + ".conv", using: &rng)
        batchNorm = BatchNorm(channels: outputChannels, name: name + ".bn")
    }

    public var parameters: [Parameter] { convolution.parameters + batchNorm.parameters }

    /// (N, C, H, W) -> (N, O, ⌈H/s⌉, ⌈W/s⌉).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        relu(batchNorm(convolution(input, mode: mode), mode: mode))
    }
}

/// Global average pooling followed by a linear classifier with bias.
///
/// Parameters: `"<name>.weight"`, `"<name>.bias"`.
public final class PooledClassifier: Layer {
    public let name: String
    /// The linear layer.
    public let linear: Linear

    public init(inputChannels: Int, classes: Int, name: String, using rng: inout some RandomNumberGenerator) {
        self.name = name
        linear = Linear(inputSize: inputChannels, outputSize: classes, name: name, using: &rng)
    }

    public var parameters: [Parameter] { linear.parameters }

    /// (N, C, H, W) -> (N, classes).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        linear(globalAveragePool(input), mode: mode)
    }
}
