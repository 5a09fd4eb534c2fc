import Tensors

/// One Planetoid citation graph (Yang, Cohen & Salakhutdinov 2016: Cora, CiteSeer) with its standard split, as
/// Kipf & Welling's GCN code and PyTorch Geometric's `Planetoid` dataset give it (and NAS-Bench-Graph trained on).
///
/// Nodes are papers, features the 0/1 bag of words of each paper, edges the undirected citations. The reader
/// (``Planetoid``) returns the graph as stored; each graph operation adds or leaves out self-loops itself, from
/// ``adjacency`` (which has none).
public struct PlanetoidGraph: Sendable {
    /// The dataset's name, e.g. `cora`.
    public let name: String
    /// The number of nodes N.
    public let nodeCount: Int
    /// The number of features F of every node.
    public let featureCount: Int
    /// The number of classes K.
    public let classCount: Int
    /// For each node, the columns of its 1s in `0..<featureCount`, strictly increasing (empty for a node
    /// without features: CiteSeer's 15 test-range nodes the original files have no data for).
    public let featureColumns: [[Int32]]
    /// The class of each node in `0..<classCount`, or -1 for a node without a label (those same nodes).
    public let labels: [Int32]
    /// The undirected edges as (smaller, larger) node pairs, each once, sorted; no self-loops.
    public let edges: [(Int, Int)]
    /// The training nodes (Cora 140, CiteSeer 120: 20 per class).
    public let trainNodes: [Int32]
    /// The validation nodes (500).
    public let validationNodes: [Int32]
    /// The test nodes (1,000).
    public let testNodes: [Int32]

    /// Creates a graph from checked parts; ``Planetoid/load(path:)`` checks a file's parts and explains what is
    /// wrong.
    public init(
        name: String, nodeCount: Int, featureCount: Int, classCount: Int, featureColumns: [[Int32]],
        labels: [Int32], edges: [(Int, Int)], trainNodes: [Int32], validationNodes: [Int32], testNodes: [Int32]
    ) {
        self.name = name
        self.nodeCount = nodeCount
        self.featureCount = featureCount
        self.classCount = classCount
        self.featureColumns = featureColumns
        self.labels = labels
        self.edges = edges
        self.trainNodes = trainNodes
        self.validationNodes = validationNodes
        self.testNodes = testNodes
    }

    /// The symmetric (N × N) adjacency pattern: entries (i, j) and (j, i) for every edge, no self-loops.
    ///
    /// - Complexity: O(E log E).
    public var adjacency: SparsityPattern {
        SparsityPattern(rows: nodeCount, columns: nodeCount, edges: edges.flatMap { [($0.0, $0.1), ($0.1, $0.0)] })
    }

    /// The number of neighbours of every node (its row count in ``adjacency``).
    public var degrees: [Int] {
        var degrees = [Int](repeating: 0, count: nodeCount)
        for (a, b) in edges {
            degrees[a] += 1
            degrees[b] += 1
        }
        return degrees
    }
}
