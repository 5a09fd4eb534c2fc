import NASCore

// The two encodings of White et al. ("A Study on Encodings for Neural Architecture Search", NeurIPS 2020;
// BANANAS, AAAI 2021) in NASLib's layout (`naslib/search_spaces/nasbench101/encodings.py`), so that vectors are
// entry for entry NASLib's:
//
// - adjacency-one-hot, 36 entries: the 21 upper-triangular entries of the matrix as written, row by row
//   ((0,1), (0,2), ..., (0,6), (1,2), ..., (5,6)), then for vertices 1 to 5 a one-hot of 3 in NASLib's column
//   order (maxpool3x3, conv3x3-bn-relu, conv1x1-bn-relu).
// - path, 364 entries: one indicator per input-to-output path, named by its operations from the input side,
//   o_0 ... o_(L-1), 0 <= L <= 5, at index Σ_i 3^i · (canonical index of o_i + 1) (conv3x3-bn-relu 0,
//   conv1x1-bn-relu 1, maxpool3x3 2). Paths of length L fill indices [(3^L - 1)/2, (3^(L+1) - 1)/2): the direct
//   edge input -> output is index 0, and 3^0 + ... + 3^5 = 364.

extension NB101Space {
    /// Length of the adjacency-one-hot encoding: 21 + 5·3.
    public static let adjacencyOneHotLength = NB101Architecture.edgeSlotCount
        + NB101Architecture.interiorVertexCount * NB101Operation.allCases.count
    /// Length of the path encoding: 3⁰ + 3¹ + ... + 3⁵.
    public static let pathEncodingLength = (0...NB101Architecture.interiorVertexCount).reduce(0) { total, length in
        total + power(NB101Operation.allCases.count, length)
    }

    public var encodings: [ArchitectureEncoding] { [.adjacencyOneHot, .path] }

    /// The adjacency-one-hot (36) or path (364) encoding; see SearchSpaces/nb101/SPACE.md.
    ///
    /// - Precondition: `encoding` is `.adjacencyOneHot` or `.path`.
    public func encode(_ architecture: NB101Architecture, as encoding: ArchitectureEncoding) -> [Float] {
        switch encoding {
        case .adjacencyOneHot:
            var vector = [Float](repeating: 0, count: Self.adjacencyOneHotLength)
            for (slot, edge) in NB101Architecture.edgeSlots.enumerated()
            where architecture.hasEdge(from: edge.source, to: edge.destination) {
                vector[slot] = 1
            }
            for (vertex, operation) in architecture.operations.enumerated() {
                vector[NB101Architecture.edgeSlotCount + 3 * vertex + operation.naslibOneHotColumn] = 1
            }
            return vector
        case .path:
            var vector = [Float](repeating: 0, count: Self.pathEncodingLength)
            for index in pathIndices(of: architecture) { vector[index] = 1 }
            return vector
        case .oneHot:
            preconditionFailure("NB101Space.encode: nb101 provides adjacency-one-hot and path, not \(encoding.rawValue)")
        }
    }

    /// The path-encoding index of every input-to-output path, one per path, in increasing order (a cell may have
    /// two paths with the same operations, hence the same index).
    public func pathIndices(of architecture: NB101Architecture) -> [Int] {
        let cell = architecture.pruned
        let base = NB101Operation.allCases.count
        // For each vertex, the indices of the partial paths from the input to it, and their lengths.
        var partial: [[(index: Int, length: Int)]] = Array(repeating: [], count: cell.vertexCount)
        partial[0] = [(index: 0, length: 0)]
        for vertex in 1..<cell.vertexCount {
            let digit = vertex < cell.vertexCount - 1 ? cell.operations[vertex - 1].rawValue + 1 : 0
            for source in cell.predecessors(of: vertex) {
                for path in partial[source] {
                    partial[vertex].append(
                        digit == 0
                            ? path
                            : (index: path.index + Self.power(base, path.length) * digit, length: path.length + 1))
                }
            }
        }
        return partial[cell.vertexCount - 1].map(\.index).sorted()
    }

    static func power(_ base: Int, _ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { product, _ in product * base }
    }
}
