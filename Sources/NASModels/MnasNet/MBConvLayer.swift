import Layers
import NASSpaces
import Seeding
import Tensors

/// One inverted-residual layer, MBConv (Sandler et al., "MobileNetV2", CVPR 2018; as MnasNet searches it, Tan et
/// al., CVPR 2019, § 4; the reference `tensorflow/tpu` `mnasnet_model.py`, `MnasBlock`):
///
/// 1. 1x1 expansion to C·e channels, batch norm, ReLU (left out when e = 1);
/// 2. K×K depthwise convolution (groups = C·e) with stride s and padding K/2, batch norm, ReLU;
/// 3. optionally squeeze-and-excitation with squeeze width max(1, ⌊C · 0.25⌋) (C the layer's *input* channels,
///    as the reference computes it);
/// 4. 1x1 projection to O channels, batch norm (no activation);
/// 5. optionally the identity residual (only with stride 1 and C = O).
///
/// The activation is ReLU, MnasNet's (MobileNetV2 uses ReLU6, which the engine does not have). Convolutions have
/// no bias; batch norms use the engine's PyTorch defaults (momentum 0.1, ε 1e-5; the reference's TensorFlow values
/// are momentum 0.99 = PyTorch 0.01 and ε 1e-3). No drop-connect.
///
/// Parameter names: `"<name>.expand.weight"`, `"<name>.expand_bn.*"`, `"<name>.depthwise.weight"`,
/// `"<name>.depthwise_bn.*"`, `"<name>.se.reduce.*"`, `"<name>.se.expand.*"`, `"<name>.project.weight"`,
/// `"<name>.project_bn.*"`.
///
/// This is the builder a ProxylessNAS supernet's candidate paths are made of.
public final class MBConvLayer: Layer {
    public let name: String
    /// C.
    public let inputChannels: Int
    /// O.
    public let outputChannels: Int
    /// s, the depthwise convolution's stride.
    public let stride: Int
    /// e; the hidden width is C·e.
    public let expansion: Int
    /// K, the depthwise kernel's side.
    public let kernelSize: Int
    /// Whether the layer adds its input to its output.
    public let hasResidual: Bool
    let expand: Conv2D?
    let expandBatchNorm: BatchNorm?
    let depthwise: Conv2D
    let depthwiseBatchNorm: BatchNorm
    let squeezeExcitation: SqueezeExcitation?
    let project: Conv2D
    let projectBatchNorm: BatchNorm

    /// Builds the layer with PyTorch's default initialisation, drawn from `rng` in module order (expansion,
    /// depthwise, squeeze-and-excitation, projection).
    ///
    /// - Parameters:
    ///   - inputChannels: C.
    ///   - outputChannels: O.
    ///   - stride: the depthwise convolution's stride (1 or 2).
    ///   - expansion: e ≥ 1; 1 leaves out the expansion convolution.
    ///   - kernelSize: K, odd.
    ///   - squeezeExcitation: whether to apply squeeze-and-excitation (ratio 0.25 of C).
    ///   - residual: whether to add the identity; requires stride 1 and C = O.
    ///   - name: the prefix of the parameter names.
    ///   - rng: the generator for the initial weights.
    public init(
        inputChannels: Int, outputChannels: Int, stride: Int, expansion: Int, kernelSize: Int,
        squeezeExcitation: Bool, residual: Bool, name: String, using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            inputChannels > 0 && outputChannels > 0 && stride > 0 && expansion > 0 && kernelSize % 2 == 1,
            "MBConvLayer '\(name)': invalid geometry: \(inputChannels) -> \(outputChannels) channels, stride \(stride), expansion \(expansion), kernel \(kernelSize) (odd kernels only)")
        enforce(
            !residual || (stride == 1 && inputChannels == outputChannels),
            "MBConvLayer '\(name)': an identity residual needs stride 1 and equal channels, got stride \(stride) and \(inputChannels) -> \(outputChannels); pass residual: false")
        self.name = name
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.stride = stride
        self.expansion = expansion
        self.kernelSize = kernelSize
        hasResidual = residual
        let hidden = inputChannels * expansion
        if expansion > 1 {
            expand = Conv2D(
                inputChannels: inputChannels, outputChannels: hidden, kernelSize: 1, bias: false,
                name: name + ".expand", using: &rng)
            expandBatchNorm = BatchNorm(channels: hidden, name: name + ".expand_bn")
        } else {
            expand = nil
            expandBatchNorm = nil
        }
        depthwise = Conv2D(
            inputChannels: hidden, outputChannels: hidden, kernelSize: kernelSize, stride: stride,
            padding: kernelSize / 2, groups: hidden, bias: false, name: name + ".depthwise", using: &rng)
        depthwiseBatchNorm = BatchNorm(channels: hidden, name: name + ".depthwise_bn")
        self.squeezeExcitation = squeezeExcitation
            ? SqueezeExcitation(
                channels: hidden, squeezedChannels: Self.squeezedChannels(inputChannels: inputChannels),
                name: name + ".se", using: &rng)
            : nil
        project = Conv2D(
            inputChannels: hidden, outputChannels: outputChannels, kernelSize: 1, bias: false,
            name: name + ".project", using: &rng)
        projectBatchNorm = BatchNorm(channels: outputChannels, name: name + ".project_bn")
    }

    /// The squeeze width for a layer with `inputChannels` inputs: max(1, ⌊C · 0.25⌋).
    public static func squeezedChannels(inputChannels: Int) -> Int {
        max(1, Int(Double(inputChannels) * MnasNetBlock.squeezeExcitationRatio))
    }

    /// Whether the layer has squeeze-and-excitation.
    public var hasSqueezeExcitation: Bool { squeezeExcitation != nil }

    public var parameters: [Parameter] {
        (expand?.parameters ?? []) + (expandBatchNorm?.parameters ?? []) + depthwise.parameters
            + depthwiseBatchNorm.parameters + (squeezeExcitation?.parameters ?? []) + project.parameters
            + projectBatchNorm.parameters
    }

    /// (N, C, H, W) -> (N, O, ⌈H/s⌉, ⌈W/s⌉).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        enforce(
            input.rank == 4 && input.shape[1] == inputChannels,
            "MBConvLayer '\(name)': input \(input.shape) is not (N, \(inputChannels), H, W)")
        var features = input
        if let expand, let expandBatchNorm {
            features = relu(expandBatchNorm(expand(features, mode: mode), mode: mode))  // (N, C·e, H, W)
        }
        features = relu(depthwiseBatchNorm(depthwise(features, mode: mode), mode: mode))  // (N, C·e, H/s, W/s)
        if let squeezeExcitation {
            features = squeezeExcitation(features, mode: mode)
        }
        features = projectBatchNorm(project(features, mode: mode), mode: mode)  // (N, O, H/s, W/s)
        return hasResidual ? features + input : features
    }

    /// The convolutions for an input of `inputResolution` x `inputResolution` pixels.
    public func countedLayers(inputResolution: Int) -> [CountedLayer] {
        let reduced = depthwise.outputSize(inputHeight: inputResolution, inputWidth: inputResolution)
        var layers: [CountedLayer] = []
        if let expand {
            layers.append(.convolution(expand, inputHeight: inputResolution, inputWidth: inputResolution))
        }
        layers.append(.convolution(depthwise, inputHeight: inputResolution, inputWidth: inputResolution))
        layers += squeezeExcitation?.countedLayers ?? []
        layers.append(.convolution(project, inputHeight: reduced.height, inputWidth: reduced.width))
        return layers
    }

    /// Trainable parameters and multiply-adds per example for an input of `inputResolution` pixels a side.
    public func cost(inputResolution: Int) -> ModelCost {
        ModelCost(parameters: parameters, countedLayers: countedLayers(inputResolution: inputResolution))
    }
}
