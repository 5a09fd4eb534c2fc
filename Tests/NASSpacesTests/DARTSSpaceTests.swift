import Foundation
import NASCore
import NASSpaces
import Seeding
import Testing

/// The DARTS space's own facts: the published genotypes, keys, neighbour order, decisions and encodings by hand.
@Suite("DARTSSpace")
struct DARTSSpaceTests {
    let space = DARTSSpace()

    /// `DARTS_V1` and `DARTS_V2` exactly as `cnn/genotypes.py` of github.com/quark0/darts writes them.
    static let dartsV1Text = "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])"
    static let dartsV2Text = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"

    /// The first draws of `Xoshiro256(seed: 7)`, written once from the space's output.
    static let goldenSamples = [
        "Genotype(normal=[('avg_pool_3x3', 1), ('dil_conv_3x3', 0), ('dil_conv_5x5', 2), ('dil_conv_5x5', 1), ('max_pool_3x3', 0), ('skip_connect', 1), ('sep_conv_3x3', 0), ('dil_conv_3x3', 4)], normal_concat=[2, 3, 4, 5], reduce=[('dil_conv_5x5', 1), ('sep_conv_3x3', 0), ('avg_pool_3x3', 1), ('sep_conv_3x3', 2), ('max_pool_3x3', 0), ('avg_pool_3x3', 2), ('sep_conv_5x5', 3), ('avg_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])",
        "Genotype(normal=[('max_pool_3x3', 1), ('max_pool_3x3', 0), ('avg_pool_3x3', 1), ('sep_conv_3x3', 2), ('max_pool_3x3', 0), ('dil_conv_3x3', 2), ('dil_conv_5x5', 4), ('skip_connect', 3)], normal_concat=[2, 3, 4, 5], reduce=[('sep_conv_5x5', 0), ('dil_conv_5x5', 1), ('dil_conv_5x5', 2), ('avg_pool_3x3', 1), ('avg_pool_3x3', 2), ('sep_conv_5x5', 0), ('dil_conv_3x3', 0), ('dil_conv_3x3', 1)], reduce_concat=[2, 3, 4, 5])",
        "Genotype(normal=[('sep_conv_5x5', 1), ('sep_conv_5x5', 0), ('avg_pool_3x3', 2), ('dil_conv_5x5', 1), ('dil_conv_3x3', 2), ('max_pool_3x3', 1), ('dil_conv_3x3', 2), ('dil_conv_5x5', 3)], normal_concat=[2, 3, 4, 5], reduce=[('sep_conv_5x5', 0), ('dil_conv_5x5', 1), ('skip_connect', 2), ('dil_conv_5x5', 0), ('avg_pool_3x3', 3), ('skip_connect', 2), ('max_pool_3x3', 3), ('dil_conv_3x3', 1)], reduce_concat=[2, 3, 4, 5])",
    ]

    @Test("the golden sample's first two nodes follow from the documented draws")
    func goldenByHand() {
        var rng = Xoshiro256(seed: 7)
        // Node 2: pair (1, 0) is index 1 of [(0, 1), (1, 0)]; avg_pool_3x3 and dil_conv_3x3 are genotype operations 1, 5.
        #expect(rng.uniformInt(below: 2) == 1)
        #expect(rng.uniformInt(below: 7) == 1)
        #expect(rng.uniformInt(below: 7) == 5)
        // Node 3: pair (2, 1) is index 5 of [(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)]; dil_conv_5x5 twice.
        #expect(rng.uniformInt(below: 6) == 5)
        #expect(rng.uniformInt(below: 7) == 6)
        #expect(rng.uniformInt(below: 7) == 6)
    }

    @Test("the published genotypes parse to the named constants and format back to the same bytes")
    func publishedGenotypes() throws {
        #expect(try space.parse(Self.dartsV1Text) == .dartsV1)
        #expect(try space.parse(Self.dartsV2Text) == .dartsV2)
        #expect(space.format(.dartsV1) == Self.dartsV1Text)
        #expect(space.format(.dartsV2) == Self.dartsV2Text)
        #expect(DARTSArchitecture.dartsV2.description == Self.dartsV2Text)
    }

    @Test("the search log's range(2, 6), double quotes, line breaks and trailing commas are read too")
    func lenientForms() throws {
        let logged = Self.dartsV2Text.replacingOccurrences(of: "[2, 3, 4, 5]", with: "range(2, 6)")
        #expect(try space.parse(logged) == .dartsV2)
        let written = """
            Genotype(
              normal=[("sep_conv_3x3", 0), ("sep_conv_3x3", 1), ("sep_conv_3x3", 0), ("sep_conv_3x3", 1),
                      ("sep_conv_3x3", 1), ("skip_connect", 0), ("skip_connect", 0), ("dil_conv_3x3", 2),],
              normal_concat=[2, 3, 4, 5],
              reduce=[("max_pool_3x3", 0), ("max_pool_3x3", 1), ("skip_connect", 2), ("max_pool_3x3", 1),
                      ("max_pool_3x3", 0), ("skip_connect", 2), ("skip_connect", 2), ("max_pool_3x3", 1)],
              reduce_concat=[2, 3, 4, 5],
            )
            """
        #expect(try space.parse(written) == .dartsV2)
    }

    @Test("the two pairs of a node are an unordered pair for the key, ordered for equality and text")
    func keys() throws {
        // DARTS_V2 with node 4's pairs and the reduction's nodes 3 and 5 written input-ascending.
        let sorted = try space.parse(Self.dartsV2Text
            .replacingOccurrences(of: "('sep_conv_3x3', 1), ('skip_connect', 0)", with: "('skip_connect', 0), ('sep_conv_3x3', 1)")
            .replacingOccurrences(of: "('skip_connect', 2), ('max_pool_3x3', 1)", with: "('max_pool_3x3', 1), ('skip_connect', 2)"))
        #expect(sorted != .dartsV2)
        #expect(space.key(of: sorted) == space.key(of: .dartsV2))
        #expect(space.key(of: .dartsV2).rawValue == space.format(sorted))
        #expect(DARTSArchitecture.dartsV2.canonical == sorted)
        #expect(space.key(of: .dartsV1) != space.key(of: .dartsV2))
    }

    @Test("neighbours: per pair the 6 other operations in PRIMITIVES order, then the free inputs ascending")
    func neighborOrder() {
        let neighbors = space.neighbors(of: .dartsV2)
        #expect(neighbors.count == 120)
        func normalEdge(_ neighbor: DARTSArchitecture, _ edge: Int) -> DARTSEdge { neighbor.normal.edges[edge] }
        #expect(normalEdge(neighbors[0], 0) == DARTSEdge(.maxPool3x3, 0))
        #expect(normalEdge(neighbors[5], 0) == DARTSEdge(.dilatedConvolution5x5, 0))
        // Node 2 has no free input; normal[1]'s operations are 6...11, normal[2]'s 12...17, then its input 2.
        #expect(normalEdge(neighbors[6], 1) == DARTSEdge(.maxPool3x3, 1))
        #expect(normalEdge(neighbors[18], 2) == DARTSEdge(.separableConvolution3x3, 2))
        #expect(neighbors[60].reduction.edges[0] == DARTSEdge(.averagePool3x3, 0))
    }

    @Test("mutation is the neighbour drawn by one uniformInt(below: 120)")
    func mutationDraw() {
        var rng = Xoshiro256(seed: 3)
        var replay = Xoshiro256(seed: 3)
        for _ in 0..<5 {
            let mutant = space.mutate(.dartsV1, using: &rng)
            #expect(mutant == space.neighbors(of: .dartsV1)[replay.uniformInt(below: 120)])
        }
    }

    @Test("24 decisions: per cell and node the ordered input pair and two operations")
    func decisions() {
        let decisions = space.decisions
        #expect(decisions.count == 24)
        #expect(decisions.map(\.options.count) == Array(repeating: [2, 7, 7, 6, 7, 7, 12, 7, 7, 20, 7, 7], count: 2).flatMap { $0 })
        #expect(decisions[0].name == "normal node 2 inputs")
        #expect(decisions[0].options == ["0,1", "1,0"])
        #expect(decisions[3].options == ["0,1", "0,2", "1,0", "1,2", "2,0", "2,1"])
        #expect(decisions[13].name == "reduce node 2 first operation")
        #expect(decisions[1].options == ["max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5"])
        #expect(space.choices(of: .dartsV2) == [0, 3, 3, 0, 3, 3, 3, 3, 2, 1, 2, 5, 0, 0, 0, 5, 2, 0, 1, 0, 2, 9, 2, 0])
        #expect(space.architecture(fromChoices: Array(repeating: 0, count: 23)) == nil)
        #expect(space.architecture(fromChoices: [2] + Array(repeating: 0, count: 23)) == nil)
    }

    @Test("DARTS_V2's encodings by hand")
    func encodingsByHand() {
        let oneHot = space.encode(.dartsV2, as: .oneHot)
        let oneHotTotal = oneHot.reduce(0, +)
        #expect(oneHotTotal == 24)
        #expect(oneHot[0] == 1 && oneHot[2 + 3] == 1 && oneHot[9 + 3] == 1)

        let adjacency = space.encode(.dartsV2, as: .adjacencyOneHot)
        // Normal cell: rows 0 to 5 of the upper triangle (0->1..6, 1->2..6, ..., 5->6).
        let normalTriangle: [Float] = [0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1]
        #expect(Array(adjacency[0..<21]) == normalTriangle)
        // Operations, lower input first: node 4 reads skip_connect from 0 before sep_conv_3x3 from 1.
        let hot = (0..<8).map { pair in (0..<7).first { adjacency[21 + pair * 7 + $0] == 1 } }
        #expect(hot == [3, 3, 3, 3, 2, 3, 2, 5])
        let adjacencyTotal = adjacency.reduce(0, +)
        #expect(adjacencyTotal == 2 * (12 + 8))

        let path = space.encode(.dartsV2, as: .path)
        let block = DARTSSpace.pathBlockLength
        let set = path.indices.filter { path[$0] == 1 }
        // Normal from 0: skip (3), sep (4), sep then dil_conv_3x3 (4 + 7·6 = 46); from 1: sep, sep-dil.
        // Reduce from 0 and from 1: max (1), max then skip (1 + 7·3 = 22).
        #expect(set == [3, 4, 46, block + 4, block + 46, 2 * block + 1, 2 * block + 22, 3 * block + 1, 3 * block + 22])
        #expect(space.encode(DARTSArchitecture.dartsV2.canonical, as: .path) == path)
        #expect(space.encode(DARTSArchitecture.dartsV2.canonical, as: .adjacencyOneHot) == adjacency)
    }

    @Test("JSON holds the text form")
    func codable() throws {
        let data = try JSONEncoder().encode([DARTSArchitecture.dartsV1])
        #expect(try JSONDecoder().decode([String].self, from: data) == [Self.dartsV1Text])
        #expect(try JSONDecoder().decode([DARTSArchitecture].self, from: data) == [.dartsV1])
        let bad = try JSONEncoder().encode(["Genotype(normal=[])"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([DARTSArchitecture].self, from: bad) }
    }
}
