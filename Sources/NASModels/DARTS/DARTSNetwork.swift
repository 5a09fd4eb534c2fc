import Layers
import NASSpaces
import Seeding
import Tensors

/// The network DARTS trains for a genotype (Liu, Simonyan & Yang, ICLR 2019; `NetworkCIFAR` in `cnn/model.py` of
/// github.com/quark0/darts, commit f276dd3):
///
/// - stem: 3x3 convolution (input → 3C channels, no bias) and batch norm; its output is both inputs of cell 0;
/// - `layers` cells (``DARTSNetworkCell``), each reading the outputs of the two cells before it; cells
///   ⌊layers/3⌋ and ⌊2·layers/3⌋ are reduction cells (the genotype's `reduce`, stride 2, C doubled), the others
///   normal cells; a cell's output has 4C channels;
/// - optionally the auxiliary head (``DARTSAuxiliaryHead``) on cell ⌊2·layers/3⌋'s output, built only when the
///   configuration asks and run only in training;
/// - global average pooling and a linear classifier (with bias).
///
/// Batch norms have scale, offset and running statistics; convolutions have no bias; initial weights are PyTorch's
/// defaults drawn from the generator in module order. Parameter names are the reference's `state_dict` keys
/// (`stem.0.weight`, `cells.0.preprocess0.op.1.weight`, `cells.2._ops.3.conv_1.weight`,
/// `cells.0._ops.0.op.7.running_var`, `auxiliary_head.classifier.weight`, `classifier.bias`). DARTS_V2 with the
/// paper's configuration (C = 36, 20 cells) has 3,349,342 parameters without the auxiliary head, the "3.3M" of
/// the paper's Table 1 (``cost(inputHeight:inputWidth:)``).
public final class DARTSNetwork: Layer {
    public let name: String
    /// The genotype every cell follows (normal or reduction).
    public let architecture: DARTSArchitecture
    /// The macro-structure.
    public let configuration: DARTSNetworkConfiguration
    let stemConvolution: Conv2D
    let stemBatchNorm: BatchNorm
    let cells: [DARTSNetworkCell]
    let auxiliaryHead: DARTSAuxiliaryHead?
    let classifier: Linear

    /// Builds the network with freshly initialised weights.
    ///
    /// - Parameters:
    ///   - architecture: the genotype.
    ///   - configuration: the macro-structure (NASKit's CPU-sized default unless given).
    ///   - name: a prefix for parameter names; empty (the default) gives the reference's keys.
    ///   - rng: the generator for the initial weights.
    public init(
        architecture: DARTSArchitecture, configuration: DARTSNetworkConfiguration = DARTSNetworkConfiguration(),
        name: String = "", using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            configuration.initialChannels > 0 && configuration.layers >= 3
                && configuration.classes > 0 && configuration.inputChannels > 0
                && configuration.dropPathProbability >= 0 && configuration.dropPathProbability < 1,
            "DARTSNetwork: invalid configuration \(configuration); give positive channels, at least 3 layers, classes > 0 and a drop-path probability in [0, 1)")
        self.name = name
        self.architecture = architecture
        self.configuration = configuration
        let prefix = name.isEmpty ? "" : name + "."
        let stemChannels = 3 * configuration.initialChannels
        stemConvolution = Conv2D(
            inputChannels: configuration.inputChannels, outputChannels: stemChannels, kernelSize: 3, padding: 1,
            bias: false, name: prefix + "stem.0", using: &rng)
        stemBatchNorm = BatchNorm(channels: stemChannels, name: prefix + "stem.1")
        var (previousPrevious, previous, channels) = (stemChannels, stemChannels, configuration.initialChannels)
        var previousWasReduction = false
        var cells: [DARTSNetworkCell] = []
        var auxiliaryChannels = previous
        for index in 0..<configuration.layers {
            let isReduction = configuration.isReduction(cell: index)
            if isReduction { channels *= 2 }
            let cell = DARTSNetworkCell(
                cell: isReduction ? architecture.reduction : architecture.normal,
                previousPreviousChannels: previousPrevious, previousChannels: previous, channels: channels,
                isReduction: isReduction, previousWasReduction: previousWasReduction, name: prefix + "cells.\(index)",
                using: &rng)
            cells.append(cell)
            previousWasReduction = isReduction
            (previousPrevious, previous) = (previous, cell.outputChannels)
            if index == 2 * configuration.layers / 3 { auxiliaryChannels = previous }
        }
        self.cells = cells
        auxiliaryHead = configuration.auxiliary
            ? DARTSAuxiliaryHead(
                inputChannels: auxiliaryChannels, classes: configuration.classes, name: prefix + "auxiliary_head",
                using: &rng)
            : nil
        classifier = Linear(inputSize: previous, outputSize: configuration.classes, name: prefix + "classifier", using: &rng)
    }

    /// Every parameter and buffer, in the reference's module order (stem, cells, auxiliary head, classifier).
    public var parameters: [Parameter] {
        stemConvolution.parameters + stemBatchNorm.parameters + cells.flatMap(\.parameters)
            + (auxiliaryHead?.parameters ?? []) + classifier.parameters
    }

    /// Images (N, inputChannels, H, W), H and W divisible by 4, to logits (N, classes), with the configuration's
    /// drop-path probability; the auxiliary logits are dropped (see ``forward(_:mode:dropPathProbability:)``).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        forward(input, mode: mode, dropPathProbability: configuration.dropPathProbability).logits
    }

    /// The main logits and, in training with an auxiliary head, the auxiliary logits (DARTS's
    /// `logits, logits_aux`; its trainer adds 0.4 times the auxiliary loss).
    ///
    /// - Parameters:
    ///   - input: images (N, inputChannels, H, W), H and W divisible by 4 (and 32x32 with an auxiliary head).
    ///   - mode: training (batch statistics, drop path, auxiliary head) or evaluation.
    ///   - dropPathProbability: the probability of dropping each non-identity operation's output per example,
    ///     in training only.
    public func forward(
        _ input: Variable, mode: ForwardMode, dropPathProbability: Float
    ) -> (logits: Variable, auxiliaryLogits: Variable?) {
        let shape = input.shape
        enforce(
            shape.count == 4 && shape[1] == configuration.inputChannels && shape[2] % 4 == 0 && shape[3] % 4 == 0,
            "DARTSNetwork: input \(shape) is not (N, \(configuration.inputChannels), H, W) with H and W divisible by 4")
        let stem = stemBatchNorm(stemConvolution(input, mode: mode), mode: mode)  // (N, 3C, H, W)
        var (s0, s1) = (stem, stem)
        var auxiliaryLogits: Variable?
        for (index, cell) in cells.enumerated() {
            (s0, s1) = (s1, cell(s0, s1, mode: mode, dropPathProbability: dropPathProbability))
            if index == 2 * configuration.layers / 3, mode.isTraining, let auxiliaryHead {
                auxiliaryLogits = auxiliaryHead(s1, mode: mode)
            }
        }
        let logits = classifier(globalAveragePool(s1), mode: mode)  // (N, 4C_last) -> (N, classes)
        return (logits, auxiliaryLogits)
    }
}
