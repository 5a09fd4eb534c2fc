import Layers
import NASSpaces
import Seeding
import Tensors

/// The macro-structure of NAS-Bench-201's network; the defaults are the benchmark's.
public struct NB201NetworkConfiguration: Hashable, Codable, Sendable {
    /// C, the stem's channels and the first stage's (the stages have C, 2C, 4C). Default 16.
    public var stemChannels: Int
    /// N, the cells per stage. Default 5.
    public var cellsPerStage: Int
    /// The classifier's outputs: 10 for CIFAR-10, 100 for CIFAR-100, 120 for ImageNet16-120.
    public var classes: Int
    /// The image channels. Default 3.
    public var inputChannels: Int

    /// The benchmark's network for `classes` classes.
    public init(stemChannels: Int = 16, cellsPerStage: Int = 5, classes: Int = 10, inputChannels: Int = 3) {
        self.stemChannels = stemChannels
        self.cellsPerStage = cellsPerStage
        self.classes = classes
        self.inputChannels = inputChannels
    }
}

/// The network NAS-Bench-201 trains for a cell (Dong & Yang, ICLR 2020; the benchmark's `TinyNetwork`).
///
/// - stem: 3x3 convolution (C channels, no bias) and batch norm;
/// - three stages of N cells at C, 2C and 4C channels, joined by residual reduction blocks (stride 2, see
///   `NB201ResidualBlock`); every cell has the same architecture;
/// - head: batch norm, ReLU, global average pooling, linear classifier (with bias).
///
/// Batch norms have scale, offset and running statistics; convolutions have no bias. Parameter names are the
/// benchmark's PyTorch `state_dict` keys (`stem.0.weight`, `cells.3.layers.2.op.1.weight`,
/// `cells.5.conv_a.op.2.running_var`, `lastact.0.bias`, `classifier.weight`), so weights can be exchanged with it.
/// With the default configuration on 32x32 inputs the parameter count and multiply-adds equal the benchmark's
/// (``cost(inputHeight:inputWidth:)``).
public final class NB201Network: Layer {
    public let name: String
    /// The cell every stage repeats.
    public let architecture: NB201Architecture
    /// The macro-structure.
    public let configuration: NB201NetworkConfiguration
    let stemConvolution: Conv2D
    let stemBatchNorm: BatchNorm
    /// Cells and reduction blocks in order, as the benchmark's `cells` list.
    let body: [any Layer]
    let lastBatchNorm: BatchNorm
    let classifier: Linear

    /// Builds the network with freshly initialised weights (PyTorch's default initialisation, drawn from `rng` in
    /// module order).
    ///
    /// - Parameters:
    ///   - architecture: the cell.
    ///   - configuration: the macro-structure (the benchmark's by default).
    ///   - name: a prefix for parameter names; empty (the default) gives the benchmark's keys.
    ///   - rng: the generator for the initial weights.
    public init(
        architecture: NB201Architecture, configuration: NB201NetworkConfiguration = NB201NetworkConfiguration(),
        name: String = "", using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            configuration.stemChannels > 0 && configuration.cellsPerStage >= 0 && configuration.classes > 0
                && configuration.inputChannels > 0,
            "NB201Network: invalid configuration \(configuration)")
        self.name = name
        self.architecture = architecture
        self.configuration = configuration
        let prefix = name.isEmpty ? "" : name + "."
        let channels = configuration.stemChannels
        stemConvolution = Conv2D(
            inputChannels: configuration.inputChannels, outputChannels: channels, kernelSize: 3, padding: 1,
            bias: false, name: prefix + "stem.0", using: &rng)
        stemBatchNorm = BatchNorm(channels: channels, name: prefix + "stem.1")
        var body: [any Layer] = []
        for stage in 0..<3 {
            let stageChannels = channels << stage
            if stage > 0 {
                body.append(NB201ResidualBlock(
                    inputChannels: stageChannels / 2, outputChannels: stageChannels,
                    name: prefix + "cells.\(body.count)", using: &rng))
            }
            for _ in 0..<configuration.cellsPerStage {
                body.append(NB201Cell(
                    architecture: architecture, channels: stageChannels, name: prefix + "cells.\(body.count)",
                    using: &rng))
            }
        }
        self.body = body
        lastBatchNorm = BatchNorm(channels: channels * 4, name: prefix + "lastact.0")
        classifier = Linear(
            inputSize: channels * 4, outputSize: configuration.classes, name: prefix + "classifier", using: &rng)
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
            "NB201Network: input \(shape) is not (N, \(configuration.inputChannels), H, W) with H and W divisible by 4")
        var features = stemBatchNorm(stemConvolution(input, mode: mode), mode: mode)
        for layer in body {
            features = layer(features, mode: mode)
        }
        features = relu(lastBatchNorm(features, mode: mode))
        return classifier(globalAveragePool(features), mode: mode)  // (N, 4C) -> (N, classes)
    }

    /// The layers NAS-Bench-201's counter counts, for inputs of `inputHeight` x `inputWidth`: the stem, every
    /// convolution of every cell (also on edges whose result is unused, as the benchmark runs them), the
    /// reduction blocks' three convolutions, and the classifier.
    public func countedLayers(inputHeight: Int = 32, inputWidth: Int = 32) -> [CountedLayer] {
        var layers: [CountedLayer] = [.convolution(stemConvolution, inputHeight: inputHeight, inputWidth: inputWidth)]
        var (height, width) = (inputHeight, inputWidth)
        for layer in body {
            if let cell = layer as? NB201Cell {
                layers += cell.countedLayers(height: height, width: width)
            } else if let block = layer as? NB201ResidualBlock {
                layers += block.countedLayers(height: height, width: width)
                (height, width) = block.firstConvolution.outputSize(inputHeight: height, inputWidth: width)
            }
        }
        return layers + [.linear(classifier)]
    }

    /// Trainable parameters and multiply-adds per example for inputs of `inputHeight` x `inputWidth` (32x32 for
    /// CIFAR, 16x16 for ImageNet16-120), counted as NAS-Bench-201 counts them.
    ///
    /// For the cell with every edge `nor_conv_3x3` on CIFAR-10: 1,531,546 parameters and 220,119,690
    /// multiply-adds (220.11969 MFLOPs in the benchmark's tables).
    public func cost(inputHeight: Int = 32, inputWidth: Int = 32) -> ModelCost {
        ModelCost(parameters: parameters, countedLayers: countedLayers(inputHeight: inputHeight, inputWidth: inputWidth))
    }
}
