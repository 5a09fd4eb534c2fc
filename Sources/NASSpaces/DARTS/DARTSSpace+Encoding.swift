import NASCore

/// The DARTS encodings (White et al., "A Study on Encodings for Neural Architecture Search", NeurIPS 2020; NASLib's
/// `naslib/search_spaces/nasbench301/encodings.py`), specified in `SearchSpaces/darts/SPACE.md`. Operations are
/// numbered as ``DARTSOperation/genotypeOperations`` (0 max_pool_3x3 ... 6 dil_conv_5x5, NASLib's `OPS`).
///
/// - `oneHot` (192): the one-hot of every decision in ``DARTSSpace/decisions`` order: per cell (normal, then
///   reduce) and node 2...5, the ordered input pair (2, 6, 12, 20 positions), the first operation (7), the second
///   (7); 96 per cell. It encodes the genotype as written: swapping a node's two pairs changes it.
/// - `adjacencyOneHot` (154): per cell (normal, then reduce), the 7-node graph NASLib's `encode_adj` draws (0, 1
///   the previous cells, 2-5 the nodes, 6 the output), as the 21 entries above the diagonal row by row (u → v when
///   node v reads u; 2-5 → 6 always), then per node 2...5 the one-hot operation (7) of its lower-numbered input's
///   pair, then of its higher-numbered one's; 77 per cell. Ordering the pairs by input makes it a function of the
///   key. NASLib's own vector differs in form: the full 7x7 matrix and the operations as integers in genotype order.
/// - `path` (11,204): NASLib's `encode_paths`, the indicator of each path from a cell input to the output, named
///   by its operations from the input outwards. Four blocks of 2,801 (normal from input 0, normal from 1, reduce
///   from 0, reduce from 1); in a block, a path of operations o₁...o_l (l = 1...4) sits at Σⱼ 7^(j−1)·(oⱼ + 1), a
///   bijective base-7 numbering (position 0 is never set). NASLib's `get_paths` walks only the first 7 of the 8
///   pairs (`range(len(OPS))`), dropping node 5's second input; NASKit walks all 8.
extension DARTSSpace {
    /// One-hot, adjacency + one-hot and path.
    public var encodings: [ArchitectureEncoding] { [.oneHot, .adjacencyOneHot, .path] }

    /// The encoding's vector.
    public func encode(_ architecture: DARTSArchitecture, as encoding: ArchitectureEncoding) -> [Float] {
        switch encoding {
        case .oneHot: oneHotEncoding(of: architecture)
        case .adjacencyOneHot: adjacencyOneHotEncoding(of: architecture)
        case .path: pathEncoding(of: architecture)
        }
    }

    /// The positions of one path block: 1 + 7 + 49 + 343 + 2,401 (position 0 unused, as in NASLib).
    public static let pathBlockLength = 2_801

    /// The operation sequences of a cell's paths from input `input` (0 or 1) to the output, one per path (paths
    /// through different nodes with the same operations repeat), in the order they are found: pair by pair in
    /// genotype order, each pair extending the paths ending at its input.
    public static func paths(of cell: DARTSCell, from input: Int) -> [[DARTSOperation]] {
        var pathsToNode: [[[DARTSOperation]]] = [[], [], [], [], [], []]
        pathsToNode[input] = [[]]
        var all: [[DARTSOperation]] = []
        for (position, edge) in cell.edges.enumerated() {
            let extended = pathsToNode[edge.input].map { $0 + [edge.operation] }
            pathsToNode[DARTSCell.node(ofEdge: position)] += extended
            all += extended
        }
        return all
    }

    /// The position of a path in its block: Σⱼ 7^(j−1)·(genotypeIndex(oⱼ) + 1).
    ///
    /// - Precondition: 1 to 4 operations, none of them `none`.
    public static func pathIndex(of path: [DARTSOperation]) -> Int {
        precondition((1...4).contains(path.count), "DARTSSpace.pathIndex: a path has 1 to 4 operations, got \(path.count)")
        var index = 0
        var weight = 1
        for operation in path {
            index += weight * (operation.genotypeIndex + 1)
            weight *= 7
        }
        return index
    }

    func oneHotEncoding(of architecture: DARTSArchitecture) -> [Float] {
        let choices = choices(of: architecture)
        var vector: [Float] = []
        vector.reserveCapacity(192)
        for (choice, decision) in zip(choices, decisions) {
            var block = [Float](repeating: 0, count: decision.options.count)
            block[choice] = 1
            vector += block
        }
        return vector
    }

    func adjacencyOneHotEncoding(of architecture: DARTSArchitecture) -> [Float] {
        var vector: [Float] = []
        vector.reserveCapacity(154)
        for cell in architecture.canonical.cells {
            var adjacency = [[Bool]](repeating: [Bool](repeating: false, count: 7), count: 7)
            for (position, edge) in cell.edges.enumerated() {
                adjacency[edge.input][DARTSCell.node(ofEdge: position)] = true
            }
            for node in DARTSCell.concatenatedNodes { adjacency[node][6] = true }
            for row in 0..<7 {
                for column in (row + 1)..<7 { vector.append(adjacency[row][column] ? 1 : 0) }
            }
            for edge in cell.edges {
                var block = [Float](repeating: 0, count: 7)
                block[edge.operation.genotypeIndex] = 1
                vector += block
            }
        }
        return vector
    }

    func pathEncoding(of architecture: DARTSArchitecture) -> [Float] {
        var vector = [Float](repeating: 0, count: 4 * Self.pathBlockLength)
        for (cellIndex, cell) in architecture.cells.enumerated() {
            for input in 0..<2 {
                let offset = (cellIndex * 2 + input) * Self.pathBlockLength
                for path in Self.paths(of: cell, from: input) {
                    vector[offset + Self.pathIndex(of: path)] = 1
                }
            }
        }
        return vector
    }
}
