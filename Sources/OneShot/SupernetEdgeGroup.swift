/// A set of supernet edges that share one matrix of architecture parameters: NB201's six edges (every cell
/// shares them), or a DARTS supernet's normal and reduction cells (14 edges each).
public struct SupernetEdgeGroup: Hashable, Sendable, Codable {
    /// The group's name in logs and checkpoints ("cell", "normal", "reduce").
    public let name: String
    /// The edges' names in order, e.g. NB201's `1<-0`, `2<-0`, ...
    public let edgeNames: [String]
    /// The candidate operations of every edge of the group, in the space's order.
    public let operationNames: [String]

    /// A group of `edgeNames.count` edges over `operationNames`.
    public init(name: String, edgeNames: [String], operationNames: [String]) {
        precondition(!edgeNames.isEmpty && !operationNames.isEmpty, "SupernetEdgeGroup '\(name)' is empty")
        self.name = name
        self.edgeNames = edgeNames
        self.operationNames = operationNames
    }

    /// The number of edges.
    public var edgeCount: Int { edgeNames.count }
    /// The number of candidate operations per edge.
    public var operationCount: Int { operationNames.count }
}
