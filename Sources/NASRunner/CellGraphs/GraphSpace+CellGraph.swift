import NASSpaces
import Predictors

/// A NAS-Bench-Graph architecture as a cell graph (NASLib has no GCN encoding for it; this follows the NB201
/// one): node 0 the input features (label 0), nodes 1-4 the layers of the canonical form (label: the operation's
/// index in the space + 1), node 5 the output (label: operations + 1); arcs from each layer's input to it and
/// from every leaf layer (one no layer reads) to the output, as the space's adjacency encoding draws them. It
/// lives in the runner, where concrete spaces meet the predictors.
extension GraphSpace: CellGraphRepresentable {
    public func cellGraph(of architecture: GraphArchitecture) -> CellGraph {
        let canonical = architecture.canonical
        let layers = GraphArchitecture.layerCount
        let nodeCount = layers + 2
        var adjacency = [Bool](repeating: false, count: nodeCount * nodeCount)
        for (position, link) in canonical.links.enumerated() { adjacency[link * nodeCount + position + 1] = true }
        for layer in 1...layers where !canonical.links.contains(layer) {
            adjacency[layer * nodeCount + nodeCount - 1] = true
        }
        let labels = [0] + canonical.operations.map { operations.firstIndex(of: $0)! + 1 } + [operations.count + 1]
        return CellGraph(adjacency: adjacency, labels: labels, labelCount: operations.count + 2)
    }
}
