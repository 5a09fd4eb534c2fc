import Layers
import NASSpaces
import Seeding
import Tensors

/// The NAS-Bench-Graph operations that are sums of propagated linear maps, Σₜ Pₜ X Wₜ + b (then a ReLU for
/// ARMA): GCN, GIN, ChebNet, GraphSAGE, ARMA, k-GNN and the fully connected layer. Graph attention is
/// ``GraphAttentionLayer``; `skip` has no layer.
///
/// Each is PyTorch Geometric 2.0's layer with the arguments NAS-Bench-Graph's `gnn_map` passes (Qin et al.,
/// NeurIPS 2022; the benchmark's training code): the linear map is applied before the propagation, which is the
/// same function (the propagations are linear) and lets the first layer multiply the sparse input features.
///
/// | op      | PyG layer (arguments)                  | terms Pₜ X Wₜ                         | bias  | init            |
/// |---------|----------------------------------------|---------------------------------------|-------|-----------------|
/// | `gcn`   | `GCNConv(add_self_loops=True)`         | D̂^-1/2 Â D̂^-1/2 X W                  | zeros | glorot          |
/// | `gin`   | `GINConv(nn.Linear(in, out))`, ε = 0   | (I + A) X W                           | Linear| Linear          |
/// | `cheb`  | `ChebConv(K=2)`, sym, λmax = 2         | X W₀ + L̂ X W₁, L̂ = −D^-1/2 A D^-1/2   | zeros | glorot          |
/// | `sage`  | `SAGEConv` (mean)                      | D^-1 A X W_l + X W_r                  | lin_l | Linear          |
/// | `arma`  | `ARMAConv` (1 stack, 1 layer), ReLU    | D^-1/2 A D^-1/2 X W + X V             | zeros | glorot          |
/// | `graph` | `GraphConv` (add)                      | A X W_rel + X W_root                  | lin_rel | Linear        |
/// | `fc`    | `nn.Linear` (the benchmark's `LinearConv`) | X W                               | Linear| Linear          |
///
/// ARMA with one layer never uses its (out × out) recurrent weight, but PyG creates it and the benchmark counts
/// it among the parameters; so does this layer (it receives no gradient, so the weight optimizer leaves it).
public final class GraphConvolutionLayer: GraphLayer {
    /// One term Pₜ X Wₜ: the propagation (`nil` for the identity) and the weight (inputs, outputs).
    struct Term {
        let propagation: GraphPropagation?
        let weight: Parameter
    }

    public let name: String
    /// The operation this layer computes.
    public let operation: GraphOperation
    public let outputSize: Int
    let terms: [Term]
    let bias: Parameter
    /// Parameters the computation does not use but the reference creates (ARMA's recurrent weight).
    let unused: [Parameter]

    /// Creates the layer of an operation.
    ///
    /// - Parameters:
    ///   - operation: any operation but `.graphAttention` (``GraphAttentionLayer``) and `.skip` (no layer).
    ///   - inputSize: the input width.
    ///   - outputSize: the output width.
    ///   - name: the parameters' name prefix.
    ///   - rng: the generator of the initial weights.
    /// - Precondition: positive sizes, and an operation this layer computes.
    public init(
        _ operation: GraphOperation, inputSize: Int, outputSize: Int, name: String,
        using rng: inout some RandomNumberGenerator
    ) {
        precondition(
            inputSize > 0 && outputSize > 0,
            "GraphConvolutionLayer '\(name)': sizes must be positive, got \(inputSize) -> \(outputSize)")
        let layout: (propagations: [GraphPropagation?], initialization: GraphInitialization)
        switch operation {
        case .graphConvolution: layout = ([.normalizedWithSelfLoops], .glorot)
        case .graphIsomorphism: layout = ([.sumWithSelfLoops], .pytorchLinear)
        case .chebyshev: layout = ([nil, .scaledLaplacian], .glorot)
        case .graphSAGE: layout = ([.mean, nil], .pytorchLinear)
        case .arma: layout = ([.normalized, nil], .glorot)
        case .kGNN: layout = ([.sum, nil], .pytorchLinear)
        case .fullyConnected: layout = ([nil], .pytorchLinear)
        case .graphAttention, .skip:
            preconditionFailure(
                "GraphConvolutionLayer '\(name)': \(operation.name) is not a propagated linear map; use GraphAttentionLayer for gat, and no layer for skip")
        }
        self.name = name
        self.operation = operation
        self.outputSize = outputSize
        terms = layout.propagations.enumerated().map { index, propagation in
            Term(
                propagation: propagation,
                weight: Parameter(
                    name: "\(name).weight\(index)",
                    value: layout.initialization.weight(inputs: inputSize, outputs: outputSize, using: &rng)))
        }
        bias = Parameter(
            name: name + ".bias", value: layout.initialization.bias(inputs: inputSize, outputs: outputSize, using: &rng))
        unused = operation == .arma
            ? [Parameter(
                name: name + ".unused_recurrent_weight",
                value: GraphInitialization.glorot.weight(inputs: outputSize, outputs: outputSize, using: &rng))]
            : []
    }

    public var parameters: [Parameter] { terms.map(\.weight) + [bias] + unused }

    /// Σₜ Pₜ X Wₜ + b, then ReLU for ARMA: (N, outputSize).
    ///
    /// - Complexity: per term O(nnz(X) · out) or O(N · F · out) for X W, plus O(nnz(Pₜ) · out).
    public func callAsFunction(_ input: NodeFeatures, structure: GraphStructure) -> Variable {
        precondition(
            input.width == terms[0].weight.shape[0],
            "GraphConvolutionLayer '\(name)': input has \(input.width) features, expected \(terms[0].weight.shape[0])")
        let tape = input.tape
        var total: Variable?
        for term in terms {
            let projected = input.multiplied(by: term.weight.variable(on: tape))  // (N, out)
            let value = term.propagation.map { $0.propagate(projected, in: structure) } ?? projected
            total = total.map { $0 + value } ?? value
        }
        let output = total! + bias.variable(on: tape)
        return operation == .arma ? relu(output) : output
    }
}
