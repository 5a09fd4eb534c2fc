import NASSpaces

extension DARTSSupernet {
    /// The input pairs of node `node` (2...5) in drawing order: (0, 1), (0, 2), (1, 2), (0, 3), ... — every pair
    /// of distinct inputs among 0..<node, the second input ascending, then the first.
    static func inputPairs(node: Int) -> [(Int, Int)] {
        (1..<node).flatMap { second in (0..<second).map { ($0, second) } }
    }

    /// Single paths are genotypes: per cell (normal, reduce), per node 2...5, the node's input pair (C(n, 2)
    /// options) and the operations of its two inputs, each one of the 7 operations other than `none`
    /// (DARTS's PRIMITIVES without `none`): [1, 7, 7, 3, 7, 7, 6, 7, 7, 10, 7, 7] per cell. Every draw is a genotype,
    /// and a uniform draw is uniform over the written genotypes (as `DARTSSpace.sampleArchitecture` draws them).
    public var pathDecisionSizes: [[Int]] {
        let cell = (2...5).flatMap { [Self.inputPairs(node: $0).count, 7, 7] }
        return [cell, cell]
    }

    /// The genotype of per-node input pairs and operations (``pathDecisionSizes``), a node's pairs by input,
    /// ascending.
    ///
    /// - Throws: ``SupernetError`` when the choices do not fit the decisions.
    public func architecture(fromPathChoices choices: [[Int]]) throws(SupernetError) -> DARTSArchitecture {
        let sizes = pathDecisionSizes
        guard choices.count == 2,
            zip(choices, sizes).allSatisfy({ cell, sizes in
                cell.count == sizes.count && zip(cell, sizes).allSatisfy { (0..<$1).contains($0) }
            })
        else {
            throw SupernetError(
                "DARTS supernet: path choices \(choices) are not two lists (normal, reduce) of an input pair and two operations per node, within \(sizes[0])")
        }
        let cells = choices.map { cell -> DARTSCell in
            var edges: [DARTSEdge] = []
            for (index, node) in (2...5).enumerated() {
                let (first, second) = Self.inputPairs(node: node)[cell[3 * index]]
                // Operation k of the 7 is PRIMITIVES[k + 1]: `none` is never drawn.
                edges.append(DARTSEdge(DARTSOperation(rawValue: cell[3 * index + 1] + 1)!, first))
                edges.append(DARTSEdge(DARTSOperation(rawValue: cell[3 * index + 2] + 1)!, second))
            }
            return DARTSCell(edges: edges)
        }
        return DARTSArchitecture(normal: cells[0], reduction: cells[1])
    }
}
