import NASCore
import Seeding

/// The DARTS cell search space (Liu, Simonyan & Yang, "DARTS: Differentiable Architecture Search", ICLR 2019;
/// the space NAS-Bench-301 tabulates): a normal and a reduction cell, each 4 intermediate nodes with two
/// `(op, input)` pairs from the 7 operations of ``DARTSOperation/genotypeOperations``, node k reading two
/// distinct states among 0..<k. `SearchSpaces/darts/SPACE.md` is the specification.
///
/// - Size: per cell, (2·1)(3·2)(4·3)(5·4) ordered input pairs × 7⁸ operation choices = 2,880 × 5,764,801; the
///   space is that squared (≈ 2.8 · 10²⁰ ordered genotypes), and every canonical genotype stands for 2⁸ = 256
///   orderings of its nodes' pairs.
/// - Sampling: uniform over ordered genotypes (hence over canonical ones): for the normal then the reduction cell,
///   node by node, one draw of the ordered input pair (`uniformInt(below: n(n−1))` with n = node's input count,
///   pairs ordered as ``inputPairs(ofNode:)``), then the first and the second operation (`uniformInt(below: 7)`
///   each). NASLib's `sample_random_architecture` draws the same distribution.
/// - Neighbours (120, NASLib's `get_nbhd` without its shuffle): cell by cell, pair by pair in genotype order, first
///   the 6 other operations in `PRIMITIVES` order, then each other input ascending that is neither the pair's
///   input nor its partner's (0, 1, 2, 3 such inputs for nodes 2 to 5).
/// - Mutation: one of the 120 neighbours, uniformly (one draw of `uniformInt(below: 120)`): one operation or one
///   input changes.
/// - Key: the text form of the canonical genotype (``DARTSArchitecture/canonical``: each node's two pairs ordered
///   by input). Canonicalised: the order of a node's two pairs. Not canonicalised: renumbering intermediate nodes
///   (it permutes the concatenated output's channels, so the function changes though its class does not), and
///   genotypes whose different operations happen to compute the same function.
/// - Decisions: per cell and node, the ordered input pair, the first operation, the second operation (24, every
///   combination valid).
public struct DARTSSpace: CategoricalSearchSpace {
    public typealias Architecture = DARTSArchitecture

    public init() {}

    public var name: String { "darts" }

    /// The number of neighbours of every genotype.
    public static let neighborCount = 120

    /// The ordered pairs of distinct inputs node `node` (2...5) may take, first input ascending, then second:
    /// (0, 1), (0, 2), ..., (1, 0), (1, 2), ...; n(n − 1) of them with n = `node`.
    public static func inputPairs(ofNode node: Int) -> [(first: Int, second: Int)] {
        var pairs: [(first: Int, second: Int)] = []
        for first in 0..<node {
            for second in 0..<node where second != first { pairs.append((first, second)) }
        }
        return pairs
    }

    // MARK: Sampling and neighbourhoods

    /// Draws a genotype uniformly (see the type's documentation for the draws).
    public func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> DARTSArchitecture {
        func sampleCell() -> DARTSCell {
            var edges: [DARTSEdge] = []
            for node in 2...5 {
                let pairs = Self.inputPairs(ofNode: node)
                let pair = pairs[rng.uniformInt(below: pairs.count)]
                let operations = DARTSOperation.genotypeOperations
                let first = operations[rng.uniformInt(below: operations.count)]
                let second = operations[rng.uniformInt(below: operations.count)]
                edges += [DARTSEdge(first, pair.first), DARTSEdge(second, pair.second)]
            }
            return DARTSCell(edges: edges)
        }
        let normal = sampleCell()
        return DARTSArchitecture(normal: normal, reduction: sampleCell())
    }

    /// One of the 120 neighbours, uniformly: one pair's operation or input changes.
    public func mutate(_ architecture: DARTSArchitecture, using rng: inout some RandomNumberGenerator)
        -> DARTSArchitecture
    {
        neighbors(of: architecture)[rng.uniformInt(below: Self.neighborCount)]
    }

    /// The 120 genotypes one operation or one input away, in the order the type's documentation gives.
    public func neighbors(of architecture: DARTSArchitecture) -> [DARTSArchitecture] {
        var neighbors: [DARTSArchitecture] = []
        neighbors.reserveCapacity(Self.neighborCount)
        for (cellIndex, cell) in architecture.cells.enumerated() {
            for (position, edge) in cell.edges.enumerated() {
                for operation in DARTSOperation.genotypeOperations where operation != edge.operation {
                    let changed = cell.replacing(edge: position, with: DARTSEdge(operation, edge.input))
                    neighbors.append(architecture.replacing(cell: cellIndex, with: changed))
                }
                let partner = cell.edges[position ^ 1].input
                for input in 0..<DARTSCell.node(ofEdge: position) where input != edge.input && input != partner {
                    let changed = cell.replacing(edge: position, with: DARTSEdge(edge.operation, input))
                    neighbors.append(architecture.replacing(cell: cellIndex, with: changed))
                }
            }
        }
        return neighbors
    }

    // MARK: Identity and text

    /// The canonical genotype's text form (each node's pairs ordered by input).
    public func key(of architecture: DARTSArchitecture) -> ArchitectureKey {
        ArchitectureKey(Self.text(of: architecture.canonical))
    }

    /// Reads a genotype as DARTS prints it (see ``DARTSSpace/parseGenotype(_:)``).
    ///
    /// - Throws: ``ArchitectureParseError`` naming the character position, the problem and the fix.
    public func parse(_ text: String) throws(ArchitectureParseError) -> DARTSArchitecture {
        try Self.parseGenotype(text)
    }

    /// Writes the genotype as DARTS prints it:
    /// `Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])`.
    public func format(_ architecture: DARTSArchitecture) -> String {
        Self.text(of: architecture)
    }

    // MARK: Decisions

    /// Per cell (normal, then reduction) and node 2...5: `"normal node 2 inputs"` (the ordered pairs of
    /// ``inputPairs(ofNode:)``, labelled `"0,1"`), `"normal node 2 first operation"` and
    /// `"normal node 2 second operation"` (the 7 genotype operations' names).
    public var decisions: [CategoricalDecision] {
        let operations = DARTSOperation.genotypeOperations.map(\.name)
        var decisions: [CategoricalDecision] = []
        for cell in ["normal", "reduce"] {
            for node in 2...5 {
                let pairs = Self.inputPairs(ofNode: node).map { "\($0.first),\($0.second)" }
                decisions.append(CategoricalDecision(name: "\(cell) node \(node) inputs", options: pairs))
                decisions.append(CategoricalDecision(name: "\(cell) node \(node) first operation", options: operations))
                decisions.append(CategoricalDecision(name: "\(cell) node \(node) second operation", options: operations))
            }
        }
        return decisions
    }

    /// The 24 choices, in ``decisions``' order.
    public func choices(of architecture: DARTSArchitecture) -> [Int] {
        var choices: [Int] = []
        for cell in architecture.cells {
            for node in 2...5 {
                let (first, second) = cell.inputs(ofNode: node)
                let pairIndex = Self.inputPairs(ofNode: node).firstIndex {
                    $0.first == first.input && $0.second == second.input
                }
                choices += [pairIndex ?? 0, first.operation.genotypeIndex, second.operation.genotypeIndex]
            }
        }
        return choices
    }

    /// The genotype for 24 in-range choices, or `nil` when the count or a choice is out of range (every in-range
    /// combination is a genotype).
    public func architecture(fromChoices choices: [Int]) -> DARTSArchitecture? {
        guard choices.count == 24 else { return nil }
        let operations = DARTSOperation.genotypeOperations
        var cells: [DARTSCell] = []
        for cellIndex in 0..<2 {
            var edges: [DARTSEdge] = []
            for node in 2...5 {
                let base = cellIndex * 12 + (node - 2) * 3
                let pairs = Self.inputPairs(ofNode: node)
                let (pair, first, second) = (choices[base], choices[base + 1], choices[base + 2])
                guard pairs.indices.contains(pair), operations.indices.contains(first),
                    operations.indices.contains(second)
                else { return nil }
                edges += [DARTSEdge(operations[first], pairs[pair].first), DARTSEdge(operations[second], pairs[pair].second)]
            }
            cells.append(DARTSCell(edges: edges))
        }
        return DARTSArchitecture(normal: cells[0], reduction: cells[1])
    }
}
