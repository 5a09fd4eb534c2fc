import Layers
import Seeding
import Tensors

/// DARTS's `FactorizedReduce`: halves the resolution without losing alternate pixels. ReLU, then two 1x1
/// convolutions at stride 2 with C_out/2 outputs each, the second on the input shifted by one pixel
/// (x[:, :, 1:, 1:]); their outputs concatenated along channels, then batch norm.
///
/// Parameters: `"<name>.conv_1.weight"`, `"<name>.conv_2.weight"` (C_out/2, C_in, 1, 1) and the batch norm
/// `"<name>.bn.*"`.
public final class DARTSFactorizedReduce: Layer {
    public let name: String
    /// The convolution of the even pixels.
    public let firstConvolution: Conv2D
    /// The convolution of the odd pixels.
    public let secondConvolution: Conv2D
    /// The batch norm after the concatenation.
    public let batchNorm: BatchNorm

    /// Builds the reduction.
    ///
    /// - Parameters:
    ///   - inputChannels: C_in.
    ///   - outputChannels: C_out, even.
    ///   - affine: whether the batch norm learns a scale and an offset.
    ///   - name: the module path.
    ///   - rng: the generator; conv_1's weights are drawn first.
    public init(
        inputChannels: Int, outputChannels: Int, affine: Bool = true, name: String,
        using rng: inout some RandomNumberGenerator
    ) {
        enforce(outputChannels % 2 == 0, "DARTSFactorizedReduce '\(name)': \(outputChannels) output channels; give an even number")
        self.name = name
        firstConvolution = Conv2D(
            inputChannels: inputChannels, outputChannels: outputChannels / 2, kernelSize: 1, stride: 2, bias: false,
            name: name + ".conv_1", using: &rng)
        secondConvolution = Conv2D(
            inputChannels: inputChannels, outputChannels: outputChannels / 2, kernelSize: 1, stride: 2, bias: false,
            name: name + ".conv_2", using: &rng)
        batchNorm = BatchNorm(channels: outputChannels, affine: affine, name: name + ".bn")
    }

    public var parameters: [Parameter] {
        firstConvolution.parameters + secondConvolution.parameters + batchNorm.parameters
    }

    /// (N, C_in, H, W), H and W even → (N, C_out, H/2, W/2).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let shape = input.shape
        enforce(
            shape.count == 4 && shape[2] % 2 == 0 && shape[3] % 2 == 0,
            "DARTSFactorizedReduce '\(name)': input \(shape) is not (N, C, H, W) with H and W even")
        let x = relu(input)
        let shifted = x.slice(axis: 2, range: 1..<shape[2]).slice(axis: 3, range: 1..<shape[3])
        let joined = concatenate([firstConvolution(x, mode: mode), secondConvolution(shifted, mode: mode)], axis: 1)
        return batchNorm(joined, mode: mode)
    }
}
