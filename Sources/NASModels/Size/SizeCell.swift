import Layers
import Tensors

/// The fixed cell of the NATS-Bench size space with input width `inputChannels` and output width `outputChannels`
/// (xautodl's `InferCell(genotype, C_in, C_out, stride=1)` for the best NAS-Bench-201 cell
/// `|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|`).
///
/// Node 0 is the input; node j = Σ_{i<j} edge(j<-i)(node i); the output is node 3. Edges from node 0 map the input
/// width to the output width, the others keep the output width (xautodl builds `OPS[op](C_in, C_out)` for an edge
/// from node 0 and `OPS[op](C_out, C_out)` otherwise):
///
/// | layer | edge | operation |
/// |---|---|---|
/// | 0 | 1<-0 | ReLU, 3x3 convolution C_in -> C_out, batch norm |
/// | 1 | 2<-0 | ReLU, 3x3 convolution C_in -> C_out, batch norm |
/// | 2 | 2<-1 | ReLU, 3x3 convolution C_out -> C_out, batch norm |
/// | 3 | 3<-0 | identity when C_in = C_out; otherwise xautodl's `FactorizedReduce` at stride 1: a 1x1 convolution C_in -> C_out without bias and batch norm, no ReLU |
/// | 4 | 3<-1 | ReLU, 3x3 convolution C_out -> C_out, batch norm |
/// | 5 | 3<-2 | ReLU, 3x3 convolution C_out -> C_out, batch norm |
///
/// Parameter names are xautodl's module paths: `<name>.layers.<k>.op.1.weight` for a convolution,
/// `<name>.layers.<k>.op.2.bias` for its batch norm, `<name>.layers.3.conv.weight` and `<name>.layers.3.bn.weight`
/// for the widening skip.
final class SizeCell: Layer {
    let name: String
    let inputChannels: Int
    let outputChannels: Int
    /// Layers 0, 1, 2, 4 and 5 of the table (ReLU, 3x3 convolution, batch norm), in that order.
    let convolutionEdges: [Sequential]
    /// Their convolutions, for cost counting.
    let convolutions: [Conv2D]
    /// Layer 3 when the widths differ: the 1x1 convolution and its batch norm; nil for the identity.
    let widening: (convolution: Conv2D, batchNorm: BatchNorm)?

    init(inputChannels: Int, outputChannels: Int, name: String, using rng: inout some RandomNumberGenerator) {
        self.name = name
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        var edges: [Sequential] = []
        var convolutions: [Conv2D] = []
        var widening: (Conv2D, BatchNorm)?
        // Module order is layer order, so weights are drawn as xautodl creates them.
        for layer in 0..<6 {
            if layer == 3 {
                guard inputChannels != outputChannels else { continue }
                let convolution = Conv2D(
                    inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: 1, bias: false,
                    name: "\(name).layers.3.conv", using: &rng)
                widening = (convolution, BatchNorm(channels: outputChannels, name: "\(name).layers.3.bn"))
                continue
            }
            let fromInput = layer < 2
            let built = reluConvolutionBatchNorm(
                fromInput ? inputChannels : outputChannels, outputChannels, kernelSize: 3, stride: 1,
                name: "\(name).layers.\(layer)", using: &rng)
            edges.append(built.layers)
            convolutions.append(built.convolution)
        }
        convolutionEdges = edges
        self.convolutions = convolutions
        self.widening = widening
    }

    var parameters: [Parameter] {
        let wideningParameters = widening.map { $0.convolution.parameters + $0.batchNorm.parameters } ?? []
        return convolutionEdges[0..<3].flatMap(\.parameters) + wideningParameters
            + convolutionEdges[3..<5].flatMap(\.parameters)
    }

    /// (N, C_in, H, W) -> (N, C_out, H, W).
    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        enforce(
            input.shape.count == 4 && input.shape[1] == inputChannels,
            "SizeCell '\(name)': input \(input.shape) is not (N, \(inputChannels), H, W)")
        let node1 = convolutionEdges[0](input, mode: mode)
        let node2 = convolutionEdges[1](input, mode: mode) + convolutionEdges[2](node1, mode: mode)
        let skip = widening.map { $0.batchNorm($0.convolution(input, mode: mode), mode: mode) } ?? input
        return skip + convolutionEdges[3](node1, mode: mode) + convolutionEdges[4](node2, mode: mode)
    }

    /// Every convolution of the cell at `height` x `width` (the resolution is kept), in layer order.
    func countedLayers(height: Int, width: Int) -> [CountedLayer] {
        var layers = convolutions.map { CountedLayer.convolution($0, inputHeight: height, inputWidth: width) }
        if let widening {
            layers.insert(.convolution(widening.convolution, inputHeight: height, inputWidth: width), at: 3)
        }
        return layers
    }
}
