import Layers
import Seeding
import Tensors

// The NAS-Bench-201 network shape (Dong & Yang, ICLR 2020), used here only to measure the engine: a 3x3 conv
// stem with 16 channels and BN; three stages of 5 cells at 16/32/64 channels joined by residual reduction
// blocks; BN, ReLU, global average pooling and a linear classifier. A cell's node j sums op(node i) over i < j
// on its 6 edges. The search-space issue builds the exact network per architecture; this file fixes the two
// shapes the engine benchmark needs: every edge nor_conv_3x3, and the supernet where every edge is the
// softmax-weighted sum of the five NAS-Bench-201 ops.

/// ReLU, then a convolution without bias, then batch norm.
func reluConvBatchNorm(
    _ inputChannels: Int, _ outputChannels: Int, kernel: Int, stride: Int, affine: Bool, name: String,
    using rng: inout Xoshiro256
) -> Sequential {
    Sequential(name: name, [ReLU()] + convBatchNorm(
        inputChannels, outputChannels, kernel: kernel, stride: stride, affine: affine, name: name, using: &rng))
}

/// A convolution without bias, then batch norm: the part of ReLU-Conv-BN after the ReLU.
func convBatchNorm(
    _ inputChannels: Int, _ outputChannels: Int, kernel: Int, stride: Int, affine: Bool, name: String,
    using rng: inout Xoshiro256
) -> [any Layer] {
    [
        Conv2D(
            inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: kernel, stride: stride,
            padding: kernel / 2, bias: false, name: name + ".conv", using: &rng),
        BatchNorm(channels: outputChannels, affine: affine, trackingRunningStatistics: affine, name: name + ".bn"),
    ]
}

/// One edge of the supernet: Σₖ softmax(α)ₖ · opₖ(x) over none, skip_connect, nor_conv_1x1, nor_conv_3x3,
/// avg_pool_3x3 (none contributes zero).
///
/// nor_conv_1x1 and nor_conv_3x3 both start with ReLU of the same input, so the edge computes relu(x) once and
/// feeds it to both convolutions: the same values and gradients as two ReLU-Conv-BN branches, with one ReLU
/// output kept for the backward pass instead of two. The supernet of the search-space issue should share it
/// the same way.
final class MixedEdge: Layer {
    let name: String
    let architectureWeights: Parameter  // (6, 5), shared by every cell
    let row: Int
    let convolution1x1: Sequential  // Conv-BN; the edge applies the ReLU
    let convolution3x3: Sequential
    let pool = AvgPool2D(kernelSize: 3, stride: 1, padding: 1, countingPadding: false)

    init(channels: Int, architectureWeights: Parameter, row: Int, name: String, using rng: inout Xoshiro256) {
        self.name = name
        self.architectureWeights = architectureWeights
        self.row = row
        convolution1x1 = Sequential(name: name + ".conv1x1", convBatchNorm(
            channels, channels, kernel: 1, stride: 1, affine: false, name: name + ".conv1x1", using: &rng))
        convolution3x3 = Sequential(name: name + ".conv3x3", convBatchNorm(
            channels, channels, kernel: 3, stride: 1, affine: false, name: name + ".conv3x3", using: &rng))
    }

    var parameters: [Parameter] { convolution1x1.parameters + convolution3x3.parameters }

    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let alpha = architectureWeights.variable(on: input.tape).slice(axis: 0, range: row..<(row + 1))
        let weights = softmax(alpha.reshaped([5]))
        func weight(_ k: Int) -> Variable { weights.slice(axis: 0, range: k..<(k + 1)) }
        let rectified = relu(input)  // shared by both convolutions
        return weight(1) * input + weight(2) * convolution1x1(rectified, mode: mode)
            + weight(3) * convolution3x3(rectified, mode: mode) + weight(4) * pool(input, mode: mode)
    }
}

/// A 4-node cell: node j = Σ_{i<j} edge_{j,i}(node i); edges in the order (1,0) (2,0) (2,1) (3,0) (3,1) (3,2).
final class Cell: Layer {
    let name: String
    let edges: [any Layer]

    init(edges: [any Layer], name: String) {
        self.name = name
        self.edges = edges
    }

    var parameters: [Parameter] { edges.flatMap(\.parameters) }

    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        var nodes = [input]
        var edge = 0
        for _ in 1...3 {
            var sum: Variable?
            for source in nodes {
                let output = edges[edge](source, mode: mode)
                sum = sum.map { $0 + output } ?? output
                edge += 1
            }
            nodes.append(sum!)
        }
        return nodes[3]
    }
}

/// The residual block between stages: ReLU-Conv3x3(stride 2)-BN, ReLU-Conv3x3-BN, plus a shortcut of 2x2
/// average pooling and a 1x1 convolution.
final class ResidualReduction: Layer {
    let name: String
    let first: Sequential
    let second: Sequential
    let shortcutPool = AvgPool2D(kernelSize: 2, stride: 2)
    let shortcut: Conv2D

    init(_ inputChannels: Int, _ outputChannels: Int, affine: Bool, name: String, using rng: inout Xoshiro256) {
        self.name = name
        first = reluConvBatchNorm(
            inputChannels, outputChannels, kernel: 3, stride: 2, affine: affine, name: name + ".a", using: &rng)
        second = reluConvBatchNorm(
            outputChannels, outputChannels, kernel: 3, stride: 1, affine: affine, name: name + ".b", using: &rng)
        shortcut = Conv2D(
            inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: 1, bias: false,
            name: name + ".shortcut", using: &rng)
    }

    var parameters: [Parameter] { first.parameters + second.parameters + shortcut.parameters }

    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        shortcut(shortcutPool(input, mode: mode), mode: mode) + second(first(input, mode: mode), mode: mode)
    }
}

/// The NAS-Bench-201 network with every edge nor_conv_3x3 (`supernet: false`) or every edge mixed.
func makeNASBench201Network(supernet: Bool, classes: Int = 10, seed: UInt64 = 0) -> (Sequential, Parameter?) {
    var rng = Xoshiro256(seed: seed)
    let affine = !supernet
    let alphas = supernet
        ? Parameter(name: "alphas", value: Tensor(shape: [6, 5], scalars: (0..<30).map { _ in 1e-3 * rng.normalFloat() }))
        : nil
    var layers: [any Layer] = [
        Conv2D(inputChannels: 3, outputChannels: 16, kernelSize: 3, padding: 1, bias: false, name: "stem.conv", using: &rng),
        BatchNorm(channels: 16, name: "stem.bn"),
    ]
    for (stage, channels) in [16, 32, 64].enumerated() {
        if stage > 0 {
            layers.append(ResidualReduction(channels / 2, channels, affine: affine, name: "reduction\(stage)", using: &rng))
        }
        for index in 0..<5 {
            let name = "stage\(stage).cell\(index)"
            let edges: [any Layer] = (0..<6).map { edge in
                if let alphas {
                    return MixedEdge(
                        channels: channels, architectureWeights: alphas, row: edge, name: "\(name).edge\(edge)",
                        using: &rng)
                }
                return reluConvBatchNorm(
                    channels, channels, kernel: 3, stride: 1, affine: true, name: "\(name).edge\(edge)", using: &rng)
            }
            layers.append(Cell(edges: edges, name: name))
        }
    }
    layers += [
        BatchNorm(channels: 64, name: "head.bn"), ReLU(), GlobalAveragePool(),
        Linear(inputSize: 64, outputSize: classes, name: "classifier", using: &rng),
    ]
    return (Sequential(name: "nb201", layers), alphas)
}
