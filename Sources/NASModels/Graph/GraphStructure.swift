import Tensors

/// The fixed sparse matrices NAS-Bench-Graph's operations propagate node features with, built once per graph.
///
/// Each is a pattern and constant values, for ``sparseMatmul(_:values:_:)`` (row i aggregates over the
/// entries (i, j): messages flow from node j to node i, PyTorch Geometric's `source_to_target` flow). With A the
/// symmetric adjacency without self-loops, D its degrees and Â = A + I, D̂ = D + I (as PyG 2.0 defines them):
///
/// | propagation          | matrix                   | used by                                                      |
/// |----------------------|--------------------------|--------------------------------------------------------------|
/// | ``normalizedWithSelfLoops`` | D̂^-1/2 Â D̂^-1/2   | `GCNConv` (`gcn_norm`, `add_self_loops=True`)                 |
/// | ``sumWithSelfLoops`` | I + A                    | `GINConv` with ε = 0: (1 + ε) x_i + Σ_j x_j                   |
/// | ``sum``              | A                        | `GraphConv` (k-GNN), `aggr='add'`                            |
/// | ``mean``             | D^-1 A                   | `SAGEConv`, mean aggregator (a node without neighbours gets 0) |
/// | ``normalized``       | D^-1/2 A D^-1/2          | `ARMAConv` (`gcn_norm`, `add_self_loops=False`)              |
/// | ``scaledLaplacian``  | L̂ = 2L/λmax − I = −D^-1/2 A D^-1/2 | `ChebConv`, `normalization='sym'`, λmax = 2 (its default) |
///
/// ``selfLooped`` is Â's pattern, over which graph attention normalises its scores (`GATConv` removes and adds
/// self-loops).
public struct GraphStructure: Sendable {
    /// The number of nodes N.
    public let nodeCount: Int
    /// A: the symmetric adjacency pattern without self-loops.
    public let adjacency: SparsityPattern
    /// Â = A + I.
    public let selfLooped: SparsityPattern
    /// D̂^-1/2 Â D̂^-1/2 on ``selfLooped``.
    public let normalizedWithSelfLoops: Tensor
    /// I + A on ``selfLooped`` (all ones).
    public let sumWithSelfLoops: Tensor
    /// A on ``adjacency`` (all ones).
    public let sum: Tensor
    /// D^-1 A on ``adjacency``.
    public let mean: Tensor
    /// D^-1/2 A D^-1/2 on ``adjacency``.
    public let normalized: Tensor
    /// −D^-1/2 A D^-1/2 on ``adjacency``.
    public let scaledLaplacian: Tensor

    /// Builds the matrices of a graph.
    ///
    /// - Parameter adjacency: a square, symmetric pattern without diagonal entries (both directions of every
    ///   undirected edge).
    /// - Precondition: `adjacency` is square and has no self-loops.
    /// - Complexity: O(N + E log E).
    public init(adjacency: SparsityPattern) {
        precondition(
            adjacency.rows == adjacency.columns,
            "GraphStructure: adjacency is \(adjacency.rows) x \(adjacency.columns), expected a square matrix")
        let nodeCount = adjacency.rows
        let edges = adjacency.edges
        precondition(
            edges.allSatisfy { $0.row != $0.column },
            "GraphStructure: adjacency has self-loops; pass the graph without them (each operation adds its own)")
        self.nodeCount = nodeCount
        self.adjacency = adjacency
        selfLooped = SparsityPattern(
            rows: nodeCount, columns: nodeCount,
            edges: edges.map { ($0.row, $0.column) } + (0..<nodeCount).map { ($0, $0) })
        let degrees = (0..<nodeCount).map { Float(adjacency.rowOffsets[$0 + 1] - adjacency.rowOffsets[$0]) }
        let inverseRoot = degrees.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        let inverseRootWithLoops = degrees.map { 1 / ($0 + 1).squareRoot() }
        normalizedWithSelfLoops = Tensor(
            shape: [selfLooped.nonzeroCount],
            scalars: selfLooped.edges.map { inverseRootWithLoops[$0.row] * inverseRootWithLoops[$0.column] })
        sumWithSelfLoops = Tensor(repeating: 1, shape: [selfLooped.nonzeroCount])
        sum = Tensor(repeating: 1, shape: [adjacency.nonzeroCount])
        mean = Tensor(shape: [adjacency.nonzeroCount], scalars: edges.map { 1 / degrees[$0.row] })
        let normalizedScalars = edges.map { inverseRoot[$0.row] * inverseRoot[$0.column] }
        normalized = Tensor(shape: [adjacency.nonzeroCount], scalars: normalizedScalars)
        scaledLaplacian = Tensor(shape: [adjacency.nonzeroCount], scalars: normalizedScalars.map { -$0 })
    }
}
