import Layers
import NASSpaces
import Tensors

/// What a NATS-Bench size-space network is built for: its classes and image channels.
public struct SizeNetworkConfiguration: Hashable, Codable, Sendable {
    /// The classifier's outputs: 10 for CIFAR-10 (the default), 100 for CIFAR-100, 120 for ImageNet16-120.
    public var classes: Int
    /// The image channels. Default 3.
    public var inputChannels: Int

    /// The benchmark's network for `classes` classes.
    public init(classes: Int = 10, inputChannels: Int = 3) {
        self.classes = classes
        self.inputChannels = inputChannels
    }
}

/// The network NATS-Bench trains for a size-space architecture `c0:c1:c2:c3:c4` (Dong, Liu, Musial & Gabrys,
/// "NATS-Bench", TPAMI 2021, § 3.2; xautodl's `DynamicShapeTinyNet` in `models/shape_infers/InferTinyCellNet.py`,
/// AutoDL-Projects commit f46486e21b71ae6459a700be720d7648b5429569, with one stage per width group, N = 1):
///
/// | module | block | widths |
/// |---|---|---|
/// | `stem` | 3x3 convolution (no bias), batch norm | inputChannels -> c0 |
/// | `cells.0` | the fixed cell (``SizeCell``) | c0 -> c0 |
/// | `cells.1` | residual reduction block, stride 2 (`NB201ResidualBlock`) | c0 -> c1 |
/// | `cells.2` | the fixed cell | c1 -> c2 |
/// | `cells.3` | residual reduction block, stride 2 | c2 -> c3 |
/// | `cells.4` | the fixed cell | c3 -> c4 |
/// | `lastact`, `classifier` | batch norm, ReLU, global average pooling, linear (with bias) | c4 -> classes |
///
/// A cell whose widths differ widens on its edges from node 0 and turns its skip into a 1x1 convolution with batch
/// norm. Parameter names are xautodl's `state_dict` keys. ``cost(inputHeight:inputWidth:)`` counts as NATS-Bench
/// counts: `8:8:40:32:40` has 144,834 parameters on CIFAR-10, `8:8:8:8:8` 11,714 and `64:64:64:64:64` 713,674.
public final class SizeNetwork: Layer {
    public let name: String
    /// The widths.
    public let architecture: SizeArchitecture
    /// Classes and input channels.
    public let configuration: SizeNetworkConfiguration
    let stemConvolution: Conv2D
    let stemBatchNorm: BatchNorm
    /// Cells and reduction blocks in order, as xautodl's `cells` list.
    let body: [any Layer]
    let lastBatchNorm: BatchNorm
    let classifier: Linear

    /// Builds the network with freshly initialised weights (PyTorch's default initialisation, drawn from `rng` in
    /// module order).
    ///
    /// - Parameters:
    ///   - architecture: the five widths.
    ///   - configuration: classes and input channels (CIFAR-10's by default).
    ///   - name: a prefix for parameter names; empty (the default) gives xautodl's keys.
    ///   - rng: the generator for the initial weights.
    public init(
        architecture: SizeArchitecture, configuration: SizeNetworkConfiguration = SizeNetworkConfiguration(),
        name: String = "", using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            configuration.classes > 0 && configuration.inputChannels > 0,
            "SizeNetwork: invalid configuration \(configuration)")
        self.name = name
        self.architecture = architecture
        self.configuration = configuration
        let prefix = name.isEmpty ? "" : name + "."
        let widths = architecture.channels
        stemConvolution = Conv2D(
            inputChannels: configuration.inputChannels, outputChannels: widths[0], kernelSize: 3, padding: 1,
            bias: false, name: prefix + "stem.0", using: &rng)
        stemBatchNorm = BatchNorm(channels: widths[0], name: prefix + "stem.1")
        // xautodl: layer k has width c_k and reads the previous layer's; layers 1 and 3 reduce.
        var body: [any Layer] = []
        var previous = widths[0]
        for (layer, width) in widths.enumerated() {
            let moduleName = prefix + "cells.\(layer)"
            if layer % 2 == 1 {
                body.append(NB201ResidualBlock(
                    inputChannels: previous, outputChannels: width, name: moduleName, using: &rng))
            } else {
                body.append(SizeCell(inputChannels: previous, outputChannels: width, name: moduleName, using: &rng))
            }
            previous = width
        }
        self.body = body
        lastBatchNorm = BatchNorm(channels: previous, name: prefix + "lastact.0")
        classifier = Linear(
            inputSize: previous, outputSize: configuration.classes, name: prefix + "classifier", using: &rng)
    }

    public var parameters: [Parameter] {
        stemConvolution.parameters + stemBatchNorm.parameters + body.flatMap(\.parameters)
            + lastBatchNorm.parameters + classifier.parameters
    }

    /// Images (N, inputChannels, H, W), H and W divisible by 4, to logits (N, classes).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let shape = input.shape
        enforce(
            shape.count == 4 && shape[1] == configuration.inputChannels && shape[2] % 4 == 0 && shape[3] % 4 == 0,
            "SizeNetwork: input \(shape) is not (N, \(configuration.inputChannels), H, W) with H and W divisible by 4")
        var features = stemBatchNorm(stemConvolution(input, mode: mode), mode: mode)
        for layer in body {
            features = layer(features, mode: mode)
        }
        features = relu(lastBatchNorm(features, mode: mode))
        return classifier(globalAveragePool(features), mode: mode)  // (N, c4) -> (N, classes)
    }

    /// The layers NATS-Bench's counter counts for inputs of `inputHeight` x `inputWidth`: the stem, every
    /// convolution of the cells (the widening skips' 1x1 convolutions too), the reduction blocks' three
    /// convolutions, and the classifier.
    public func countedLayers(inputHeight: Int = 32, inputWidth: Int = 32) -> [CountedLayer] {
        var layers: [CountedLayer] = [.convolution(stemConvolution, inputHeight: inputHeight, inputWidth: inputWidth)]
        var (height, width) = (inputHeight, inputWidth)
        for layer in body {
            if let cell = layer as? SizeCell {
                layers += cell.countedLayers(height: height, width: width)
            } else if let block = layer as? NB201ResidualBlock {
                layers += block.countedLayers(height: height, width: width)
                (height, width) = block.firstConvolution.outputSize(inputHeight: height, inputWidth: width)
            }
        }
        return layers + [.linear(classifier)]
    }

    /// Trainable parameters and multiply-adds per example for inputs of `inputHeight` x `inputWidth` (32x32 for
    /// CIFAR, 16x16 for ImageNet16-120), counted as NATS-Bench counts them (convolutions and the classifier).
    public func cost(inputHeight: Int = 32, inputWidth: Int = 32) -> ModelCost {
        ModelCost(parameters: parameters, countedLayers: countedLayers(inputHeight: inputHeight, inputWidth: inputWidth))
    }
}
