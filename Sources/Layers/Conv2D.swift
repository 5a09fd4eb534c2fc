import Seeding
import Tensors

/// A 2-D convolution over NCHW images, with square kernels, stride, zero padding, dilation and groups
/// (groups = channels gives a depthwise convolution).
///
/// Parameters: `"<name>.weight"` (outputs, inputs/groups, K, K), PyTorch's layout, and `"<name>.bias"`
/// (outputs) when the layer has one.
///
/// Default initialization is PyTorch's `nn.Conv2d`: weight and bias uniform in ±1/√fanIn with
/// fanIn = (inputs/groups)·K² (``Initializer/pytorchDefaultWeight``). NAS cells usually pass
/// `bias: false` (the batch norm that follows has its own offset).
public final class Conv2D: Layer {
    public let name: String
    /// The kernel, (outputs, inputs/groups, K, K).
    public let weight: Parameter
    /// The bias, (outputs), when the layer has one.
    public let bias: Parameter?
    /// The step between kernel positions.
    public let stride: Int
    /// Zeros added on each side of both spatial axes.
    public let padding: Int
    /// The spacing between kernel taps.
    public let dilation: Int
    /// The number of channel groups.
    public let groups: Int

    /// Creates a convolution with parameters `"<name>.weight"` and, when `bias` is true, `"<name>.bias"`.
    ///
    /// - Parameters:
    ///   - inputChannels: C, divisible by `groups`.
    ///   - outputChannels: O, divisible by `groups`.
    ///   - kernelSize: K, the side of the square kernel.
    ///   - stride: the step between kernel positions.
    ///   - padding: zeros added on each side.
    ///   - dilation: the spacing between kernel taps.
    ///   - groups: the number of channel groups.
    ///   - bias: whether to add a learned bias per output channel.
    ///   - weightInitializer: how the kernel is drawn (PyTorch's default unless given).
    ///   - name: the prefix of the parameter names.
    ///   - rng: the generator; the kernel is drawn first, then the bias.
    public init(
        inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
        dilation: Int = 1, groups: Int = 1, bias: Bool = true,
        weightInitializer: Initializer = .pytorchDefaultWeight,
        name: String, using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            inputChannels > 0 && outputChannels > 0 && kernelSize > 0 && stride > 0 && padding >= 0
                && dilation > 0 && groups > 0,
            "Conv2D '\(name)': invalid geometry: \(inputChannels) -> \(outputChannels) channels, kernel \(kernelSize), stride \(stride), padding \(padding), dilation \(dilation), groups \(groups)")
        enforce(
            inputChannels % groups == 0 && outputChannels % groups == 0,
            "Conv2D '\(name)': \(inputChannels) input and \(outputChannels) output channels are not both divisible by \(groups) groups")
        self.name = name
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        let shape = [outputChannels, inputChannels / groups, kernelSize, kernelSize]
        weight = Parameter(name: name + ".weight", value: weightInitializer.makeTensor(shape: shape, using: &rng))
        let fanIn = Initializer.fans(of: shape).fanIn
        self.bias = bias
            ? Parameter(
                name: name + ".bias",
                value: Initializer.pytorchDefaultBias(fanIn: fanIn).makeTensor(shape: [outputChannels], using: &rng))
            : nil
    }

    /// C, the number of input channels.
    public var inputChannels: Int { weight.shape[1] * groups }
    /// O, the number of output channels.
    public var outputChannels: Int { weight.shape[0] }
    /// K, the side of the kernel.
    public var kernelSize: Int { weight.shape[2] }

    public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

    /// Convolves x, (N, C, H, W), giving (N, O, H', W') with
    /// H' = ⌊(H + 2·padding − dilation·(K − 1) − 1) / stride⌋ + 1 (and likewise W').
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let tape = input.tape
        return conv2d(
            input, weight: weight.variable(on: tape), bias: bias?.variable(on: tape),
            stride: stride, padding: padding, dilation: dilation, groups: groups)
    }
}
