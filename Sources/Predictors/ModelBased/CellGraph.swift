/// A cell as a directed graph with a label (an operation) on every node: what a graph predictor reads (Wen et
/// al., "Neural Predictor for Neural Architecture Search", ECCV 2020).
///
/// Node 0 is the cell's input and the last node its output, by convention; the labels are small integers below
/// ``labelCount`` (a GCN reads them one-hot). Spaces whose operations sit on edges (NAS-Bench-201) are converted
/// first with ``operationsOnNodes(edges:operations:operationCount:)``.
public struct CellGraph: Hashable, Codable, Sendable {
    /// The number of nodes.
    public let nodeCount: Int
    /// The arcs: entry `u * nodeCount + v` is true when node u's result is an input of node v.
    public let adjacency: [Bool]
    /// Each node's label, in `0..<labelCount`.
    public let labels: [Int]
    /// The number of distinct labels (the length of a node's one-hot).
    public let labelCount: Int

    /// Creates a graph.
    ///
    /// - Parameters:
    ///   - adjacency: `nodeCount × nodeCount` arcs, row-major (row u, column v: u → v).
    ///   - labels: One label per node, each in `0..<labelCount`.
    ///   - labelCount: The number of distinct labels.
    /// - Precondition: at least one node, a square adjacency of that size, and labels in range (a space that
    ///   builds anything else has a bug).
    public init(adjacency: [Bool], labels: [Int], labelCount: Int) {
        let nodeCount = labels.count
        precondition(
            nodeCount >= 1 && adjacency.count == nodeCount * nodeCount,
            "CellGraph: \(nodeCount) labels need \(nodeCount * nodeCount) adjacency entries, got \(adjacency.count)")
        precondition(
            labels.allSatisfy { (0..<labelCount).contains($0) },
            "CellGraph: labels \(labels) must lie in 0..<\(labelCount)")
        self.nodeCount = nodeCount
        self.adjacency = adjacency
        self.labels = labels
        self.labelCount = labelCount
    }

    /// Whether node `source`'s result is an input of node `target`.
    public func hasArc(from source: Int, to target: Int) -> Bool { adjacency[source * nodeCount + target] }

    /// A cell with operations on its edges as a graph with operations on nodes, NASLib's conversion for
    /// NAS-Bench-201 (`encode_gcn_nasbench201` in `naslib/predictors/utils/encodings.py`).
    ///
    /// Node 0 is the input (label 0); node e + 1 is edge e, in the order given (label `operations[e] + 1`); the
    /// last node is the output (label `operationCount + 1`). Arcs: the input → every edge leaving the cell's
    /// input node (node 0 of the cell); edge e → edge f when e ends where f starts; edge e → the output when e
    /// ends at the cell's last node. Every edge keeps its arcs whatever its operation (a `none` edge is a node
    /// labelled `none`, as in NASLib).
    ///
    /// - Parameters:
    ///   - edges: The cell's edges as (source, target) nodes of the cell, sources below targets.
    ///   - operations: The operation index on each edge, in `0..<operationCount`.
    ///   - operationCount: The number of operations.
    /// - Returns: A graph of `edges.count + 2` nodes and `operationCount + 2` labels.
    /// - Precondition: one operation per edge.
    public static func operationsOnNodes(
        edges: [(source: Int, target: Int)], operations: [Int], operationCount: Int
    ) -> CellGraph {
        precondition(
            edges.count == operations.count,
            "CellGraph.operationsOnNodes: \(edges.count) edges but \(operations.count) operations")
        let nodeCount = edges.count + 2
        let output = nodeCount - 1
        let cellOutput = edges.map(\.target).max() ?? 0
        var adjacency = [Bool](repeating: false, count: nodeCount * nodeCount)
        for (position, edge) in edges.enumerated() {
            let node = position + 1
            if edge.source == 0 { adjacency[node] = true }  // row 0: the input
            if edge.target == cellOutput { adjacency[node * nodeCount + output] = true }
            for (next, nextEdge) in edges.enumerated() where nextEdge.source == edge.target {
                adjacency[node * nodeCount + next + 1] = true
            }
        }
        return CellGraph(
            adjacency: adjacency, labels: [0] + operations.map { $0 + 1 } + [operationCount + 1],
            labelCount: operationCount + 2)
    }
}
