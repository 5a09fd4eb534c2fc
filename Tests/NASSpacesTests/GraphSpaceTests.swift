import Foundation
import NASCore
import NASSpaces
import Seeding
import Testing

@Suite("GraphSpace")
struct GraphSpaceTests {
    let space = GraphSpace()

    @Test("a chain without skip has 40 neighbours: 8 link patterns, then 32 single-operation changes")
    func chainNeighbors() throws {
        let chain = try space.parse("links=[0,1,2,3] ops=gat,gcn,gin,cheb")
        let neighbors = space.neighbors(of: chain)
        #expect(neighbors.count == 40)
        // Each other pattern with the same operations, sorted where the pattern has interchangeable layers.
        #expect(neighbors.prefix(8).map { space.key(of: $0).rawValue } == [
            "123", "10123", "20123", "30123", "40123", "50123", "60123", "70123",
        ])
        #expect(space.format(neighbors[8]) == "links=[0,1,2,3] ops=gcn,gcn,gin,cheb")
        // The last change makes the leaf a skip, which the benchmark moves to the front: skip, gat, gcn, gin.
        #expect(space.format(neighbors[39]) == "links=[0,1,2,3] ops=gat,gcn,gin,skip")
        #expect(space.key(of: neighbors[39]).rawValue == "88012")
    }

    @Test("four parallel gat layers have 16 neighbours: the 8 other patterns and one new multiset per operation")
    func parallelNeighbors() throws {
        let parallel = try space.parse("links=[0,0,0,0] ops=gat,gat,gat,gat")
        let neighbors = space.neighbors(of: parallel)
        #expect(neighbors.count == 16)
        #expect(neighbors.suffix(8).map(space.format) == [
            "links=[0,0,0,0] ops=gcn,gat,gat,gat", "links=[0,0,0,0] ops=gin,gat,gat,gat",
            "links=[0,0,0,0] ops=cheb,gat,gat,gat", "links=[0,0,0,0] ops=sage,gat,gat,gat",
            "links=[0,0,0,0] ops=arma,gat,gat,gat", "links=[0,0,0,0] ops=graph,gat,gat,gat",
            "links=[0,0,0,0] ops=fc,gat,gat,gat", "links=[0,0,0,0] ops=skip,gat,gat,gat",
        ])
        #expect(space.key(of: neighbors[15]).rawValue == "58000")
    }

    @Test("neighbours depend only on the key: every description of one network has the same neighbour keys")
    func neighborsOfDescriptions() throws {
        let first = try space.parse("links=[0,1,2,1] ops=gcn,gin,fc,cheb")
        let second = try space.parse("links=[0,1,1,2] ops=gcn,gin,cheb,fc")
        #expect(space.key(of: first) == space.key(of: second))
        #expect(space.neighbors(of: first) == space.neighbors(of: second))
    }

    @Test("one-hot, adjacency and path encodings of a hand-worked architecture")
    func encodingValues() throws {
        // Canonical form links=[0,1,1,2] ops=gcn,gin,cheb,fc: layer 1 on the input, layers 2 and 3 on layer 1,
        // layer 4 on layer 2; the leaves 3 and 4 feed the output.
        let architecture = try space.parse("links=[0,1,2,1] ops=gcn,gin,fc,cheb")
        let oneHot = space.encode(architecture, as: .oneHot)
        #expect(oneHot.indices.filter { oneHot[$0] == 1 } == [6, 9 + 1, 18 + 2, 27 + 3, 36 + 7])
        #expect(oneHot.reduce(0, +) == 5)
        let adjacency = space.encode(architecture, as: .adjacencyOneHot)
        #expect(Array(adjacency.prefix(15)) == [1, 0, 0, 0, 0, /* row 1 */ 1, 1, 0, 0, /* row 2 */ 0, 1, 0, /* row 3 */ 0, 1, /* row 4 */ 1])
        #expect(Array(adjacency.suffix(36)) == Array(oneHot.suffix(36)))
        // Paths gcn-cheb (length 2: 9 + 1 * 9 + 3) and gcn-gin-fc (length 3: 9 + 81 + 1 * 81 + 2 * 9 + 7).
        let path = space.encode(architecture, as: .path)
        #expect(path.indices.filter { path[$0] == 1 } == [21, 196])
    }

    @Test("all descriptions of one network encode alike")
    func encodingsOfDescriptions() throws {
        let first = try space.parse("links=[0,0,0,0] ops=fc,gat,skip,gcn")
        let second = try space.parse("links=[0,1,1,1] ops=skip,gat,gcn,fc")
        #expect(space.key(of: first) == space.key(of: second))
        for encoding in space.encodings {
            #expect(space.encode(first, as: encoding) == space.encode(second, as: encoding))
        }
    }

    @Test("the index runs in increasing benchmark hash from 0 (four parallel gat) to 88887 (skip, skip, skip, fc)")
    func indexOrder() throws {
        #expect(space.format(space.architecture(at: 0)) == "links=[0,0,0,0] ops=gat,gat,gat,gat")
        #expect(space.format(space.architecture(at: 26_205)) == "links=[0,1,2,3] ops=skip,skip,skip,fc")
        #expect(space.key(of: space.architecture(at: 1)).rawValue == "1")
        let proteins = GraphSpace.proteins
        #expect(proteins.format(proteins.architecture(at: 0)) == "links=[0,0,0,0] ops=gcn,gcn,gcn,gcn")
        #expect(proteins.key(of: proteins.architecture(at: 0)).rawValue == "1111")
        #expect(proteins.index(of: try proteins.parse("links=[0,1,2,3] ops=skip,skip,skip,fc")) == 2_020)
    }

    @Test("architecture(benchmarkHash:) accepts exactly the canonical hashes of the space")
    func benchmarkHashes() throws {
        #expect(space.format(try space.architecture(benchmarkHash: 80123)) == "links=[0,1,2,3] ops=gat,gcn,gin,cheb")
        for hash in [88888, 80128, -1, 90000, 123_456] {
            #expect(throws: ArchitectureParseError.self) { try space.architecture(benchmarkHash: hash) }
        }
        #expect(throws: ArchitectureParseError.self) { try GraphSpace.proteins.architecture(benchmarkHash: 80123) }
        #expect(GraphSpace.proteins.format(try GraphSpace.proteins.architecture(benchmarkHash: 1111)) == "links=[0,0,0,0] ops=gcn,gcn,gcn,gcn")
    }

    @Test("JSON names the operations and refuses invalid architectures")
    func codable() throws {
        let architecture = try space.parse("links=[0,1,2,1] ops=gcn,gin,fc,cheb")
        let json = String(decoding: try JSONEncoder().encode(architecture), as: UTF8.self)
        #expect(json.contains("\"operations\":[\"gcn\",\"gin\",\"fc\",\"cheb\"]"))
        for invalid in [
            #"{"links":[0,1,2,1],"operations":["gcn","conv","fc","cheb"]}"#,
            #"{"links":[0,1,3,1],"operations":["gcn","gin","fc","cheb"]}"#,
            #"{"links":[0,0,0,0],"operations":["skip","skip","skip","skip"]}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(GraphArchitecture.self, from: Data(invalid.utf8)) }
        }
    }

    @Test("decisions: the link pattern, then one operation per layer")
    func decisions() {
        #expect(space.decisions.map(\.name) == ["links", "layer 1", "layer 2", "layer 3", "layer 4"])
        #expect(space.decisions[0].options.count == 9)
        #expect(space.decisions[1].options == GraphOperation.allCases.map(\.name))
        #expect(GraphSpace.proteins.decisions[4].options == ["gcn", "sage", "arma", "fc", "skip"])
        #expect(space.architecture(fromChoices: [0, 8, 8, 8, 8]) == nil)
        #expect(space.architecture(fromChoices: [9, 0, 0, 0, 0]) == nil)
        #expect(space.architecture(fromChoices: [0, 0, 0, 0]) == nil)
        #expect(GraphSpace.proteins.architecture(fromChoices: [8, 0, 1, 2, 3]).map(space.format) == "links=[0,1,2,3] ops=gcn,sage,arma,fc")
    }

    @Test("a description outside the nine patterns gives the choices of its relabelling")
    func choicesOfRelabelling() throws {
        let architecture = try space.parse("links=[0,0,0,3] ops=gat,gcn,gin,cheb")
        #expect(space.choices(of: architecture) == [1, 2, 0, 1, 3])
    }

    @Test("a subset of operations has as many architectures as distinct keys among its descriptions")
    func subsetCount() {
        let subset = GraphSpace(operations: [.skip, .graphConvolution])
        #expect(subset.name == "graph(gcn,skip)")
        #expect(subset.operations == [.graphConvolution, .skip])
        var keys: Set<Int> = []
        for b in 0..<2 { for c in 0..<3 { for d in 0..<4 {
            for mask in 1..<16 {
                let operations = (0..<4).map { mask >> $0 & 1 == 1 ? GraphOperation.graphConvolution : .skip }
                keys.insert(GraphArchitecture(links: [0, b, c, d], operations: operations).benchmarkHash)
            }
        } } }
        #expect(subset.architectureCount == keys.count)
        #expect(GraphSpace.proteins.name == "graph-proteins")
        #expect(space.name == "graph")
    }

    @Test("sampling covers the space uniformly: 52,412 draws hit each architecture twice on average")
    func samplingSpread() {
        var rng = Xoshiro256(seed: 7)
        var counts = Array(repeating: 0, count: space.architectureCount)
        for _ in 0..<(2 * space.architectureCount) {
            counts[space.index(of: space.sampleArchitecture(using: &rng))] += 1
        }
        // Poisson(2): about e^-2 = 13.5% of the architectures are never drawn.
        let unseen = Double(counts.count { $0 == 0 }) / Double(counts.count)
        #expect(abs(unseen - 0.1353) < 0.01)
    }
}
