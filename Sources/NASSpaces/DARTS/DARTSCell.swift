/// One input of an intermediate node of a DARTS cell: the state it reads and the operation applied to it, as a
/// DARTS genotype's `(op, input)` pair.
public struct DARTSEdge: Hashable, Sendable {
    /// The operation (never `none`).
    public let operation: DARTSOperation
    /// The state read: 0 and 1 are the outputs of the cell two back and of the previous cell, k ≥ 2 is node k.
    public let input: Int

    /// An edge; validity (input range, no `none`) is checked where a cell is built.
    public init(_ operation: DARTSOperation, _ input: Int) {
        self.operation = operation
        self.input = input
    }
}

/// One DARTS cell as a genotype lists it: 4 intermediate nodes (numbered 2 to 5), each summing two operations
/// applied to two distinct earlier states; the cell's output concatenates nodes 2 to 5.
///
/// ``edges`` holds the 8 pairs node by node, as the genotype's list does: `edges[2k]` and `edges[2k + 1]` are node
/// k + 2's inputs, each from 0..<k + 2. The order of a node's two pairs is kept (DARTS lists the stronger edge
/// first; it is part of the text form), though it does not change the function: ``canonical`` sorts it away.
public struct DARTSCell: Hashable, Sendable {
    /// The intermediate nodes.
    public static let nodeCount = 4
    /// Inputs per intermediate node.
    public static let inputsPerNode = 2
    /// Pairs per cell: 8.
    public static let edgeCount = nodeCount * inputsPerNode
    /// The nodes the output concatenates: 2, 3, 4, 5 (DARTS's `range(2, 6)`).
    public static let concatenatedNodes = [2, 3, 4, 5]

    /// The 8 pairs, node by node.
    public let edges: [DARTSEdge]

    /// A cell from its 8 pairs.
    ///
    /// - Precondition: ``problem(with:)`` finds nothing (8 pairs, no `none`, inputs in range and distinct per
    ///   node). User text goes through ``DARTSSpace/parse(_:)``, which reports these as errors.
    public init(edges: [DARTSEdge]) {
        if let problem = Self.problem(with: edges) {
            preconditionFailure("DARTSCell: \(problem.description)")
        }
        self.edges = edges
    }

    /// The node (2...5) that pair `edge` feeds.
    public static func node(ofEdge edge: Int) -> Int { edge / inputsPerNode + 2 }

    /// The two pairs of node `node` (2...5), in stored order.
    public func inputs(ofNode node: Int) -> (first: DARTSEdge, second: DARTSEdge) {
        (edges[2 * (node - 2)], edges[2 * (node - 2) + 1])
    }

    /// The same cell with every node's two pairs ordered by input, ascending: equal for cells that differ only in
    /// the order a node lists its inputs (which compute the same function).
    public var canonical: DARTSCell {
        var sorted: [DARTSEdge] = []
        for node in 2...5 {
            let (first, second) = inputs(ofNode: node)
            sorted += first.input < second.input ? [first, second] : [second, first]
        }
        return DARTSCell(edges: sorted)
    }

    /// A copy with pair `edge` replaced.
    public func replacing(edge: Int, with newEdge: DARTSEdge) -> DARTSCell {
        var edges = edges
        edges[edge] = newEdge
        return DARTSCell(edges: edges)
    }

    /// What makes `edges` not a cell of the space, or `nil`.
    public static func problem(with edges: [DARTSEdge]) -> DARTSCellProblem? {
        guard edges.count == edgeCount else { return .edgeCount(edges.count) }
        for (position, edge) in edges.enumerated() {
            if edge.operation == .none { return .zeroOperation(edge: position) }
            let node = node(ofEdge: position)
            if !(0..<node).contains(edge.input) { return .inputOutOfRange(edge: position, input: edge.input) }
            if position % 2 == 1, edges[position - 1].input == edge.input {
                return .repeatedInput(edge: position, input: edge.input)
            }
        }
        return nil
    }
}

/// Why 8 pairs are not a DARTS cell.
public enum DARTSCellProblem: Hashable, Sendable, CustomStringConvertible {
    /// Not 8 pairs.
    case edgeCount(Int)
    /// Pair `edge` uses `none`.
    case zeroOperation(edge: Int)
    /// Pair `edge` reads a state its node cannot read.
    case inputOutOfRange(edge: Int, input: Int)
    /// Pair `edge` (the second of its node) reads the same state as the first.
    case repeatedInput(edge: Int, input: Int)

    public var description: String {
        switch self {
        case let .edgeCount(count):
            return "\(count) (operation, input) pairs; a DARTS cell has 8, two for each of nodes 2 to 5"
        case let .zeroOperation(edge):
            return "pair \(edge) is 'none', which a genotype never contains (DARTS drops the zero operation when it derives a cell)"
        case let .inputOutOfRange(edge, input):
            let node = DARTSCell.node(ofEdge: edge)
            return "pair \(edge) (node \(node)) takes input \(input); node \(node) takes inputs 0 to \(node - 1) (0 and 1 the two previous cells, 2 and up the earlier nodes)"
        case let .repeatedInput(edge, input):
            let node = DARTSCell.node(ofEdge: edge)
            return "pairs \(edge - 1) and \(edge) (node \(node)) both take input \(input); DARTS keeps two distinct inputs per node"
        }
    }
}
