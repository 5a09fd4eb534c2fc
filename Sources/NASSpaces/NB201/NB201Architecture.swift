/// One NAS-Bench-201 cell: an operation on each of the six edges of the complete 4-node DAG.
///
/// Node 0 is the cell's input, node 3 its output; node j sums `op(j<-i)(node i)` over i < j. The edges are
/// numbered in the order NAS-Bench-201's text form lists them (node 1's input, then node 2's, then node 3's):
///
/// | edge | 0 | 1 | 2 | 3 | 4 | 5 |
/// |------|---|---|---|---|---|---|
/// | target <- source | 1<-0 | 2<-0 | 2<-1 | 3<-0 | 3<-1 | 3<-2 |
///
/// NASLib's 6-tuples use another edge order (1<-0, 2<-0, 3<-0, 2<-1, 3<-1, 3<-2); convert with
/// ``init(naslibOperationIndices:)`` and ``naslibOperationIndices``, never by position.
///
/// The value is stored as its dense index (``NB201Space/index(of:)``), so it is two bytes, hashes and compares in
/// one step, and a table lookup needs no arithmetic.
public struct NB201Architecture: Hashable, Sendable, CustomStringConvertible {
    /// The dense index: edge k's operation (original NAS-Bench-201 order) is base-5 digit 5 - k.
    let code: UInt16

    /// The number of edges.
    public static let edgeCount = 6
    /// The number of cells: 5^6.
    public static let cellCount = 15_625

    /// The edges as (source, target) node pairs, in edge order.
    public static let edges: [NB201Edge] = [
        NB201Edge(source: 0, target: 1), NB201Edge(source: 0, target: 2), NB201Edge(source: 1, target: 2),
        NB201Edge(source: 0, target: 3), NB201Edge(source: 1, target: 3), NB201Edge(source: 2, target: 3),
    ]

    /// The position of edge `target <- source` in edge order: `target * (target - 1) / 2 + source`.
    ///
    /// - Precondition: `0 <= source < target <= 3`.
    public static func edgeIndex(source: Int, target: Int) -> Int {
        guard 0 <= source, source < target, target <= 3 else {
            fatalError("NB201Architecture.edgeIndex: no edge \(target)<-\(source) in the 4-node cell")
        }
        return target * (target - 1) / 2 + source
    }

    init(code: Int) {
        self.code = UInt16(code)
    }

    /// The cell with `operations[k]` on edge k (edge order above).
    ///
    /// - Precondition: `operations.count == 6`.
    public init(operations: [NB201Operation]) {
        guard operations.count == Self.edgeCount else {
            fatalError("NB201Architecture: a cell has 6 edges, got \(operations.count) operations")
        }
        code = UInt16(operations.reduce(0) { $0 * 5 + $1.rawValue })
    }

    /// The same operation on every edge.
    public init(repeating operation: NB201Operation) {
        self.init(operations: Array(repeating: operation, count: Self.edgeCount))
    }

    /// The operation on each edge, in edge order.
    public var operations: [NB201Operation] {
        (0..<Self.edgeCount).map { self[edge: $0] }
    }

    /// The operation on edge `edge` (0..<6, edge order).
    public subscript(edge edge: Int) -> NB201Operation {
        var digits = Int(code)
        for _ in 0..<(Self.edgeCount - 1 - edge) { digits /= 5 }
        return NB201Operation(rawValue: digits % 5)!
    }

    /// The operation on edge `target <- source`.
    public func operation(from source: Int, to target: Int) -> NB201Operation {
        self[edge: Self.edgeIndex(source: source, target: target)]
    }

    /// A copy with `operation` on edge `edge`.
    public func replacing(edge: Int, with operation: NB201Operation) -> NB201Architecture {
        var operations = operations
        operations[edge] = operation
        return NB201Architecture(operations: operations)
    }

    /// NASLib's 6-tuple: edges in NASLib's order (1<-0, 2<-0, 3<-0, 2<-1, 3<-1, 3<-2), operations as NASLib's
    /// indices (``NB201Operation/naslibIndex``). AnalogNAS-Bench keys its records by this tuple.
    public var naslibOperationIndices: [Int] {
        Self.naslibEdgeOrder.map { self[edge: $0].naslibIndex }
    }

    /// The cell with NASLib's 6-tuple `indices`, or `nil` unless there are 6 indices in 0...4.
    public init?(naslibOperationIndices indices: [Int]) {
        guard indices.count == Self.edgeCount else { return nil }
        var operations = Array(repeating: NB201Operation.none, count: Self.edgeCount)
        for (position, index) in indices.enumerated() {
            guard let operation = NB201Operation(naslibIndex: index) else { return nil }
            operations[Self.naslibEdgeOrder[position]] = operation
        }
        self.init(operations: operations)
    }

    /// For each position of NASLib's tuple, the edge (in our order) it describes.
    static let naslibEdgeOrder = [0, 1, 3, 2, 4, 5]

    /// NAS-Bench-201's text form.
    public var description: String { NB201Space.text(of: self) }
}

/// An edge of the NAS-Bench-201 cell, `target <- source`.
public struct NB201Edge: Hashable, Sendable, CustomStringConvertible {
    /// The node whose value the edge's operation reads (0, 1 or 2).
    public let source: Int
    /// The node the result is summed into (1, 2 or 3).
    public let target: Int

    public var description: String { "\(target)<-\(source)" }
}

extension NB201Architecture: Codable {
    /// Decodes NAS-Bench-201's text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try NB201Space.parseCell(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes NAS-Bench-201's text form, so checkpoints and results stay readable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
