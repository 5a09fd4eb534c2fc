import Layers
import NASSpaces
import Seeding
import Tensors

/// The NAS-Bench-101 network for one cell (Ying et al., ICML 2019, figure 1; google-research/nasbench
/// `lib/model_builder.py` and `lib/base_ops.py`), written from the benchmark's definition:
///
/// - stem: 3x3 convolution to `stemChannels` (128), batch norm, ReLU;
/// - `stackCount` (3) stacks of `cellsPerStack` (3) cells; before every stack but the first, 2x2 max pooling
///   with stride 2 and the channels doubled (128, 256, 512);
/// - global average pooling and a dense classifier with bias.
///
/// Each cell follows the benchmark's module builder on the pruned cell (see SearchSpaces/nb101/SPACE.md). Every convolution is
/// Conv-BN-ReLU without bias, "same" padding, stride 1. The trainable parameters (convolution kernels, batch-norm
/// scales and offsets, the classifier's weight and bias) number exactly the benchmark's `trainable_parameters`.
///
/// Initialization follows TensorFlow's defaults that the benchmark used, up to the distribution's shape:
/// kernels normal with variance 1/fanIn (TF's `variance_scaling_initializer` draws a truncated normal of the
/// same variance), the classifier's weight Glorot-uniform and its bias zero. Batch norm uses the benchmark's
/// momentum 0.997 (a new batch weighs 0.003) and epsilon 1e-5.
///
/// Parameter names: `stem.conv.weight`, `stack<s>.cell<c>.vertex<v>.projection.conv.weight`,
/// `stack<s>.cell<c>.vertex<v>.conv3x3.conv.weight` (or `.conv1x1`), `stack<s>.cell<c>.output.projection...`,
/// `classifier.weight`, each batch norm's `.bn.weight` / `.bn.bias`; vertex numbers are those of the pruned cell.
public final class NB101Network: Layer {
    public let name: String
    /// The cell every stack repeats.
    public let architecture: NB101Architecture
    /// The output channels of each stack (128, 256, 512 by default).
    public let stackChannels: [Int]
    let stem: Sequential
    /// The cells in order; a downsampling pool precedes cell `s * cellsPerStack` for every stack s > 0.
    let cells: [NB101CellLayer]
    let cellsPerStack: Int
    let downsample = MaxPool2D(kernelSize: 2, stride: 2, name: "downsample")
    let pool = GlobalAveragePool(name: "pool")
    let classifier: Linear

    /// Builds the network.
    ///
    /// - Parameters:
    ///   - architecture: the cell.
    ///   - classCount: outputs of the classifier (10 for CIFAR-10).
    ///   - inputChannels: channels of the images (3).
    ///   - stemChannels: channels after the stem and in the first stack (128).
    ///   - stackCount: stacks of cells (3).
    ///   - cellsPerStack: cells per stack (3).
    ///   - kernelInitializer: how convolution kernels are drawn (normal with variance 1/fanIn unless given;
    ///     parameter counting may pass `.zeros` to skip the draws).
    ///   - name: prefix of the parameter names ("" for none).
    ///   - rng: draws the weights, in layer order.
    public init(
        architecture: NB101Architecture, classCount: Int = 10, inputChannels: Int = 3, stemChannels: Int = 128,
        stackCount: Int = 3, cellsPerStack: Int = 3,
        kernelInitializer: Initializer = .kaimingNormal(mode: .fanIn, nonlinearity: .linear),
        name: String = "", using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            classCount > 0 && inputChannels > 0 && stemChannels > 0 && stackCount > 0 && cellsPerStack > 0,
            "NB101Network: sizes must be positive, got \(classCount) classes, \(inputChannels) input channels, \(stemChannels) stem channels, \(stackCount) stacks of \(cellsPerStack) cells")
        self.name = name
        self.architecture = architecture
        self.cellsPerStack = cellsPerStack
        let prefix = name.isEmpty ? "" : name + "."
        stem = NB101CellLayer.convolutionBatchNormReLU(
            inputChannels, stemChannels, kernelSize: 3, initializer: kernelInitializer, name: prefix + "stem",
            using: &rng)
        let cell = architecture.pruned
        var cells: [NB101CellLayer] = []
        var stackChannels: [Int] = []
        var channels = stemChannels
        for stack in 0..<stackCount {
            let inputChannels = channels
            if stack > 0 { channels *= 2 }
            stackChannels.append(channels)
            for index in 0..<cellsPerStack {
                cells.append(NB101CellLayer(
                    cell: cell, inputChannels: index == 0 ? inputChannels : channels, outputChannels: channels,
                    initializer: kernelInitializer, name: prefix + "stack\(stack).cell\(index)", using: &rng))
            }
        }
        self.cells = cells
        self.stackChannels = stackChannels
        classifier = Linear(
            inputSize: channels, outputSize: classCount, weightInitializer: .xavierUniform(),
            name: prefix + "classifier", using: &rng)
        classifier.bias?.value = Tensor(zeros: [classCount])
    }

    public var parameters: [Parameter] {
        stem.parameters + cells.flatMap(\.parameters) + classifier.parameters
    }

    /// The logits.
    ///
    /// - Parameter input: images, (N, inputChannels, H, W) with H and W divisible by 2^(stackCount - 1) (the
    ///   benchmark's "same" 2x2 pooling agrees with an unpadded one only on even sizes).
    /// - Returns: (N, classCount).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        var x = stem(input, mode: mode)  // (N, 128, H, W)
        for (position, cell) in cells.enumerated() {
            if position > 0 && position % cellsPerStack == 0 {
                enforce(
                    x.shape[2] % 2 == 0 && x.shape[3] % 2 == 0,
                    "NB101Network: stack \(position / cellsPerStack) downsamples \(x.shape) but needs even height and width (input sides divisible by \(1 << (cells.count / cellsPerStack - 1)))")
                x = downsample(x, mode: mode)  // (N, C, H/2, W/2)
            }
            x = cell(x, mode: mode)  // (N, stackChannels[s], H', W')
        }
        return classifier(pool(x, mode: mode), mode: mode)  // (N, classCount)
    }

    /// The channels of every vertex of a pruned cell, as the benchmark's `compute_vertex_channels` assigns
    /// them: the input has `inputChannels`, the output `outputChannels`; the output's channels are split evenly
    /// among the interior vertices that feed it (the first `outputChannels % k` of them, in vertex order, get one
    /// more); every other interior vertex gets the largest channel count among the interior vertices it feeds.
    public static func vertexChannels(of cell: NB101PrunedCell, inputChannels: Int, outputChannels: Int) -> [Int] {
        let count = cell.vertexCount
        var channels = [Int](repeating: 0, count: count)
        channels[0] = inputChannels
        channels[count - 1] = outputChannels
        guard count > 2 else { return channels }
        let feedingOutput = (1..<(count - 1)).filter { cell.hasEdge(from: $0, to: count - 1) }
        var remainder = outputChannels % feedingOutput.count
        for vertex in feedingOutput {
            channels[vertex] = outputChannels / feedingOutput.count
            if remainder > 0 {
                channels[vertex] += 1
                remainder -= 1
            }
        }
        for vertex in stride(from: count - 2, through: 1, by: -1) where !cell.hasEdge(from: vertex, to: count - 1) {
            for destination in (vertex + 1)..<(count - 1) where cell.hasEdge(from: vertex, to: destination) {
                channels[vertex] = max(channels[vertex], channels[destination])
            }
        }
        return channels
    }
}
