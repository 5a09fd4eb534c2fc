import Layers
import NASSpaces
import Seeding
import Tensors

/// One NAS-Bench-101 cell of a network (the benchmark's `build_module` on the pruned cell), written from its
/// definition:
///
/// - vertex channels from ``NB101Network/vertexChannels(of:inputChannels:outputChannels:)``;
/// - an interior vertex t sums its inputs: each interior predecessor's output cut to its first c_t channels
///   (predecessors have c_t or c_t + 1), then, when the input feeds t, a 1x1 Conv-BN-ReLU projection of the input
///   to c_t channels; it then applies its operation (Conv-BN-ReLU c_t → c_t, or 3x3 max pooling);
/// - the output concatenates, in vertex order, the interior vertices that feed it, and adds a 1x1 projection of
///   the input to the output channels when the input feeds it directly (the projection alone when no interior
///   vertex is left).
final class NB101CellLayer: Layer {
    let name: String
    let cell: NB101PrunedCell
    /// Channels of every pruned vertex.
    let vertexChannels: [Int]
    /// For each vertex index, the projection of the cell's input to it (nil when the input does not feed it).
    let projections: [Sequential?]
    /// For each interior vertex index, its operation (index 0 and the output hold nil).
    let operations: [(any Layer)?]

    init(
        cell: NB101PrunedCell, inputChannels: Int, outputChannels: Int, initializer: Initializer, name: String,
        using rng: inout some RandomNumberGenerator
    ) {
        self.name = name
        self.cell = cell
        let count = cell.vertexCount
        let channels = NB101Network.vertexChannels(of: cell, inputChannels: inputChannels, outputChannels: outputChannels)
        vertexChannels = channels
        var projections: [Sequential?] = [nil]
        var operations: [(any Layer)?] = [nil]
        for vertex in 1..<count {
            let vertexName = vertex == count - 1 ? name + ".output" : name + ".vertex\(vertex)"
            projections.append(
                cell.hasEdge(from: 0, to: vertex)
                    ? Self.convolutionBatchNormReLU(
                        inputChannels, channels[vertex], kernelSize: 1, initializer: initializer,
                        name: vertexName + ".projection", using: &rng)
                    : nil)
            guard vertex < count - 1 else {
                operations.append(nil)
                continue
            }
            switch cell.operations[vertex - 1] {
            case .convolution3x3:
                operations.append(Self.convolutionBatchNormReLU(
                    channels[vertex], channels[vertex], kernelSize: 3, initializer: initializer,
                    name: vertexName + ".conv3x3", using: &rng))
            case .convolution1x1:
                operations.append(Self.convolutionBatchNormReLU(
                    channels[vertex], channels[vertex], kernelSize: 1, initializer: initializer,
                    name: vertexName + ".conv1x1", using: &rng))
            case .maxPool3x3:
                operations.append(MaxPool2D(kernelSize: 3, stride: 1, padding: 1, name: vertexName + ".maxpool3x3"))
            }
        }
        self.projections = projections
        self.operations = operations
    }

    var parameters: [Parameter] {
        zip(projections, operations).flatMap { projection, operation in
            (projection?.parameters ?? []) + (operation?.parameters ?? [])
        }
    }

    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let count = cell.vertexCount
        var outputs: [Variable] = [input]  // vertex t: (N, c_t, H, W)
        for vertex in 1..<(count - 1) {
            var sum: Variable?
            for source in 1..<vertex where cell.hasEdge(from: source, to: vertex) {
                let part = truncated(outputs[source], to: vertexChannels[vertex])
                sum = sum.map { $0 + part } ?? part
            }
            if let projection = projections[vertex] {
                let part = projection(input, mode: mode)
                sum = sum.map { $0 + part } ?? part
            }
            guard let sum, let operation = operations[vertex] else {
                preconditionFailure("NB101CellLayer '\(name)': vertex \(vertex) of a pruned cell has no input")
            }
            outputs.append(operation(sum, mode: mode))
        }
        let concatenated = (1..<(count - 1)).filter { cell.hasEdge(from: $0, to: count - 1) }.map { outputs[$0] }
        let inputProjection = projections[count - 1].map { $0(input, mode: mode) }
        switch (concatenated.count, inputProjection) {
        case (0, let projection?):
            return projection
        case (0, nil):
            preconditionFailure("NB101CellLayer '\(name)': the output of a pruned cell has no input")
        case (1, let projection):
            return projection.map { concatenated[0] + $0 } ?? concatenated[0]
        case (_, let projection):
            let joined = concatenate(concatenated, axis: 1)  // (N, outputChannels, H, W)
            return projection.map { joined + $0 } ?? joined
        }
    }

    /// The first `channels` channels of an (N, C, H, W) value (the benchmark's `truncate`: C is channels or
    /// channels + 1).
    private func truncated(_ value: Variable, to channels: Int) -> Variable {
        value.shape[1] == channels ? value : value.slice(axis: 1, range: 0..<channels)
    }

    /// Convolution without bias ("same" padding, stride 1), batch norm with the benchmark's momentum and
    /// epsilon, ReLU (`conv_bn_relu` in the benchmark's base ops).
    static func convolutionBatchNormReLU(
        _ inputChannels: Int, _ outputChannels: Int, kernelSize: Int, initializer: Initializer, name: String,
        using rng: inout some RandomNumberGenerator
    ) -> Sequential {
        Sequential(name: name, [
            Conv2D(
                inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: kernelSize,
                padding: kernelSize / 2, bias: false, weightInitializer: initializer, name: name + ".conv",
                using: &rng),
            BatchNorm(channels: outputChannels, momentum: 0.003, epsilon: 1e-5, name: name + ".bn"),
            ReLU(name: name + ".relu"),
        ])
    }
}
