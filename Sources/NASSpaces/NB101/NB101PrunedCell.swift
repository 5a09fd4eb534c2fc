/// A NAS-Bench-101 cell after pruning: only the vertices that lie on some input-to-output path, renumbered
/// consecutively in their original order, with the edges among them (the benchmark's `ModelSpec.matrix` and
/// `ModelSpec.ops` after `ModelSpec._prune`). This is the graph that the module hash and the network builder
/// see.
///
/// Vertex 0 is the input and vertex `vertexCount - 1` the output; a cell whose input feeds only the output has
/// two vertices.
public struct NB101PrunedCell: Hashable, Sendable {
    /// The number of vertices kept, between 2 and 7.
    public let vertexCount: Int
    /// The operations of the interior vertices 1 ..< vertexCount - 1.
    public let operations: [NB101Operation]
    /// For each kept vertex, its number in the unpruned 7-vertex cell.
    public let originalVertices: [Int]
    /// Bit j of `successors[i]` is set when the edge i → j is present.
    let successors: [UInt8]

    /// Prunes a 7-vertex cell given by its edge bits, or returns `nil` when the input does not reach the output.
    ///
    /// A vertex is kept when it is reachable from the input and reaches the output.
    init?(edgeBits: UInt32, operations: [NB101Operation]) {
        let count = NB101Architecture.vertexCount
        var rows = [UInt8](repeating: 0, count: count)
        for (slot, edge) in NB101Architecture.edgeSlots.enumerated() where edgeBits & (1 << UInt32(slot)) != 0 {
            rows[edge.source] |= 1 << UInt8(edge.destination)
        }
        // Forward from the input: vertices in increasing order suffice, the matrix being upper-triangular.
        var fromInput: UInt8 = 1
        for vertex in 0..<count where fromInput & (1 << UInt8(vertex)) != 0 {
            fromInput |= rows[vertex]
        }
        // Backward from the output, in decreasing order.
        var toOutput: UInt8 = 1 << UInt8(count - 1)
        for vertex in stride(from: count - 2, through: 0, by: -1) where rows[vertex] & toOutput != 0 {
            toOutput |= 1 << UInt8(vertex)
        }
        let kept = fromInput & toOutput
        guard kept & 1 != 0 else { return nil }
        let vertices = (0..<count).filter { kept & (1 << UInt8($0)) != 0 }
        var newIndex = [Int](repeating: -1, count: count)
        for (index, vertex) in vertices.enumerated() { newIndex[vertex] = index }
        successors = vertices.map { vertex in
            var row: UInt8 = 0
            for destination in vertices where rows[vertex] & (1 << UInt8(destination)) != 0 {
                row |= 1 << UInt8(newIndex[destination])
            }
            return row
        }
        vertexCount = vertices.count
        originalVertices = vertices
        self.operations = vertices.dropFirst().dropLast().map { operations[$0 - 1] }
    }

    /// Whether the edge `source` → `destination` is present.
    public func hasEdge(from source: Int, to destination: Int) -> Bool {
        guard successors.indices.contains(source), 0 <= destination, destination < vertexCount else { return false }
        return successors[source] & (1 << UInt8(destination)) != 0
    }

    /// The number of edges.
    public var edgeCount: Int { successors.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The adjacency matrix, `vertexCount` rows of 0s and 1s.
    public var matrix: [[Int]] {
        (0..<vertexCount).map { source in (0..<vertexCount).map { hasEdge(from: source, to: $0) ? 1 : 0 } }
    }

    /// The operation names of `ModelSpec.ops` after pruning: `input`, the interior names, `output`.
    public var ops: [String] { ["input"] + operations.map(\.name) + ["output"] }

    /// The labelled graph without the original vertex numbers: equal structures have equal module hashes.
    struct Structure: Hashable {
        let successors: [UInt8]
        let operations: [NB101Operation]
    }

    var structure: Structure { Structure(successors: successors, operations: operations) }

    /// The vertices with an edge into `vertex`, in increasing order.
    public func predecessors(of vertex: Int) -> [Int] {
        (0..<vertexCount).filter { hasEdge(from: $0, to: vertex) }
    }
}
