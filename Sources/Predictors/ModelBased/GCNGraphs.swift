/// Cell graphs prepared for the GCN: one-hot node features and the two propagation matrices of every graph, as
/// dense `Float` buffers in the order of the graphs.
///
/// NASLib's forward pass (`NeuralPredictorModel.forward`, `DirectedGraphConvolution.forward`) normalizes the
/// adjacency A (u → v) twice: once per model, Â = rownorm(A + I), and once per layer, P = rownorm(Â) for the
/// forward direction and Q = rownorm(Âᵀ) for the backward one, where rownorm divides each row by its sum.
/// Both depend only on the graph, so they are computed once here, in `Float` as PyTorch does.
struct GCNGraphs: Sendable {
    /// The nodes per graph.
    let nodeCount: Int
    /// The length of a node's one-hot label.
    let featureCount: Int
    /// The number of graphs.
    let graphCount: Int
    /// (graphs · nodes, features): each node's one-hot label.
    let features: [Float]
    /// (graphs, nodes, nodes): P = rownorm(rownorm(A + I)), row v averaging over v and the nodes v reads.
    let forwardPropagation: [Float]
    /// (graphs, nodes, nodes): Q = rownorm(rownorm(A + I)ᵀ), row u averaging over u and the nodes reading u.
    let backwardPropagation: [Float]

    /// Prepares `graphs`.
    ///
    /// - Precondition: every graph has `nodeCount` nodes and `featureCount` labels (checked by the caller,
    ///   which names the space).
    init(_ graphs: [CellGraph], nodeCount: Int, featureCount: Int) {
        self.nodeCount = nodeCount
        self.featureCount = featureCount
        graphCount = graphs.count
        var features = [Float](repeating: 0, count: graphs.count * nodeCount * featureCount)
        var forward: [Float] = []
        var backward: [Float] = []
        forward.reserveCapacity(graphs.count * nodeCount * nodeCount)
        backward.reserveCapacity(graphs.count * nodeCount * nodeCount)
        for (position, graph) in graphs.enumerated() {
            precondition(
                graph.nodeCount == nodeCount && graph.labelCount == featureCount,
                "GCNGraphs: a graph of \(graph.nodeCount) nodes and \(graph.labelCount) labels among graphs of "
                    + "\(nodeCount) and \(featureCount)")
            for (node, label) in graph.labels.enumerated() {
                features[(position * nodeCount + node) * featureCount + label] = 1
            }
            let withSelfLoops = (0..<(nodeCount * nodeCount)).map { index in
                (graph.adjacency[index] ? Float(1) : 0) + (index / nodeCount == index % nodeCount ? 1 : 0)
            }
            let normalized = Self.rowNormalized(withSelfLoops, size: nodeCount)
            forward += Self.rowNormalized(normalized, size: nodeCount)
            backward += Self.rowNormalized(Self.transposed(normalized, size: nodeCount), size: nodeCount)
        }
        self.features = features
        forwardPropagation = forward
        backwardPropagation = backward
    }

    /// Each row of the square `matrix` divided by its sum (NASLib's `normalize_adj`).
    ///
    /// - Precondition: no row sums to 0 (true with self-loops).
    static func rowNormalized(_ matrix: [Float], size: Int) -> [Float] {
        var result = matrix
        for row in 0..<size {
            var sum: Float = 0
            for column in 0..<size { sum += matrix[row * size + column] }
            for column in 0..<size { result[row * size + column] = matrix[row * size + column] / sum }
        }
        return result
    }

    /// The transpose of the square `matrix`.
    static func transposed(_ matrix: [Float], size: Int) -> [Float] {
        (0..<(size * size)).map { matrix[($0 % size) * size + $0 / size] }
    }
}
