import NASSpaces

extension DARTSSupernet {
    /// DARTS's discretisation (`Network.genotype()` in `cnn/model_search.py`): in each cell, for each node 2 to 5,
    /// every input j gets its best operation other than `none` (the arg-max of `scores[cell][edge j][1...]`) and
    /// that operation's score as its strength; the node keeps its two strongest inputs, the stronger listed first,
    /// each with its best operation. Both cells concatenate nodes 2 to 5.
    ///
    /// Ties, as DARTS's code breaks them: between operations, the earlier in `PRIMITIVES` order (`>` while
    /// scanning); between inputs, the lower input (Python's `sorted` is stable). `none`'s score is ignored, however
    /// large: a genotype never contains it.
    ///
    /// - Precondition: `scores` is [2][14][8] (normal, reduce).
    public func derive(fromScores scores: [[[Double]]]) -> DARTSArchitecture {
        precondition(
            scores.count == 2 && scores.allSatisfy { $0.count == 14 && $0.allSatisfy { $0.count == 8 } },
            "DARTSSupernet.derive: scores are not [2][14][8]")
        let cells = scores.map { rows -> DARTSCell in
            var edges: [DARTSEdge] = []
            for node in 2...5 {
                let candidates = (0..<node).map { input -> (input: Int, operation: Int, strength: Double) in
                    let row = rows[Self.edgeIndex(node: node, input: input)]
                    var best = 1
                    for operation in 2..<row.count where row[operation] > row[best] { best = operation }
                    return (input, best, row[best])
                }
                // Strongest first; among equal strengths the lower input first (Python's stable sort).
                let order = candidates.indices.sorted { a, b in
                    candidates[a].strength != candidates[b].strength
                        ? candidates[a].strength > candidates[b].strength : a < b
                }
                for index in order.prefix(2) {
                    let kept = candidates[index]
                    edges.append(DARTSEdge(DARTSOperation(rawValue: kept.operation)!, kept.input))
                }
            }
            return DARTSCell(edges: edges)
        }
        return DARTSArchitecture(normal: cells[0], reduction: cells[1])
    }

    /// The genotype of one operation index (`PRIMITIVES` order) per edge, `choices[cell][edge]` with cell 0 normal
    /// and 1 reduce: an edge whose operation is `none` (0) is not an input of its node; every node must keep
    /// exactly two inputs. A node's two pairs are listed by input, ascending.
    ///
    /// The encoding is the inverse of ``choices(of:)`` up to the order of a node's pairs, and of
    /// ``selections(for:)`` (an edge runs its operation, or is off). Choices drawn uniformly and independently per
    /// edge, as random weight sharing and ENAS draw them, keep exactly two inputs at every node of both cells with
    /// probability (p₂·p₃·p₄·p₅)² ≈ 5.6·10⁻⁸ (p_n = C(n,2)(7/8)²(1/8)ⁿ⁻², the chance that exactly two of node n's
    /// n edges are not `none`), so those methods are refused on this supernet with the message below rather than
    /// handed a genotype the draw did not describe.
    ///
    /// - Throws: ``SupernetError`` when the choices are not [2][14] indices in 0..<8, or a node does not keep
    ///   exactly two inputs.
    public func architecture(fromChoices choices: [[Int]]) throws(SupernetError) -> DARTSArchitecture {
        guard choices.count == 2, choices.allSatisfy({ $0.count == 14 && $0.allSatisfy((0..<8).contains) }) else {
            throw SupernetError(
                "DARTS supernet: choices \(choices) are not two lists (normal, reduce) of 14 operation indices in 0..<8")
        }
        var cells: [DARTSCell] = []
        for (cell, cellChoices) in zip(["normal", "reduce"], choices) {
            var edges: [DARTSEdge] = []
            for node in 2...5 {
                let kept = (0..<node).filter { cellChoices[Self.edgeIndex(node: node, input: $0)] != 0 }
                guard kept.count == 2 else {
                    let names = kept.map { "\(node)<-\($0)" }.joined(separator: ", ")
                    throw SupernetError(
                        "DARTS supernet: the \(cell) cell's node \(node) has \(kept.count) edges that are not 'none' (\(names)); a genotype keeps exactly two inputs per node, so choose 'none' (0) on all but two of its edges. A uniform draw per edge (random weight sharing, ENAS) almost never does: draw genotypes instead (DARTSSpace.sampleArchitecture, then choices(of:))")
                }
                for input in kept {
                    let operation = cellChoices[Self.edgeIndex(node: node, input: input)]
                    edges.append(DARTSEdge(DARTSOperation(rawValue: operation)!, input))
                }
            }
            cells.append(DARTSCell(edges: edges))
        }
        return DARTSArchitecture(normal: cells[0], reduction: cells[1])
    }

    /// One operation index per edge for `architecture`: its pairs' operations on their edges, `none` (0) on the
    /// 6 other edges of each cell. `architecture(fromChoices: choices(of: a))` is `a.canonical`.
    public func choices(of architecture: DARTSArchitecture) -> [[Int]] {
        architecture.cells.map { cell in
            var choices = Array(repeating: DARTSOperation.none.rawValue, count: 14)
            for (position, edge) in cell.edges.enumerated() {
                choices[Self.edgeIndex(node: DARTSCell.node(ofEdge: position), input: edge.input)] =
                    edge.operation.rawValue
            }
            return choices
        }
    }
}
