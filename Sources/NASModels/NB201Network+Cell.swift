import Layers
import NASSpaces
import Seeding
import Tensors

/// One operation of a NAS-Bench-201 cell edge, as the benchmark's `OPS` builds it for C -> C channels, stride 1.
enum NB201EdgeOperation {
    /// `none`: the benchmark's `Zero` returns `x * 0`.
    case zero
    /// `skip_connect`: identity.
    case identity
    /// `avg_pool_3x3`: 3x3 average pooling, stride 1, padding 1, padding excluded from the count.
    case pooling(AvgPool2D)
    /// `nor_conv_1x1`, `nor_conv_3x3`: ReLU, convolution without bias, batch norm (affine, running statistics).
    case convolution(Sequential, Conv2D)

    init(_ operation: NB201Operation, channels: Int, name: String, using rng: inout some RandomNumberGenerator) {
        switch operation {
        case .none: self = .zero
        case .skipConnect: self = .identity
        case .averagePool3x3:
            self = .pooling(AvgPool2D(kernelSize: 3, stride: 1, padding: 1, countingPadding: false, name: name))
        case .convolution1x1:
            let built = reluConvolutionBatchNorm(channels, channels, kernelSize: 1, stride: 1, name: name, using: &rng)
            self = .convolution(built.layers, built.convolution)
        case .convolution3x3:
            let built = reluConvolutionBatchNorm(channels, channels, kernelSize: 3, stride: 1, name: name, using: &rng)
            self = .convolution(built.layers, built.convolution)
        }
    }

    var parameters: [Parameter] {
        if case let .convolution(layers, _) = self { return layers.parameters }
        return []
    }
}

/// NAS-Bench-201's ReLUConvBN as its module path names it (`<name>.op.1` the convolution, `<name>.op.2` the batch
/// norm): ReLU, a K x K convolution without bias (padding K/2), batch norm with scale, offset and running
/// statistics. Returns the three layers and, for cost counting, the convolution among them.
func reluConvolutionBatchNorm(
    _ inputChannels: Int, _ outputChannels: Int, kernelSize: Int, stride: Int, name: String,
    using rng: inout some RandomNumberGenerator
) -> (layers: Sequential, convolution: Conv2D) {
    let convolution = Conv2D(
        inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: kernelSize, stride: stride,
        padding: kernelSize / 2, bias: false, name: name + ".op.1", using: &rng)
    let layers = Sequential(name: name + ".op", [
        ReLU(), convolution, BatchNorm(channels: outputChannels, name: name + ".op.2"),
    ])
    return (layers, convolution)
}

/// A NAS-Bench-201 cell (the benchmark's `InferCell`): node 0 is the input, node j = Σ_{i<j} op(j<-i)(node i),
/// the output is node 3; channels and resolution are kept.
///
/// The forward pass computes what the benchmark's computes, skipping only work that cannot change the output:
/// a `none` edge adds nothing (the benchmark adds `x * 0`), skip and pooling of a node that is exactly zero give
/// zero, and an edge whose target node reaches the output only through `none` edges is not run. A convolution
/// edge reading a zero node still runs: its batch norm turns zeros into its learned offset. Parameters of
/// skipped edges exist and are counted, as in the benchmark.
final class NB201Cell: Layer {
    let name: String
    let channels: Int
    /// The six edges in edge order (NB201Architecture.edges).
    let edges: [NB201EdgeOperation]
    /// Whether edge k's target node reaches the output through edges other than `none`.
    let reachesOutput: [Bool]

    init(architecture: NB201Architecture, channels: Int, name: String, using rng: inout some RandomNumberGenerator) {
        self.name = name
        self.channels = channels
        // The benchmark's InferCell numbers its layers in the text form's order, which is the edge order.
        edges = (0..<NB201Architecture.edgeCount).map { edge in
            NB201EdgeOperation(architecture[edge: edge], channels: channels, name: "\(name).layers.\(edge)", using: &rng)
        }
        var nodeReachesOutput = [false, false, false, true]
        for node in stride(from: 2, through: 1, by: -1) {
            nodeReachesOutput[node] = ((node + 1)...3).contains { target in
                nodeReachesOutput[target] && architecture.operation(from: node, to: target) != .none
            }
        }
        reachesOutput = NB201Architecture.edges.map { nodeReachesOutput[$0.target] }
    }

    var parameters: [Parameter] { edges.flatMap(\.parameters) }

    /// (N, C, H, W) -> (N, C, H, W).
    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        enforce(
            input.shape.count == 4 && input.shape[1] == channels,
            "NB201Cell '\(name)': input \(input.shape) is not (N, \(channels), H, W)")
        // nil stands for a node that is exactly zero.
        var nodes: [Variable?] = [input]
        for target in 1...3 {
            var sum: Variable?
            for source in 0..<target {
                let edge = NB201Architecture.edgeIndex(source: source, target: target)
                guard reachesOutput[edge], let output = apply(edges[edge], to: nodes[source], input: input, mode: mode)
                else { continue }
                sum = sum.map { $0 + output } ?? output
            }
            nodes.append(sum)
        }
        return nodes[3] ?? input * 0
    }

    /// The edge's output, or nil when it is exactly zero.
    func apply(_ edge: NB201EdgeOperation, to value: Variable?, input: Variable, mode: ForwardMode) -> Variable? {
        switch edge {
        case .zero: nil
        case .identity: value
        case let .pooling(pool): value.map { pool($0, mode: mode) }
        case let .convolution(layers, _): layers(value ?? input * 0, mode: mode)
        }
    }

    /// Every convolution of the cell, each at `height` x `width`, run or not (the benchmark runs every edge).
    func countedLayers(height: Int, width: Int) -> [CountedLayer] {
        edges.compactMap { edge in
            guard case let .convolution(_, convolution) = edge else { return nil }
            return .convolution(convolution, inputHeight: height, inputWidth: width)
        }
    }
}
