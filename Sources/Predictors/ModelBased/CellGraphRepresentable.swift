import NASCore

/// A search space whose architectures can be read as a ``CellGraph``, the input of graph predictors
/// (``GCNPredictor``).
///
/// The conformance belongs where the concrete space meets the predictors (NASRunner), since neither NASSpaces
/// nor Predictors imports the other. For NAS-Bench-201, NASLib's conversion is
/// `CellGraph.operationsOnNodes(edges: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)],
/// operations: architecture.naslibOperationIndices, operationCount: 5)`: NASLib's edge and operation orders,
/// giving NASLib's 8 × 8 matrix and 7 labels exactly.
public protocol CellGraphRepresentable: SearchSpace {
    /// The architecture as a labelled directed graph; every architecture of the space has the same node and label
    /// counts.
    func cellGraph(of architecture: Architecture) -> CellGraph
}
