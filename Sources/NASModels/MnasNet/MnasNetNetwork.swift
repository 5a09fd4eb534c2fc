import Layers
import NASSpaces
import Seeding
import Tensors

/// The network of an MnasNet-like architecture (Tan et al., CVPR 2019, § 4) on its skeleton
/// (``MnasNetSkeleton``; MnasNet-A1 halved for 32x32 CIFAR images by default):
///
/// - stem: 3x3 convolution (stride from the skeleton, padding 1, no bias), batch norm, ReLU;
/// - the blocks' MBConv layers (``MBConvLayer``), as ``MnasNetSkeleton/layers(of:)`` lays them out;
/// - head: 1x1 convolution to the head width (no bias), batch norm, ReLU;
/// - classifier: global average pooling and a linear layer with bias (``PooledClassifier``).
///
/// This is MnasNet-A1's macro-structure (the reference `tensorflow/tpu` `mnasnet_model.py`) without dropout.
/// Parameter names: `stem.conv.weight`, `stem.bn.*`, `blocks.<b>.<l>.<MBConv names>`, `head.conv.weight`,
/// `head.bn.*`, `classifier.weight`, `classifier.bias`.
public final class MnasNetNetwork: Layer {
    public let name: String
    /// The architecture the blocks follow.
    public let architecture: MnasNetArchitecture
    /// The fixed macro-structure.
    public let skeleton: MnasNetSkeleton
    /// The classifier's outputs.
    public let classes: Int
    /// The stem: convolution, batch norm, ReLU.
    public let stem: ConvolutionBatchNormReLU
    /// The MBConv layers in order, and where each sits.
    public let layers: [MBConvLayer]
    public let geometries: [MnasNetLayerGeometry]
    /// The head: 1x1 convolution, batch norm, ReLU.
    public let head: ConvolutionBatchNormReLU
    /// Global average pooling and the linear classifier.
    public let classifier: PooledClassifier

    /// Builds the network with PyTorch's default initialisation, drawn from `rng` in module order.
    ///
    /// - Parameters:
    ///   - architecture: one choice per skeleton block.
    ///   - skeleton: the fixed macro-structure (the space's).
    ///   - classes: the classifier's outputs (10 for CIFAR-10).
    ///   - name: a prefix for parameter names (empty: none).
    ///   - rng: the generator for the initial weights.
    public init(
        architecture: MnasNetArchitecture, skeleton: MnasNetSkeleton = .cifar, classes: Int = 10,
        name: String = "", using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            architecture.blocks.count == skeleton.blocks.count && classes > 0,
            "MnasNetNetwork: the architecture has \(architecture.blocks.count) blocks and the skeleton \(skeleton.blocks.count), with \(classes) classes; build it from an architecture of the same space")
        self.name = name
        self.architecture = architecture
        self.skeleton = skeleton
        self.classes = classes
        let prefix = name.isEmpty ? "" : name + "."
        stem = ConvolutionBatchNormReLU(
            inputChannels: skeleton.inputChannels, outputChannels: skeleton.stemChannels, kernelSize: 3,
            stride: skeleton.stemStride, name: prefix + "stem", using: &rng)
        geometries = skeleton.layers(of: architecture)
        layers = geometries.map { geometry in
            MBConvLayer(geometry: geometry, name: prefix + "blocks.\(geometry.block).\(geometry.layer)", using: &rng)
        }
        head = ConvolutionBatchNormReLU(
            inputChannels: skeleton.blocks.last!.outputChannels, outputChannels: skeleton.headChannels, kernelSize: 1,
            stride: 1, name: prefix + "head", using: &rng)
        classifier = PooledClassifier(
            inputChannels: skeleton.headChannels, classes: classes, name: prefix + "classifier", using: &rng)
    }

    public var parameters: [Parameter] {
        stem.parameters + layers.flatMap(\.parameters) + head.parameters + classifier.parameters
    }

    /// Images (N, inputChannels, R, R), R the skeleton's input resolution, to logits (N, classes).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let shape = input.shape
        let side = skeleton.inputResolution
        enforce(
            shape == [shape.first ?? 0, skeleton.inputChannels, side, side],
            "MnasNetNetwork: input \(shape) is not (N, \(skeleton.inputChannels), \(side), \(side))")
        var features = stem(input, mode: mode)
        for layer in layers {
            features = layer(features, mode: mode)
        }
        return classifier(head(features, mode: mode), mode: mode)
    }

    /// Every convolution with its input size, and the classifier.
    public var countedLayers: [CountedLayer] {
        let side = skeleton.inputResolution
        var counted: [CountedLayer] = [.convolution(stem.convolution, inputHeight: side, inputWidth: side)]
        for (layer, geometry) in zip(layers, geometries) {
            counted += layer.countedLayers(inputResolution: geometry.inputResolution)
        }
        let headSide = skeleton.headResolution
        return counted + [.convolution(head.convolution, inputHeight: headSide, inputWidth: headSide),
            .linear(classifier.linear)]
    }

    /// Trainable parameters and multiply-adds per example, counted as ``CountedLayer`` counts: convolutions
    /// (the squeeze-and-excitation ones at one pixel) and the classifier; nothing for batch norm, activations,
    /// pooling, the squeeze-and-excitation scaling or residual sums.
    public func cost() -> ModelCost {
        ModelCost(parameters: parameters, countedLayers: countedLayers)
    }
}

extension MBConvLayer {
    /// The layer `geometry` describes.
    public convenience init(
        geometry: MnasNetLayerGeometry, name: String, using rng: inout some RandomNumberGenerator
    ) {
        self.init(
            inputChannels: geometry.inputChannels, outputChannels: geometry.outputChannels, stride: geometry.stride,
            expansion: geometry.expansion, kernelSize: geometry.kernelSize,
            squeezeExcitation: geometry.squeezeExcitation, residual: geometry.residual, name: name, using: &rng)
    }
}
