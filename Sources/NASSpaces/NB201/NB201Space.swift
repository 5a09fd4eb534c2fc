import NASCore
import Seeding

/// The NAS-Bench-201 search space (Dong & Yang, ICLR 2020; NATS-Bench's topology space): a 4-node cell with an
/// operation from ``NB201Operation`` on each of its 6 edges, 5^6 = 15,625 cells. `SearchSpaces/nb201/SPACE.md`
/// is the specification.
///
/// - Sampling: uniform over the 15,625 cells (each edge independently uniform over the 5 operations), one draw of
///   `uniformInt(below: 15625)`.
/// - Mutation: one edge, drawn uniformly, gets one of the 4 other operations, drawn uniformly.
/// - Neighbours: the 24 single-edge changes, edge by edge (edge order), and on each edge the other operations in
///   NAS-Bench-201's operation order.
/// - Key: the cell's function (``key(of:)``); 15,625 cells fall into 4,660 classes.
/// - Dense index (``index(of:)``): edge k's operation is base-5 digit 5 - k, so index 0 is all `none` and 15,624
///   all `avg_pool_3x3`. This is not NAS-Bench-201's own row order (its files list cells in another order).
public struct NB201Space: CategoricalSearchSpace, EnumerableSearchSpace {
    public typealias Architecture = NB201Architecture

    public init() {}

    public var name: String { "nb201" }

    // MARK: Sampling and neighbourhoods

    /// Draws a cell uniformly from the 15,625.
    public func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> NB201Architecture {
        NB201Architecture(code: rng.uniformInt(below: NB201Architecture.cellCount))
    }

    /// Changes the operation of one uniformly drawn edge to one of the other four operations (uniformly).
    ///
    /// Two draws: the edge (`uniformInt(below: 6)`), then the position among the other operations in
    /// NAS-Bench-201's order (`uniformInt(below: 4)`).
    public func mutate(
        _ architecture: NB201Architecture, using rng: inout some RandomNumberGenerator
    ) -> NB201Architecture {
        let edge = rng.uniformInt(below: NB201Architecture.edgeCount)
        let current = architecture[edge: edge]
        let others = NB201Operation.allCases.filter { $0 != current }
        return architecture.replacing(edge: edge, with: others[rng.uniformInt(below: others.count)])
    }

    /// The 24 cells that differ in one edge: edges in edge order, and on each edge the other four operations in
    /// NAS-Bench-201's operation order.
    public func neighbors(of architecture: NB201Architecture) -> [NB201Architecture] {
        var neighbors: [NB201Architecture] = []
        neighbors.reserveCapacity(24)
        for edge in 0..<NB201Architecture.edgeCount {
            let current = architecture[edge: edge]
            for operation in NB201Operation.allCases where operation != current {
                neighbors.append(architecture.replacing(edge: edge, with: operation))
            }
        }
        return neighbors
    }

    // MARK: Text form

    /// Reads NAS-Bench-201's text form, `|op~0|+|op~0|op~1|+|op~0|op~1|op~2|`.
    ///
    /// - Throws: ``ArchitectureParseError`` naming the problem (unknown operation with the valid ones, wrong node
    ///   index, wrong number of nodes or inputs) and the expected form.
    public func parse(_ text: String) throws(ArchitectureParseError) -> NB201Architecture {
        try Self.parseCell(text)
    }

    /// Writes NAS-Bench-201's text form.
    public func format(_ architecture: NB201Architecture) -> String {
        Self.text(of: architecture)
    }

    // MARK: Categorical decisions

    /// One decision per edge (`"edge 1<-0"`, ...), options in NAS-Bench-201's operation order.
    public var decisions: [CategoricalDecision] {
        NB201Architecture.edges.map { edge in
            CategoricalDecision(name: "edge \(edge)", options: NB201Operation.allCases.map(\.name))
        }
    }

    /// The operation index (NAS-Bench-201's order) on each edge.
    public func choices(of architecture: NB201Architecture) -> [Int] {
        architecture.operations.map(\.rawValue)
    }

    /// The cell with operation `choices[k]` on edge k, or `nil` unless there are 6 choices in 0...4.
    public func architecture(fromChoices choices: [Int]) -> NB201Architecture? {
        guard choices.count == NB201Architecture.edgeCount else { return nil }
        var operations: [NB201Operation] = []
        for choice in choices {
            guard let operation = NB201Operation(rawValue: choice) else { return nil }
            operations.append(operation)
        }
        return NB201Architecture(operations: operations)
    }

    // MARK: Dense index

    /// 15,625.
    public var architectureCount: Int { NB201Architecture.cellCount }

    /// `Σₖ op(edge k).rawValue · 5^(5-k)`: edge 1<-0 is the most significant digit. O(1), no allocation.
    public func index(of architecture: NB201Architecture) -> Int {
        Int(architecture.code)
    }

    /// The cell with dense index `index`.
    ///
    /// - Precondition: `0 <= index < 15625`.
    public func architecture(at index: Int) -> NB201Architecture {
        guard (0..<NB201Architecture.cellCount).contains(index) else {
            fatalError("NB201Space.architecture(at:): index \(index) is outside 0..<15625")
        }
        return NB201Architecture(code: index)
    }
}
