import Layers
import NASSpaces
import Seeding
import Tensors

/// An NB201 cell in which every one of the six edges is a ``MixedEdge`` over the five operations: node 0 is the
/// input, node j = Σ_{i<j} edge(i→j)(node i), the output is node 3.
final class NB201SupernetCell {
    let name: String
    let channels: Int
    /// The six edges in NB201Architecture's edge order.
    let edges: [MixedEdge]

    init(channels: Int, operations: [NB201Operation], name: String, using rng: inout some RandomNumberGenerator) {
        self.name = name
        self.channels = channels
        edges = NB201Architecture.edges.map { edge in
            let path = "\(name).edges.\(edge)"
            return MixedEdge(name: path, candidates: nb201CandidateOperations(operations, channels: channels, name: path, using: &rng))
        }
    }

    var parameters: [Parameter] { edges.flatMap(\.parameters) }

    /// (N, C, H, W) → (N, C, H, W); a node that receives nothing is zero.
    func callAsFunction(_ input: Variable, selections: [EdgeSelection], mode: ForwardMode) -> Variable {
        precondition(selections.count == edges.count, "NB201SupernetCell: \(selections.count) selections for 6 edges")
        var nodes: [Variable?] = [input]
        for target in 1...3 {
            var sum: Variable?
            for source in 0..<target {
                let edge = NB201Architecture.edgeIndex(source: source, target: target)
                let node = nodes[source] ?? input * 0
                guard let output = edges[edge](node, selection: selections[edge], mode: mode) else { continue }
                sum = sum.map { $0 + output } ?? output
            }
            nodes.append(sum)
        }
        return nodes[3] ?? input * 0
    }
}
