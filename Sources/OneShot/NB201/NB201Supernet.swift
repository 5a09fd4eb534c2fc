import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors

/// The NAS-Bench-201 supernet (the skeleton of the benchmark's one-shot experiments, xautodl
/// `TinyNetworkDarts`): a 3x3 stem convolution and batch norm, three stages of N supernet cells at C, 2C and 4C
/// channels joined by the benchmark's residual reduction blocks, then batch norm, ReLU, global average pooling and
/// a linear classifier. All cells share one edge group ("cell": the six edges, five operations each), as in the
/// benchmark, so a derived architecture is one cell.
///
/// The skeleton's own layers (stem, reduction blocks, head) are the benchmark's, with affine batch norms and
/// running statistics; only the candidate operations use the search's batch norms
/// (``nb201CandidateOperations(_:channels:name:using:)``).
public final class NB201Supernet: Supernet {
    public let space = NB201Space()
    /// The macro-structure (C, N, classes, image channels), NB201NetworkConfiguration's meaning.
    public let configuration: NB201NetworkConfiguration
    /// The candidate operations of every edge, in NB201Operation's order (all five unless restricted).
    public let operations: [NB201Operation]
    let stemConvolution: Conv2D
    let stemBatchNorm: BatchNorm
    /// The cells of the three stages, in order.
    let cells: [[NB201SupernetCell]]
    /// The blocks between stages 1-2 and 2-3.
    let reductions: [NB201ResidualBlock]
    let lastBatchNorm: BatchNorm
    let classifier: Linear

    /// A supernet with freshly initialised weights drawn from `rng` (PyTorch's default initialisation).
    ///
    /// - Parameters:
    ///   - configuration: C, N, the classes and the image channels.
    ///   - operationNames: the candidate operations by NB201 name (all five when nil), e.g. without `none`.
    ///   - rng: the weights' generator.
    /// - Throws: ``SupernetError`` for an operation NB201 does not have, a repeated or empty list, or an invalid
    ///   configuration.
    public init(
        configuration: NB201NetworkConfiguration, operationNames: [String]? = nil,
        using rng: inout some RandomNumberGenerator
    ) throws(SupernetError) {
        guard configuration.stemChannels > 0 && configuration.cellsPerStage > 0 && configuration.classes > 0
            && configuration.inputChannels > 0
        else {
            throw SupernetError(
                "NB201 supernet: C, N, classes and image channels must be positive, got \(configuration)")
        }
        let valid = NB201Operation.allCases.map(\.name)
        let names = operationNames ?? valid
        for name in names where !valid.contains(name) {
            throw SupernetError(
                "NB201 supernet: '\(name)' is not an operation of the nb201 space; its operations are "
                    + valid.joined(separator: ", "))
        }
        guard !names.isEmpty, Set(names).count == names.count else {
            throw SupernetError(
                "NB201 supernet: the operations \(names) must be a non-empty list without repeats")
        }
        let operations = NB201Operation.allCases.filter { names.contains($0.name) }
        self.operations = operations
        self.configuration = configuration
        let channels = configuration.stemChannels
        stemConvolution = Conv2D(
            inputChannels: configuration.inputChannels, outputChannels: channels, kernelSize: 3, padding: 1,
            bias: false, name: "stem.0", using: &rng)
        stemBatchNorm = BatchNorm(channels: channels, name: "stem.1")
        var cells: [[NB201SupernetCell]] = []
        var reductions: [NB201ResidualBlock] = []
        for stage in 0..<3 {
            let stageChannels = channels << stage
            if stage > 0 {
                reductions.append(NB201ResidualBlock(
                    inputChannels: stageChannels / 2, outputChannels: stageChannels, name: "reductions.\(stage - 1)",
                    using: &rng))
            }
            cells.append((0..<configuration.cellsPerStage).map { index in
                NB201SupernetCell(
                    channels: stageChannels, operations: operations, name: "stages.\(stage).cells.\(index)",
                    using: &rng)
            })
        }
        self.cells = cells
        self.reductions = reductions
        lastBatchNorm = BatchNorm(channels: channels * 4, name: "lastact.0")
        classifier = Linear(
            inputSize: channels * 4, outputSize: configuration.classes, name: "classifier", using: &rng)
    }

    public var edgeGroups: [SupernetEdgeGroup] {
        [SupernetEdgeGroup(
            name: "cell", edgeNames: NB201Architecture.edges.map(\.description),
            operationNames: operations.map(\.name))]
    }

    public var parameters: [Parameter] {
        var parameters = stemConvolution.parameters + stemBatchNorm.parameters
        for stage in 0..<3 {
            if stage > 0 { parameters += reductions[stage - 1].parameters }
            parameters += cells[stage].flatMap(\.parameters)
        }
        return parameters + lastBatchNorm.parameters + classifier.parameters
    }

    public func callAsFunction(_ images: Variable, selections: [[EdgeSelection]], mode: ForwardMode) -> Variable {
        precondition(selections.count == 1, "NB201Supernet: \(selections.count) edge groups of selections, expected 1")
        var features = stemBatchNorm(stemConvolution(images, mode: mode), mode: mode)
        for stage in 0..<3 {
            if stage > 0 { features = reductions[stage - 1](features, mode: mode) }
            for cell in cells[stage] { features = cell(features, selections: selections[0], mode: mode) }
        }
        features = relu(lastBatchNorm(features, mode: mode))
        return classifier(globalAveragePool(features), mode: mode)
    }

    /// One operation per edge; an edge whose operation is `none` is off (it adds nothing, as `none` would).
    ///
    /// - Precondition: every other operation of `architecture` is one of the supernet's ``operations``.
    public func selections(for architecture: NB201Architecture) -> [[EdgeSelection]] {
        [architecture.operations.map { operation in
            if operation == .none { return .off }
            guard let index = operations.firstIndex(of: operation) else {
                preconditionFailure("NB201 supernet: \(architecture) uses \(operation.name), which this supernet lacks")
            }
            return .single(index)
        }]
    }

    /// The arg-max operation of every edge, `none` included, as NAS-Bench-201's `genotype()` derives a cell (ties
    /// go to the earlier operation).
    public func derive(fromScores scores: [[[Double]]]) -> NB201Architecture {
        precondition(
            scores.count == 1 && scores[0].count == 6 && scores[0].allSatisfy { $0.count == operations.count },
            "NB201Supernet.derive: scores are not [1][6][\(operations.count)]")
        return NB201Architecture(operations: scores[0].map { row in
            var best = 0
            for operation in row.indices where row[operation] > row[best] { best = operation }
            return operations[best]
        })
    }

    public func architecture(fromChoices choices: [[Int]]) throws(SupernetError) -> NB201Architecture {
        guard choices.count == 1, choices[0].count == 6, choices[0].allSatisfy({ operations.indices.contains($0) })
        else {
            throw SupernetError(
                "NB201 supernet: choices \(choices) are not one list of 6 operation indices in 0..<\(operations.count)")
        }
        return NB201Architecture(operations: choices[0].map { operations[$0] })
    }
}
