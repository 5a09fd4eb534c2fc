import NASCore

/// A NAS-Bench-101 cell (Ying et al., "NAS-Bench-101: Towards Reproducible Neural Architecture Search",
/// ICML 2019): a DAG on 7 vertices given by a strictly upper-triangular 7x7 adjacency matrix, vertex 0 the
/// input, vertex 6 the output, and one ``NB101Operation`` on each of the 5 interior vertices.
///
/// The value keeps the matrix and operations exactly as written, including vertices and edges that lie on no
/// input-to-output path; ``pruned`` removes those, as the benchmark's `ModelSpec` does. Every value is valid in
/// the benchmark's sense (`NASBench.is_valid`): the input reaches the output, and the pruned cell has at most
/// ``maximumEdgeCount`` edges (the unpruned matrix may hold more in its unused part, as NASLib's sampler allows).
///
/// Equality is of the matrix and operations as written; ``NB101Space/key(of:)`` is equal for cells whose
/// pruned graphs are isomorphic.
public struct NB101Architecture: Hashable, Sendable {
    /// Vertices of every cell, input and output included.
    public static let vertexCount = 7
    /// Interior vertices, each carrying an operation.
    public static let interiorVertexCount = 5
    /// Slots above the diagonal: 7·6/2.
    public static let edgeSlotCount = 21
    /// The largest number of edges the benchmark's cells have after pruning.
    public static let maximumEdgeCount = 9

    /// Bit `slot(from: i, to: j)` is set when the edge i → j is present (row-major order of the upper triangle).
    let edgeBits: UInt32
    /// The operations of the interior vertices 1...5, in vertex order.
    public let operations: [NB101Operation]

    /// A cell from its adjacency matrix and interior operations.
    ///
    /// - Parameters:
    ///   - matrix: 7 rows of 7 entries, each 0 or 1; `matrix[i][j] == 1` is the edge i → j.
    ///   - operations: the operations of vertices 1 to 5.
    /// - Throws: ``ArchitectureParseError`` naming the problem: wrong shape, an entry other than 0 or 1, an entry
    ///   on or below the diagonal, the wrong number of operations, an input that does not reach the output, or
    ///   more than 9 edges after pruning.
    public init(matrix: [[Int]], operations: [NB101Operation]) throws(ArchitectureParseError) {
        guard matrix.count == Self.vertexCount else {
            throw ArchitectureParseError("nb101: the adjacency matrix has \(matrix.count) rows, expected 7")
        }
        var bits: UInt32 = 0
        for (row, entries) in matrix.enumerated() {
            guard entries.count == Self.vertexCount else {
                throw ArchitectureParseError("nb101: row \(row) of the adjacency matrix has \(entries.count) entries, expected 7")
            }
            for (column, entry) in entries.enumerated() {
                guard entry == 0 || entry == 1 else {
                    throw ArchitectureParseError("nb101: entry (\(row), \(column)) of the adjacency matrix is \(entry), expected 0 or 1")
                }
                guard entry == 0 || column > row else {
                    throw ArchitectureParseError(
                        "nb101: entry (\(row), \(column)) is an edge on or below the diagonal; the adjacency matrix must be strictly upper-triangular")
                }
                if entry == 1 { bits |= 1 << UInt32(Self.slot(from: row, to: column)) }
            }
        }
        try self.init(edgeBits: bits, operations: operations)
    }

    /// A cell in the form of NAS-Bench-101's `ModelSpec` and records: the matrix and 7 operation names, the first
    /// `input` and the last `output`.
    ///
    /// - Throws: ``ArchitectureParseError`` for the problems of ``init(matrix:operations:)`` and for an unknown
    ///   operation name or misplaced `input`/`output`.
    public init(matrix: [[Int]], ops: [String]) throws(ArchitectureParseError) {
        try self.init(matrix: matrix, operations: Self.interiorOperations(from: ops))
    }

    /// A cell from the edge bit set (bit `slot(from:to:)` per edge), validated.
    init(edgeBits: UInt32, operations: [NB101Operation]) throws(ArchitectureParseError) {
        if let problem = Self.problem(edgeBits: edgeBits, operations: operations) {
            throw ArchitectureParseError("nb101: \(problem)")
        }
        self.edgeBits = edgeBits
        self.operations = operations
    }

    /// A cell known to be valid (callers checked ``problem(edgeBits:operations:)``).
    init(uncheckedEdgeBits edgeBits: UInt32, operations: [NB101Operation]) {
        self.edgeBits = edgeBits
        self.operations = operations
    }

    /// Why a bit set and operations are not a valid cell, or `nil` when they are.
    static func problem(edgeBits: UInt32, operations: [NB101Operation]) -> String? {
        if operations.count != interiorVertexCount {
            return "\(operations.count) interior operations, expected 5"
        }
        if edgeBits >> UInt32(edgeSlotCount) != 0 {
            return "edge bits \(edgeBits) use slots beyond the 21 of the upper triangle"
        }
        guard let pruned = NB101PrunedCell(edgeBits: edgeBits, operations: operations) else {
            return "the input does not reach the output"
        }
        if pruned.edgeCount > maximumEdgeCount {
            return "the cell has \(pruned.edgeCount) edges on input-to-output paths, at most 9 are allowed"
        }
        return nil
    }

    /// The interior operations of a 7-name op list that starts with `input` and ends with `output`.
    static func interiorOperations(from ops: [String]) throws(ArchitectureParseError) -> [NB101Operation] {
        guard ops.count == vertexCount else {
            throw ArchitectureParseError(
                "nb101: \(ops.count) operations, expected 7: input, five of \(NB101Operation.nameList), output")
        }
        guard ops[0] == "input" else {
            throw ArchitectureParseError("nb101: the first operation is '\(ops[0])', expected 'input'")
        }
        guard ops[vertexCount - 1] == "output" else {
            throw ArchitectureParseError("nb101: the last operation is '\(ops[vertexCount - 1])', expected 'output'")
        }
        var operations: [NB101Operation] = []
        for (vertex, name) in ops.enumerated().dropFirst().dropLast() {
            guard let operation = NB101Operation(name: name) else {
                throw ArchitectureParseError(
                    "nb101: unknown operation '\(name)' at vertex \(vertex); expected one of \(NB101Operation.nameList)")
            }
            operations.append(operation)
        }
        return operations
    }

    // MARK: Reading the cell

    /// The position of the edge i → j in the row-major order of the upper triangle: (0,1) is 0, (0,6) is 5,
    /// (1,2) is 6, ..., (5,6) is 20.
    ///
    /// - Precondition: 0 <= i < j < 7.
    public static func slot(from source: Int, to destination: Int) -> Int {
        precondition(
            0 <= source && source < destination && destination < vertexCount,
            "NB101Architecture.slot: no edge slot from \(source) to \(destination) (need 0 <= i < j < 7)")
        return source * vertexCount - source * (source + 1) / 2 + (destination - source - 1)
    }

    /// The edges (i, j) of the upper triangle in slot order.
    public static let edgeSlots: [(source: Int, destination: Int)] = (0..<vertexCount).flatMap { source in
        ((source + 1)..<vertexCount).map { (source: source, destination: $0) }
    }

    /// Whether the edge `source` → `destination` is present (false on and below the diagonal).
    public func hasEdge(from source: Int, to destination: Int) -> Bool {
        guard 0 <= source, source < destination, destination < Self.vertexCount else { return false }
        return edgeBits & (1 << UInt32(Self.slot(from: source, to: destination))) != 0
    }

    /// The 7x7 adjacency matrix of 0s and 1s, as written.
    public var matrix: [[Int]] {
        (0..<Self.vertexCount).map { source in
            (0..<Self.vertexCount).map { hasEdge(from: source, to: $0) ? 1 : 0 }
        }
    }

    /// The 7 operation names of NAS-Bench-101's `ModelSpec.ops`: `input`, the interior names, `output`.
    public var ops: [String] { ["input"] + operations.map(\.name) + ["output"] }

    /// The number of edges as written (including edges that pruning removes).
    public var edgeCount: Int { edgeBits.nonzeroBitCount }

    /// The cell with every vertex and edge off the input-to-output paths removed (the benchmark's
    /// `ModelSpec.matrix` and `ModelSpec.ops` after `_prune`).
    public var pruned: NB101PrunedCell {
        guard let cell = NB101PrunedCell(edgeBits: edgeBits, operations: operations) else {
            preconditionFailure("NB101Architecture: a valid cell always has an input-to-output path")
        }
        return cell
    }
}
