import NASCore

/// The NB201 encodings (White et al., "A Study on Encodings for Neural Architecture Search", NeurIPS 2020),
/// specified in `SearchSpaces/nb201/SPACE.md`.
///
/// - `oneHot` (30): for each edge in edge order, the one-hot of its operation in NAS-Bench-201's order.
/// - `adjacencyOneHot` (58): the cell as an 8-node DAG with the operations on nodes (node 0 the input, nodes 1-6
///   the edges in edge order, node 7 the output), as BANANAS/NASLib's GCN encodings draw it, but with the data
///   flow of this cell: node u -> v when u's result is an input of v, and a `none` edge's node has no arcs. The
///   28 entries above the diagonal, row by row, then the one-hot operations of nodes 1-6 (30).
/// - `path` (84): BANANAS's path encoding. A path runs from the input to the output along the cell's edges
///   (routes 0->3, 0->1->3, 0->2->3, 0->1->2->3) and is named by its sequence of operations; a `none` edge cuts
///   every path through it, so the names use the 4 other operations: 4 of length 1, 16 of length 2 (routes
///   0->1->3 and 0->2->3 share names, as paths are named by operations only) and 64 of length 3.
extension NB201Space {
    /// One-hot, adjacency + one-hot and path.
    public var encodings: [ArchitectureEncoding] { [.oneHot, .adjacencyOneHot, .path] }

    /// The encoding's vector.
    public func encode(_ architecture: NB201Architecture, as encoding: ArchitectureEncoding) -> [Float] {
        switch encoding {
        case .oneHot: oneHotEncoding(of: architecture)
        case .adjacencyOneHot: adjacencyOneHotEncoding(of: architecture)
        case .path: pathEncoding(of: architecture)
        }
    }

    /// The routes from the input to the output, as edge indices from the input side: 0->3, 0->1->3, 0->2->3,
    /// 0->1->2->3.
    public static let routes: [[Int]] = [[3], [0, 4], [1, 5], [0, 2, 5]]

    /// The number of path features: 4 + 16 + 64.
    public static let pathFeatureCount = 84

    /// The operation sequences of the cell's input-to-output paths, in route order (0->3, 0->1->3, 0->2->3,
    /// 0->1->2->3), leaving out the routes cut by a `none` edge.
    public func paths(of architecture: NB201Architecture) -> [[NB201Operation]] {
        Self.routes.compactMap { route in
            let operations = route.map { architecture[edge: $0] }
            return operations.contains(.none) ? nil : operations
        }
    }

    /// The position of a path's feature: paths are ordered by length, then lexicographically with the operation
    /// nearest the input most significant, operations in NAS-Bench-201's order without `none`.
    ///
    /// - Precondition: 1 to 3 operations, none of them `none`.
    public static func pathFeatureIndex(of path: [NB201Operation]) -> Int {
        guard (1...3).contains(path.count), !path.contains(.none) else {
            fatalError("NB201Space.pathFeatureIndex: a path has 1 to 3 operations other than none, got \(path.map(\.name))")
        }
        let offset = [0, 4, 20][path.count - 1]
        return offset + path.reduce(0) { $0 * 4 + ($1.rawValue - 1) }
    }

    func oneHotEncoding(of architecture: NB201Architecture) -> [Float] {
        var vector = [Float](repeating: 0, count: 30)
        for edge in 0..<NB201Architecture.edgeCount {
            vector[edge * 5 + architecture[edge: edge].rawValue] = 1
        }
        return vector
    }

    func adjacencyOneHotEncoding(of architecture: NB201Architecture) -> [Float] {
        let edges = NB201Architecture.edges
        let live = (0..<NB201Architecture.edgeCount).map { architecture[edge: $0] != .none }
        var adjacency = [[Bool]](repeating: [Bool](repeating: false, count: 8), count: 8)
        for (position, edge) in edges.enumerated() where live[position] {
            let node = position + 1
            if edge.source == 0 { adjacency[0][node] = true }
            if edge.target == 3 { adjacency[node][7] = true }
            for (next, nextEdge) in edges.enumerated() where live[next] && nextEdge.source == edge.target {
                adjacency[node][next + 1] = true
            }
        }
        var vector: [Float] = []
        vector.reserveCapacity(58)
        for row in 0..<8 {
            for column in (row + 1)..<8 {
                vector.append(adjacency[row][column] ? 1 : 0)
            }
        }
        return vector + oneHotEncoding(of: architecture)
    }

    func pathEncoding(of architecture: NB201Architecture) -> [Float] {
        var vector = [Float](repeating: 0, count: Self.pathFeatureCount)
        for path in paths(of: architecture) {
            vector[Self.pathFeatureIndex(of: path)] = 1
        }
        return vector
    }
}
