import NASCore

/// Encodings of the canonical form (so that every description of one network encodes alike), for a space of n
/// operations:
/// - one-hot: the pattern (9 entries) then each layer's operation (n entries each): 9 + 4n (45 for nine);
/// - adjacency + one-hot: the strictly upper-triangular 6 x 6 adjacency of input (node 0), layers 1-4 and
///   output (node 5), row by row (15 entries; a leaf layer feeds the output), then each layer's operation: 15 + 4n
///   (51);
/// - path: one indicator per operation sequence from the input to the output (the chain from the first layer
///   down to each leaf layer), sequences of length 1 to 4 in order of length and then as base-n numbers:
///   n + n² + n³ + n⁴ (7,380 for nine, 780 for five). Two leaves with the same chain share one indicator.
extension GraphSpace {
    /// One-hot, adjacency + one-hot, and path.
    public var encodings: [ArchitectureEncoding] { [.oneHot, .adjacencyOneHot, .path] }

    /// The architecture's canonical form as a vector (see the extension's documentation for the layouts).
    ///
    /// - Precondition: the architecture uses only this space's operations.
    public func encode(_ architecture: GraphArchitecture, as encoding: ArchitectureEncoding) -> [Float] {
        checkOperations(of: architecture)
        let canonical = architecture.canonical
        let operationIndices = canonical.operations.map { operations.firstIndex(of: $0)! }
        let n = operations.count
        var operationOneHot = Array(repeating: Float(0), count: GraphArchitecture.layerCount * n)
        for (position, index) in operationIndices.enumerated() {
            operationOneHot[position * n + index] = 1
        }
        switch encoding {
        case .oneHot:
            var patternOneHot = Array(repeating: Float(0), count: GraphLinkPattern.all.count)
            patternOneHot[GraphLinkPattern(links: canonical.links)!.index] = 1
            return patternOneHot + operationOneHot
        case .adjacencyOneHot:
            return Self.upperTriangularAdjacency(links: canonical.links) + operationOneHot
        case .path:
            return pathIndicators(links: canonical.links, operationIndices: operationIndices)
        }
    }

    /// The strictly upper-triangular part of the 6 x 6 adjacency (input 0, layers 1-4, output 5), row by row.
    static func upperTriangularAdjacency(links: [Int]) -> [Float] {
        let nodeCount = GraphArchitecture.layerCount + 2
        let output = nodeCount - 1
        var adjacency = Array(repeating: Array(repeating: Float(0), count: nodeCount), count: nodeCount)
        for (position, link) in links.enumerated() {
            adjacency[link][position + 1] = 1
        }
        for layer in 1...GraphArchitecture.layerCount where !links.contains(layer) {
            adjacency[layer][output] = 1
        }
        var flattened: [Float] = []
        for row in 0..<nodeCount {
            flattened += adjacency[row][(row + 1)...]
        }
        return flattened
    }

    /// One indicator per input-to-output operation sequence (see the extension's documentation).
    func pathIndicators(links: [Int], operationIndices: [Int]) -> [Float] {
        let n = operations.count
        var offsets = [0]  // offsets[length - 1]: where sequences of that length start
        var power = 1
        for _ in 0..<GraphArchitecture.layerCount {
            power *= n
            offsets.append(offsets.last! + power)
        }
        var indicators = Array(repeating: Float(0), count: offsets.last!)
        for leaf in 1...GraphArchitecture.layerCount where !links.contains(leaf) {
            var chain: [Int] = []
            var node = leaf
            while node > 0 {
                chain.append(operationIndices[node - 1])
                node = links[node - 1]
            }
            let number = chain.reversed().reduce(0) { $0 * n + $1 }
            indicators[offsets[chain.count - 1] + number] = 1
        }
        return indicators
    }
}
