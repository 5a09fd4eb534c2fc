/// The nine layer operations of NAS-Bench-Graph (Qin et al., "NAS-Bench-Graph: Benchmarking Graph Neural
/// Architecture Search", NeurIPS 2022 Datasets and Benchmarks), in the benchmark's order (`gnn_list` in
/// `nas_bench_graph/architecture.py`): the raw value is that index, which is also the digit the benchmark's
/// architecture hash uses for the operation (see `SearchSpaces/graph/SPACE.md`).
public enum GraphOperation: Int, CaseIterable, Codable, Hashable, Sendable, Comparable {
    /// GAT, graph attention with two heads (Velickovic et al. 2018): `gat`.
    case graphAttention = 0
    /// GCN, graph convolution (Kipf and Welling 2017): `gcn`.
    case graphConvolution = 1
    /// GIN, graph isomorphism network layer (Xu et al. 2019): `gin`.
    case graphIsomorphism = 2
    /// ChebNet, Chebyshev spectral convolution (Defferrard et al. 2016): `cheb`.
    case chebyshev = 3
    /// GraphSAGE, neighbourhood sampling and aggregation (Hamilton et al. 2017): `sage`.
    case graphSAGE = 4
    /// ARMA, auto-regressive moving-average graph filter (Bianchi et al. 2021): `arma`.
    case arma = 5
    /// k-GNN, the higher-order graph convolution of Morris et al. 2019 (PyTorch Geometric's `GraphConv`): `graph`.
    case kGNN = 6
    /// A fully connected layer applied to every node alone (no message passing): `fc`.
    case fullyConnected = 7
    /// The identity: the layer passes its input through: `skip`.
    case skip = 8

    /// The name in the benchmark's code and in NASKit's text form.
    public var name: String {
        switch self {
        case .graphAttention: "gat"
        case .graphConvolution: "gcn"
        case .graphIsomorphism: "gin"
        case .chebyshev: "cheb"
        case .graphSAGE: "sage"
        case .arma: "arma"
        case .kGNN: "graph"
        case .fullyConnected: "fc"
        case .skip: "skip"
        }
    }

    /// The operation with a benchmark name (`"gcn"`), or `nil`.
    public init?(name: String) {
        guard let operation = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = operation
    }

    /// The five operations of the benchmark's ogbn-proteins table (`gnn_list_proteins`: gcn, sage, arma, fc,
    /// skip), in the nine-operation order.
    public static let proteinsOperations: [GraphOperation] = [.graphConvolution, .graphSAGE, .arma, .fullyConnected, .skip]

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
