import Tensors

/// Which of a graph's fixed sparse matrices (``GraphStructure``) a term of a graph convolution propagates with.
public enum GraphPropagation: CaseIterable, Hashable, Sendable {
    /// D̂^-1/2 (A + I) D̂^-1/2 (GCN).
    case normalizedWithSelfLoops
    /// I + A (GIN with ε = 0).
    case sumWithSelfLoops
    /// A (k-GNN's neighbour sum).
    case sum
    /// D^-1 A (GraphSAGE's mean).
    case mean
    /// D^-1/2 A D^-1/2 (ARMA).
    case normalized
    /// −D^-1/2 A D^-1/2 (ChebNet's scaled Laplacian).
    case scaledLaplacian

    /// The pattern and values of this matrix for a graph.
    public func matrix(in structure: GraphStructure) -> (pattern: SparsityPattern, values: Tensor) {
        switch self {
        case .normalizedWithSelfLoops: (structure.selfLooped, structure.normalizedWithSelfLoops)
        case .sumWithSelfLoops: (structure.selfLooped, structure.sumWithSelfLoops)
        case .sum: (structure.adjacency, structure.sum)
        case .mean: (structure.adjacency, structure.mean)
        case .normalized: (structure.adjacency, structure.normalized)
        case .scaledLaplacian: (structure.adjacency, structure.scaledLaplacian)
        }
    }

    /// M · H for node features H (N, F): (N, F).
    func propagate(_ features: Variable, in structure: GraphStructure) -> Variable {
        let (pattern, values) = matrix(in: structure)
        return sparseMatmul(pattern, values: Variable(values), features)
    }
}
