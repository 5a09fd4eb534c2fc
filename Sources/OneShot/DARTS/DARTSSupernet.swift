import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors

/// The DARTS supernet (Liu, Simonyan & Yang, "DARTS: Differentiable Architecture Search", ICLR 2019): DARTS's
/// search network, `Network` in `cnn/model_search.py` of github.com/quark0/darts (commit f276dd3).
///
/// - stem: 3x3 convolution (image channels → 3C, no bias) and an affine batch norm; its output is both inputs of
///   cell 0;
/// - `layers` cells (``DARTSSupernetConfiguration``), cells ⌊layers/3⌋ and ⌊2·layers/3⌋ reduction cells (C
///   doubled, stride 2 on the edges from the two inputs); each cell preprocesses its two inputs, then computes 4
///   intermediate nodes from mixed edges over the 8 operations of `PRIMITIVES` (their batch norms not affine,
///   every pool followed by a batch norm: `MixedOp`'s candidates,
///   ``NASModels/DARTSOperationVariant/mixedOperationCandidate``), and concatenates them (4C channels);
/// - global average pooling and a linear classifier.
///
/// Two edge groups, "normal" and "reduce", of 14 edges each (`2<-0`, `2<-1`, `3<-0`, ..., `5<-4`: node 2's two
/// inputs, node 3's three, ...; DARTS's `alphas_normal` and `alphas_reduce` rows) over the 8 operations in
/// `PRIMITIVES` order: every normal cell shares the first, every reduction cell the second.
///
/// Single paths and choices: ``selections(for:)`` runs the genotype's 8 edges per cell and turns the other 6 off;
/// ``architecture(fromChoices:)`` reads one operation per edge with `none` meaning "not an input" and refuses
/// choices that do not keep exactly two inputs per node (see there: uniform per-edge draws almost never do).
///
/// Parameter names are DARTS's `state_dict` keys (`stem.0.weight`, `cells.0.preprocess0.op.1.weight`,
/// `cells.1._ops.0._ops.3.conv_1.weight`, `classifier.bias`); the weights are drawn from the generator in module
/// order with PyTorch's default initialisation.
public final class DARTSSupernet: Supernet {
    public let space = DARTSSpace()
    /// The macro-structure.
    public let configuration: DARTSSupernetConfiguration
    let stemConvolution: Conv2D
    let stemBatchNorm: BatchNorm
    let cells: [DARTSSupernetCell]
    let classifier: Linear

    /// The input state of each of a cell's 14 edges, node by node: 0, 1 | 0, 1, 2 | 0, 1, 2, 3 | 0, 1, 2, 3, 4.
    public static let edgeInputs: [Int] = (2...5).flatMap { node in Array(0..<node) }
    /// The node (2...5) each edge feeds.
    public static let edgeNodes: [Int] = (2...5).flatMap { node in Array(repeating: node, count: node) }
    /// The edges' names, `<node><-<input>`: `2<-0`, `2<-1`, `3<-0`, ..., `5<-4`.
    public static let edgeNames: [String] = zip(edgeNodes, edgeInputs).map { "\($0)<-\($1)" }

    /// The index of the edge from state `input` into node `node` (2...5).
    public static func edgeIndex(node: Int, input: Int) -> Int {
        precondition((2...5).contains(node) && (0..<node).contains(input), "DARTSSupernet: no edge \(node)<-\(input)")
        return (node - 2) * (node + 1) / 2 + input
    }

    /// A supernet with freshly initialised weights drawn from `rng`.
    ///
    /// - Parameters:
    ///   - configuration: C, the cells, the classes and the image channels (NASKit's CPU-sized default unless
    ///     given; ``DARTSSupernetConfiguration/darts`` is DARTS's).
    ///   - rng: the weights' generator.
    /// - Throws: ``SupernetError`` for an invalid configuration (C odd or not positive, fewer than 3 cells).
    public init(
        configuration: DARTSSupernetConfiguration = DARTSSupernetConfiguration(),
        using rng: inout some RandomNumberGenerator
    ) throws(SupernetError) {
        if let problem = configuration.problem { throw SupernetError("DARTS supernet: \(problem)") }
        self.configuration = configuration
        let stemChannels = 3 * configuration.initialChannels
        stemConvolution = Conv2D(
            inputChannels: configuration.inputChannels, outputChannels: stemChannels, kernelSize: 3, padding: 1,
            bias: false, name: "stem.0", using: &rng)
        stemBatchNorm = BatchNorm(channels: stemChannels, name: "stem.1")
        var (previousPrevious, previous, channels) = (stemChannels, stemChannels, configuration.initialChannels)
        var previousWasReduction = false
        var cells: [DARTSSupernetCell] = []
        for index in 0..<configuration.layers {
            let isReduction = configuration.isReduction(cell: index)
            if isReduction { channels *= 2 }
            let cell = DARTSSupernetCell(
                previousPreviousChannels: previousPrevious, previousChannels: previous, channels: channels,
                isReduction: isReduction, previousWasReduction: previousWasReduction, name: "cells.\(index)",
                using: &rng)
            cells.append(cell)
            previousWasReduction = isReduction
            (previousPrevious, previous) = (previous, cell.outputChannels)
        }
        self.cells = cells
        classifier = Linear(inputSize: previous, outputSize: configuration.classes, name: "classifier", using: &rng)
    }

    /// "normal" and "reduce", 14 edges each, over the 8 operations in `PRIMITIVES` order.
    public var edgeGroups: [SupernetEdgeGroup] {
        let operations = DARTSOperation.allCases.map(\.name)
        return ["normal", "reduce"].map {
            SupernetEdgeGroup(name: $0, edgeNames: Self.edgeNames, operationNames: operations)
        }
    }

    /// Every weight and buffer, in DARTS's module order (stem, cells, classifier).
    public var parameters: [Parameter] {
        stemConvolution.parameters + stemBatchNorm.parameters + cells.flatMap(\.parameters) + classifier.parameters
    }

    /// Logits (N, classes) for images (N, inputChannels, H, W), H and W divisible by 4; normal cells run
    /// `selections[0]`, reduction cells `selections[1]`.
    public func callAsFunction(_ images: Variable, selections: [[EdgeSelection]], mode: ForwardMode) -> Variable {
        precondition(
            selections.count == 2 && selections.allSatisfy { $0.count == 14 },
            "DARTSSupernet: selections are not [2][14]")
        let shape = images.shape
        precondition(
            shape.count == 4 && shape[1] == configuration.inputChannels && shape[2] % 4 == 0 && shape[3] % 4 == 0,
            "DARTSSupernet: images \(shape) are not (N, \(configuration.inputChannels), H, W) with H and W divisible by 4")
        let stem = stemBatchNorm(stemConvolution(images, mode: mode), mode: mode)  // (N, 3C, H, W)
        var (s0, s1) = (stem, stem)
        for cell in cells {
            (s0, s1) = (s1, cell(s0, s1, selections: selections[cell.isReduction ? 1 : 0], mode: mode))
        }
        return classifier(globalAveragePool(s1), mode: mode)  // (N, 4C_last) -> (N, classes)
    }

    /// The genotype's 8 edges per cell as `.single(operation)`, every other edge ``EdgeSelection/off``.
    public func selections(for architecture: DARTSArchitecture) -> [[EdgeSelection]] {
        architecture.cells.map { cell in
            var selections = Array(repeating: EdgeSelection.off, count: 14)
            for (position, edge) in cell.edges.enumerated() {
                let index = Self.edgeIndex(node: DARTSCell.node(ofEdge: position), input: edge.input)
                selections[index] = .single(edge.operation.rawValue)
            }
            return selections
        }
    }
}
