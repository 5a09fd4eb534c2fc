import Layers
import NASSpaces
import Seeding
import Tensors

/// Graph attention (Veličković et al., ICLR 2018) as NAS-Bench-Graph builds it: PyTorch Geometric 2.0's
/// `GATConv(in, out / heads, heads, concat=True, add_self_loops=True)`.
///
/// Per head h with C = out / heads channels: H_h = X W_h (N, C); the edge from node j to node i (over A + I)
/// scores e_ij = LeakyReLU_0.2(a_dst,h · H_h[i] + a_src,h · H_h[j]); α = the softmax of the scores of node i's
/// entries; out_h[i] = Σ_j α_ij H_h[j]. The heads' outputs are concatenated and a bias added. No attention
/// dropout (the default 0).
///
/// Heads: the benchmark's `gnn_list` comment says "GAT with 2 heads", but its training code builds
/// `GATConv(in_dim, out_dim // 4, 4, concat=True)`: four heads of out/4 channels, concatenated. This layer
/// takes the count as an argument and ``GraphNetwork`` passes 4; the parameter count, in·out + 3·out, is the
/// same for any count that divides `out`.
public final class GraphAttentionLayer: GraphLayer {
    public let name: String
    public let outputSize: Int
    /// The number of heads.
    public let headCount: Int
    /// W (inputs, heads · C), glorot.
    let weight: Parameter
    /// a_src (heads, C), glorot over (heads + C) as PyG's `glorot` reads the (1, heads, C) tensor.
    let attentionSource: Parameter
    /// a_dst (heads, C).
    let attentionTarget: Parameter
    /// (heads · C), zeros.
    let bias: Parameter

    /// Creates the layer.
    ///
    /// - Precondition: positive sizes and `headCount` divides `outputSize`.
    public init(
        inputSize: Int, outputSize: Int, headCount: Int, name: String, using rng: inout some RandomNumberGenerator
    ) {
        precondition(
            inputSize > 0 && outputSize > 0 && headCount > 0 && outputSize % headCount == 0,
            "GraphAttentionLayer '\(name)': \(headCount) heads must divide the output width \(outputSize)")
        self.name = name
        self.outputSize = outputSize
        self.headCount = headCount
        let channels = outputSize / headCount
        weight = Parameter(
            name: name + ".weight",
            value: GraphInitialization.glorot.weight(inputs: inputSize, outputs: outputSize, using: &rng))
        let attentionBound = Float((6 / Double(headCount + channels)).squareRoot())
        attentionSource = Parameter(
            name: name + ".attention_source",
            value: Initializer.uniform(bound: attentionBound).makeTensor(shape: [headCount, channels], using: &rng))
        attentionTarget = Parameter(
            name: name + ".attention_target",
            value: Initializer.uniform(bound: attentionBound).makeTensor(shape: [headCount, channels], using: &rng))
        bias = Parameter(name: name + ".bias", value: Tensor(zeros: [outputSize]))
    }

    public var parameters: [Parameter] { [weight, attentionSource, attentionTarget, bias] }

    /// The concatenated heads' attention-weighted sums plus the bias: (N, outputSize).
    ///
    /// - Complexity: O(nnz(X) · out) or O(N · F · out) for X W, plus O(nnz(A + I) · out).
    public func callAsFunction(_ input: NodeFeatures, structure: GraphStructure) -> Variable {
        precondition(
            input.width == weight.shape[0],
            "GraphAttentionLayer '\(name)': input has \(input.width) features, expected \(weight.shape[0])")
        let tape = input.tape
        let nodeCount = structure.nodeCount
        let channels = outputSize / headCount
        let projected = input.multiplied(by: weight.variable(on: tape))  // (N, heads · C)
        let heads = headCount == 1 ? [projected] : split(projected, sizes: Array(repeating: channels, count: headCount), axis: 1)
        let sources = split(attentionSource.variable(on: tape), sizes: Array(repeating: 1, count: headCount), axis: 0)
        let targets = split(attentionTarget.variable(on: tape), sizes: Array(repeating: 1, count: headCount), axis: 0)
        let pattern = structure.selfLooped
        var outputs: [Variable] = []
        for head in 0..<headCount {
            let features = heads[head]  // (N, C)
            let sourceScores = matmul(features, sources[head].transposed()).reshaped([nodeCount])  // (N)
            let targetScores = matmul(features, targets[head].transposed()).reshaped([nodeCount])  // (N)
            let scores = leakyReLU(edgeScores(pattern, target: targetScores, source: sourceScores), negativeSlope: 0.2)
            let coefficients = sparseSoftmax(pattern, values: scores)  // (nnz), each row sums to 1
            outputs.append(sparseMatmul(pattern, values: coefficients, features))
        }
        let joined = headCount == 1 ? outputs[0] : concatenate(outputs, axis: 1)
        return joined + bias.variable(on: tape)
    }
}
