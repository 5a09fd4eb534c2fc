import Layers
import Seeding
import Tensors

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
