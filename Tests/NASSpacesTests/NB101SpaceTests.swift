import NASCore
import NASSpaces
import Seeding
import Testing
import _TestSupport

@Suite("NB101Space conformance")
struct NB101ConformanceTests {
    let check = SearchSpaceConformance(NB101Space(), seed: 0, sampleCount: 100)

    @Test func textRoundTrip() { #expect(check.textRoundTrip() == []) }
    @Test func codable() { #expect(check.codableRoundTrip() == []) }
    @Test func keys() { #expect(check.keys(distinguishArchitectures: false) == []) }
    @Test func choices() { #expect(check.choicesRoundTrip() == []) }

    @Test func mutation() {
        #expect(check.mutation() == [])
        #expect(check.mutationChangesOneDecision() == [])
        #expect(check.mutantsAreNeighbors() == [])
    }

    @Test func neighbors() {
        #expect(check.neighbors(expectedCount: NB101SpaceTests.neighborCountFromDefinition) == [])
        #expect(check.neighborsChangeOneDecision() == [])
    }

    @Test func encodings() {
        #expect(check.encodings(expectedLengths: [.adjacencyOneHot: 36, .path: 364]) == [])
    }

    /// Golden draws for seed 0, written from a separate Python replica of xoshiro256**, Lemire's bounded integers,
    /// the rejection sampler and the benchmark's pruning and `hash_module`; the third is a cell whose pruned graph
    /// is the direct edge input -> output.
    @Test func seededSampling() {
        #expect(check.seededSampling(
            seed: 0,
            expectedTexts: [
                "adjacency=0110100/0001101/0001110/0000011/0000000/0000001/0000000 ops=input,maxpool3x3,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,maxpool3x3,output",
                "adjacency=0100000/0011010/0000000/0000110/0000011/0000000/0000000 ops=input,conv1x1-bn-relu,maxpool3x3,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output",
                "adjacency=0000001/0011100/0001011/0000011/0000000/0000000/0000000 ops=input,conv1x1-bn-relu,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,output",
                "adjacency=0011100/0011111/0000100/0000110/0000000/0000001/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output",
                "adjacency=0000011/0010110/0000100/0000111/0000011/0000001/0000000 ops=input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output",
                "adjacency=0101000/0011011/0001111/0000000/0000010/0000000/0000000 ops=input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,maxpool3x3,maxpool3x3,output",
            ],
            expectedKeys: [
                "b6c405a381e1a572649f13cea56f50d2", "b9d626506f441e7dff83e31537491aa6",
                "043721b9c7fe8c5fad811d47d83132ec", "278a65c91e279624407615a84f3282c4",
                "6f6257bc3b12d87b8736e81cd4b7ed8b", "e7f31293566724324d3ccc875f097f01",
            ]) == [])
    }

    @Test func rejects() {
        #expect(check.rejects(
            ["", "adjacency=0100000 ops=input,output", "|nor_conv_3x3~0|+|"],
            expectedFragments: ["is not of the form", "the adjacency has 1 rows", "is not of the form"]) == [])
    }
}

@Suite("NB101Space")
struct NB101SpaceTests {
    let space = NB101Space()

    /// The neighbour count from the definition, through the categorical view only: flip each of the 26 decisions
    /// to each other option, keep the valid cells, count distinct keys other than the cell's own; when there are
    /// none, count the valid changes.
    static func neighborCountFromDefinition(_ architecture: NB101Architecture) -> Int {
        let space = NB101Space()
        let choices = space.choices(of: architecture)
        var valid = 0
        var keys = Set<ArchitectureKey>()
        for (position, decision) in space.decisions.enumerated() {
            for option in decision.options.indices where option != choices[position] {
                var changed = choices
                changed[position] = option
                guard let neighbor = space.architecture(fromChoices: changed) else { continue }
                valid += 1
                keys.insert(space.key(of: neighbor))
            }
        }
        keys.remove(space.key(of: architecture))
        return keys.isEmpty ? valid : keys.count
    }

    @Test("a chain of five 3x3 convolutions has 25 neighbours: 10 operation changes and 15 added skips")
    func chainNeighbors() throws {
        let chain = try space.parse(NB101ArchitectureTests.chainText)
        let neighbors = space.neighbors(of: chain)
        #expect(neighbors.count == 25)
        #expect(neighbors.prefix(10).allSatisfy { $0.edgeCount == 6 })
        #expect(neighbors.dropFirst(10).allSatisfy { $0.edgeCount == 7 && $0.operations == chain.operations })
        // Order: vertex 1 to conv1x1 then maxpool, ..., then added edges in slot order (0,2) first.
        #expect(neighbors[0].operations[0] == .convolution1x1 && neighbors[1].operations[0] == .maxPool3x3)
        #expect(neighbors[10].hasEdge(from: 0, to: 2))
        #expect(neighbors[24].hasEdge(from: 4, to: 6))
    }

    /// Two parallel 3x3 convolutions: changing either branch's operation is the same cell up to isomorphism, as
    /// is removing any of the four edges; changes to the unused vertices 3-5 change nothing.
    @Test("isomorphic and no-op changes are left out of the neighbours")
    func symmetricNeighbors() throws {
        let cell = try space.parse(
            "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output")
        let neighbors = space.neighbors(of: cell)
        // vertex 1 -> conv1x1, vertex 1 -> maxpool, remove 0 -> 1, add 0 -> 6, add 1 -> 2.
        #expect(neighbors.map(\.text) == [
            "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 ops=input,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output",
            "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 ops=input,maxpool3x3,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output",
            "adjacency=0010000/0000001/0000001/0000000/0000000/0000000/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output",
            "adjacency=0110001/0000001/0000001/0000000/0000000/0000000/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output",
            "adjacency=0110000/0010001/0000001/0000000/0000000/0000000/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output",
        ])
        #expect(space.singleChanges(of: cell).count == 31)  // all 10 operation changes and 21 edge flips are valid
    }

    @Test("a cell whose input feeds only the output moves through its unused part")
    func directCellNeighbors() throws {
        let direct = try space.parse(
            "adjacency=0000001/0000000/0000000/0000000/0000000/0000000/0000000 "
                + "ops=input,maxpool3x3,maxpool3x3,maxpool3x3,maxpool3x3,maxpool3x3,output")
        let neighbors = space.neighbors(of: direct)
        // No single change alters the function: 10 operation changes and 20 added edges (removing 0 -> 6 disconnects).
        #expect(neighbors.count == 30)
        #expect(Set(neighbors.map { space.key(of: $0) }) == [space.key(of: direct)])
        // Two steps leave it: add 0 -> 1, then 1 -> 6.
        let step = try #require(neighbors.first { $0.hasEdge(from: 0, to: 1) })
        #expect(space.neighbors(of: step).contains { $0.hasEdge(from: 1, to: 6) && space.key(of: $0) != space.key(of: direct) })
    }

    @Test("mutation is a uniform draw over the neighbours")
    func mutationIsUniform() throws {
        let cell = try space.parse(
            "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output")
        let neighbors = space.neighbors(of: cell)
        #expect(neighbors.count == 5)
        var counts: [NB101Architecture: Int] = [:]
        var rng = Xoshiro256(seed: 11)
        for _ in 0..<600 { counts[space.mutate(cell, using: &rng), default: 0] += 1 }
        #expect(Set(counts.keys) == Set(neighbors))
        for neighbor in neighbors { #expect(abs(counts[neighbor]! - 120) < 40) }  // 600/5, about 4 sd
    }

    /// The pruned sizes' frequencies measured on 20,000 draws of a Python replica of the sampler (SPACE.md):
    /// 2 to 7 vertices in 9.3%, 20.1%, 27.8%, 30.4%, 12.0%, 0.4% of draws.
    @Test("sampling rejects invalid draws and gives the documented distribution of pruned sizes")
    func sampling() {
        var rng = Xoshiro256(seed: 2)
        var counts = [Int](repeating: 0, count: 8)
        var mostEdges = 0
        let draws = 3000
        for _ in 0..<draws {
            let pruned = space.sampleArchitecture(using: &rng).pruned
            mostEdges = max(mostEdges, pruned.edgeCount)
            counts[pruned.vertexCount] += 1
        }
        #expect(mostEdges == 9)
        let expected = [2: 0.093, 3: 0.201, 4: 0.278, 5: 0.304, 6: 0.120, 7: 0.004]
        for (vertices, fraction) in expected {
            // At most 0.0092 standard deviation at 3000 draws: 0.03 is over 3 sd.
            #expect(abs(Double(counts[vertices]) / Double(draws) - fraction) < 0.03, "\(vertices) vertices: \(counts)")
        }
    }

    @Test("the categorical view has 21 binary edge decisions and 5 operation decisions; invalid choices map to nil")
    func categoricalView() throws {
        #expect(space.decisions.count == 26)
        #expect(space.decisions[0] == CategoricalDecision(name: "edge 0->1", options: ["absent", "present"]))
        #expect(space.decisions[20].name == "edge 5->6")
        #expect(space.decisions[21] == CategoricalDecision(name: "vertex 1", options: ["conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"]))
        let chain = try space.parse(NB101ArchitectureTests.chainText)
        var choices = space.choices(of: chain)
        #expect(choices.prefix(21).enumerated().filter { $0.element == 1 }.map(\.offset) == [0, 6, 11, 15, 18, 20])
        choices[6] = 0  // remove 1 -> 2: disconnected
        #expect(space.architecture(fromChoices: choices) == nil)
        choices[6] = 2
        #expect(space.architecture(fromChoices: choices) == nil)
        #expect(space.architecture(fromChoices: Array(space.choices(of: chain).prefix(25))) == nil)
    }
}
