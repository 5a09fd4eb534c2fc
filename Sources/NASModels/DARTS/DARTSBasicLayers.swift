import Layers
import Seeding
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

/// DARTS's `Zero` (`none`): zeros of the input's shape at stride 1, of x[:, :, ::2, ::2]'s shape at stride 2.
///
/// The zeros are a constant: no gradient flows through them (the reference's `x.mul(0.)` gives zero gradients).
public final class DARTSZero: Layer {
    public let name: String
    /// 1 or 2.
    public let stride: Int

    /// The zero operation at `stride`.
    public init(stride: Int, name: String = "") {
        self.stride = stride
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    /// (N, C, H, W) → zeros (N, C, ⌈H/stride⌉, ⌈W/stride⌉).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let shape = input.shape
        enforce(shape.count == 4, "DARTSZero '\(name)': input \(shape) is not (N, C, H, W)")
        let zeros = Tensor(zeros: [
            shape[0], shape[1], (shape[2] + stride - 1) / stride, (shape[3] + stride - 1) / stride,
        ])
        return input.tape?.constant(zeros) ?? Variable(zeros)
    }
}

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

/// DARTS's `ReLUConvBN`: ReLU, KxK convolution without bias, batch norm; parameters `"<name>.op.1.weight"` and
/// `"<name>.op.2.*"`.
func reluConvolutionBatchNorm(
    inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int, padding: Int, affine: Bool,
    name: String, using rng: inout some RandomNumberGenerator
) -> Sequential {
    Sequential(name: name + ".op", [
        ReLU(),
        Conv2D(
            inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: kernelSize, stride: stride,
            padding: padding, bias: false, name: name + ".op.1", using: &rng),
        BatchNorm(channels: outputChannels, affine: affine, name: name + ".op.2"),
    ])
}

/// The preprocessing of a DARTS cell's two inputs (`preprocess0`, `preprocess1` in `model.py` and
/// `model_search.py`), shared by the derived network and a supernet.
public enum DARTSPreprocessing {
    /// The layer that brings a cell input to the cell's C channels and resolution:
    /// ``DARTSFactorizedReduce`` (C_in → C) when the input is the output of the cell two back and the previous
    /// cell reduced (`reduction_prev`), otherwise ReLU, 1x1 convolution (C_in → C), batch norm (`ReLUConvBN`).
    ///
    /// - Parameters:
    ///   - inputChannels: the input's channels.
    ///   - outputChannels: C, the cell's channels.
    ///   - reducesResolution: true for `preprocess0` after a reduction cell.
    ///   - affine: true in the derived network, false in DARTS's search model.
    ///   - name: the module path (`"cells.3.preprocess0"`).
    ///   - rng: the generator for the weights.
    public static func makeLayer(
        inputChannels: Int, outputChannels: Int, reducesResolution: Bool, affine: Bool, name: String,
        using rng: inout some RandomNumberGenerator
    ) -> any Layer {
        reducesResolution
            ? DARTSFactorizedReduce(inputChannels: inputChannels, outputChannels: outputChannels, affine: affine, name: name, using: &rng)
            : reluConvolutionBatchNorm(
                inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: 1, stride: 1, padding: 0,
                affine: affine, name: name, using: &rng)
    }
}
