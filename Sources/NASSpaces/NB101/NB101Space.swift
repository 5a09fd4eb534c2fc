import NASCore
import Seeding

/// The NAS-Bench-101 cell space (Ying et al., ICML 2019): 7-vertex DAGs with 3 interior operations and at most
/// 9 edges after pruning; 423,624 cells up to isomorphism. The specification, with every external order, is in
/// SearchSpaces/nb101/SPACE.md.
///
/// - Sampling: NAS-Bench-101's and NASLib's: each of the 21 upper-triangular entries is an edge with probability
///   1/2 and each interior vertex gets a uniform operation, redrawn until the cell is valid (the input reaches
///   the output and at most 9 edges remain after pruning). The draws are one `uniformInt(below: 2^21)` for the
///   edge bits (bit k is slot k, see ``NB101Architecture/slot(from:to:)``), then `uniformInt(below: 3)` for
///   vertices 1 to 5, repeated until valid.
/// - Neighbours: the valid single changes (one operation changed, then one edge flipped) that change the cell's
///   key, in a fixed order and deduplicated by key; this is NASLib's and BANANAS's `get_nbhd` (which skips
///   changes to unused vertices and edges) without its shuffle and without isomorphic duplicates. A cell whose
///   input feeds only the output has no such change; its neighbours are then all valid single changes (of its
///   unused part), so that local search can leave it.
/// - Mutation: a uniformly drawn neighbour. NASLib's `mutate` instead flips every edge with probability 1/7 and
///   changes every operation with probability 1/3, which may change several entries at once.
/// - Key: NAS-Bench-101's module hash of the pruned cell (``NB101PrunedCell/moduleHash``), equal for cells
///   whose pruned graphs are isomorphic and equal to the benchmark's record keys.
public struct NB101Space: SearchSpace, Sendable {
    public typealias Architecture = NB101Architecture

    public init() {}

    public var name: String { "nb101" }

    /// Draws a valid cell (see the type's documentation for the distribution).
    public func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> NB101Architecture {
        while true {
            let edgeBits = UInt32(rng.uniformInt(below: 1 << NB101Architecture.edgeSlotCount))
            let operations = (0..<NB101Architecture.interiorVertexCount).map { _ in
                NB101Operation.allCases[rng.uniformInt(below: NB101Operation.allCases.count)]
            }
            if NB101Architecture.problem(edgeBits: edgeBits, operations: operations) == nil {
                return NB101Architecture(uncheckedEdgeBits: edgeBits, operations: operations)
            }
        }
    }

    /// A uniformly drawn element of ``neighbors(of:)``.
    public func mutate(_ architecture: NB101Architecture, using rng: inout some RandomNumberGenerator) -> NB101Architecture {
        let neighbors = neighbors(of: architecture)
        guard let neighbor = neighbors.seededRandomElement(using: &rng) else {
            preconditionFailure("NB101Space.mutate: \(architecture.text) has no neighbours")
        }
        return neighbor
    }

    /// The valid single changes that change the key: first, for each vertex 1...5, the other operations in
    /// canonical order, then for each edge slot 0...20 its flip; each key once, the cell's own key never. For a
    /// cell whose input feeds only the output: all valid single changes, in the same order.
    ///
    /// - Complexity: at most 31 candidate cells, each pruned and (when its pruned graph is new) hashed.
    public func neighbors(of architecture: NB101Architecture) -> [NB101Architecture] {
        let changes = singleChanges(of: architecture)
        // Keys by pruned structure: changes to unused parts leave it, and hashing is the cost here.
        var keysByStructure: [NB101PrunedCell.Structure: String] = [:]
        func key(of cell: NB101PrunedCell) -> String {
            if let known = keysByStructure[cell.structure] { return known }
            let key = cell.moduleHash
            keysByStructure[cell.structure] = key
            return key
        }
        var seenKeys: Set<String> = [key(of: architecture.pruned)]
        var neighbors: [NB101Architecture] = []
        for change in changes where seenKeys.insert(key(of: change.pruned)).inserted {
            neighbors.append(change)
        }
        return neighbors.isEmpty ? changes : neighbors
    }

    /// Every valid cell that differs from `architecture` in one operation or one edge: operation changes of
    /// vertices 1...5 (other operations in canonical order), then edge flips in slot order.
    public func singleChanges(of architecture: NB101Architecture) -> [NB101Architecture] {
        var changes: [NB101Architecture] = []
        for vertex in 0..<NB101Architecture.interiorVertexCount {
            for operation in NB101Operation.allCases where operation != architecture.operations[vertex] {
                var operations = architecture.operations
                operations[vertex] = operation
                // Operations never affect validity.
                changes.append(NB101Architecture(uncheckedEdgeBits: architecture.edgeBits, operations: operations))
            }
        }
        for slot in 0..<NB101Architecture.edgeSlotCount {
            let edgeBits = architecture.edgeBits ^ (1 << UInt32(slot))
            if NB101Architecture.problem(edgeBits: edgeBits, operations: architecture.operations) == nil {
                changes.append(NB101Architecture(uncheckedEdgeBits: edgeBits, operations: architecture.operations))
            }
        }
        return changes
    }

    /// NAS-Bench-101's module hash of the pruned cell.
    public func key(of architecture: NB101Architecture) -> ArchitectureKey {
        ArchitectureKey(architecture.pruned.moduleHash)
    }

    /// Reads `adjacency=<7 rows of 7 bits separated by '/'> ops=input,<5 operations>,output`.
    public func parse(_ text: String) throws(ArchitectureParseError) -> NB101Architecture {
        try NB101Architecture(text: text)
    }

    /// Writes `adjacency=<7 rows of 7 bits separated by '/'> ops=input,<5 operations>,output`.
    public func format(_ architecture: NB101Architecture) -> String {
        architecture.text
    }
}
