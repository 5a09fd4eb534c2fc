import Foundation
import NASCore
import NASSpaces
import Seeding
import Testing

@Suite("NB201Space")
struct NB201SpaceTests {
    let space = NB201Space()

    func cell(_ text: String) throws -> NB201Architecture { try space.parse(text) }

    @Test("edges are numbered in the text form's order: 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2")
    func edgeOrder() throws {
        #expect(NB201Architecture.edges.map(\.description) == ["1<-0", "2<-0", "2<-1", "3<-0", "3<-1", "3<-2"])
        let architecture = try cell("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|")
        #expect(architecture.operations == [.convolution3x3, .convolution1x1, .averagePool3x3, .skipConnect, .none, .convolution3x3])
        #expect(architecture.operation(from: 1, to: 2) == .averagePool3x3)
        #expect(architecture.operation(from: 0, to: 3) == .skipConnect)
        for (position, edge) in NB201Architecture.edges.enumerated() {
            #expect(NB201Architecture.edgeIndex(source: edge.source, target: edge.target) == position)
        }
    }

    @Test("the dense index has edge 1<-0 as its most significant base-5 digit")
    func denseIndex() throws {
        #expect(space.index(of: NB201Architecture(repeating: .none)) == 0)
        #expect(space.index(of: NB201Architecture(repeating: .averagePool3x3)) == 15_624)
        #expect(space.index(of: NB201Architecture(repeating: .skipConnect)) == 3_906)  // 1 + 5 + ... + 3125
        // 3·5^5 + 1·5^4 + 2·5^3 + 4·5^2 + 0·5 + 3 = 9375 + 625 + 250 + 100 + 3
        let architecture = try cell("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|")
        #expect(space.index(of: architecture) == 10_353)
        #expect(space.architecture(at: 10_353) == architecture)
    }

    @Test("NASLib's 6-tuples list edges 1<-0, 2<-0, 3<-0, 2<-1, 3<-1, 3<-2 with NASLib's operation indices")
    func naslibTuple() throws {
        // Edges 1<-0 conv3x3, 2<-0 conv1x1, 2<-1 avg_pool, 3<-0 skip, 3<-1 none, 3<-2 conv3x3.
        let architecture = try cell("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|")
        // NASLib: 0 skip, 1 none, 2 conv3x3, 3 conv1x1, 4 avg_pool; positions 1<-0, 2<-0, 3<-0, 2<-1, 3<-1, 3<-2.
        #expect(architecture.naslibOperationIndices == [2, 3, 0, 4, 1, 2])
        #expect(NB201Architecture(naslibOperationIndices: [2, 3, 0, 4, 1, 2]) == architecture)
        #expect(NB201Architecture(naslibOperationIndices: [2, 3, 0, 4, 1]) == nil)
        #expect(NB201Architecture(naslibOperationIndices: [2, 3, 0, 4, 1, 5]) == nil)
        for index in stride(from: 0, to: 15_625, by: 7) {
            let sample = space.architecture(at: index)
            #expect(NB201Architecture(naslibOperationIndices: sample.naslibOperationIndices) == sample)
        }
    }

    @Test("neighbours: edge by edge, the other operations in NAS-Bench-201's order")
    func neighborOrder() throws {
        let architecture = NB201Architecture(repeating: .skipConnect)
        let neighbors = space.neighbors(of: architecture)
        #expect(neighbors.count == 24)
        #expect(neighbors[0] == architecture.replacing(edge: 0, with: .none))
        #expect(neighbors[1] == architecture.replacing(edge: 0, with: .convolution1x1))
        #expect(neighbors[3] == architecture.replacing(edge: 0, with: .averagePool3x3))
        #expect(neighbors[4] == architecture.replacing(edge: 1, with: .none))
        #expect(neighbors[23] == architecture.replacing(edge: 5, with: .averagePool3x3))
    }

    @Test("mutation draws the edge, then one of the other four operations")
    func mutationDraws() {
        let architecture = NB201Architecture(repeating: .convolution3x3)
        var rng = Xoshiro256(seed: 5)
        var replay = rng
        let mutant = space.mutate(architecture, using: &rng)
        let edge = replay.uniformInt(below: 6)
        let others: [NB201Operation] = [.none, .skipConnect, .convolution1x1, .averagePool3x3]
        #expect(mutant == architecture.replacing(edge: edge, with: others[replay.uniformInt(below: 4)]))
        #expect(rng == replay)
    }

    @Test("mutation reaches every edge and every other operation about equally often")
    func mutationIsUniform() {
        let architecture = NB201Architecture(repeating: .skipConnect)
        var counts: [NB201Architecture: Int] = [:]
        var rng = Xoshiro256(seed: 11)
        let draws = 24_000
        for _ in 0..<draws { counts[space.mutate(architecture, using: &rng), default: 0] += 1 }
        #expect(Set(counts.keys) == Set(space.neighbors(of: architecture)))
        // 1000 expected per neighbour; 5 standard deviations is about 155.
        #expect(counts.values.allSatisfy { abs($0 - 1000) < 160 })
    }

    @Test("sampling covers the operations uniformly on every edge")
    func samplingIsUniform() {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 6)
        var rng = Xoshiro256(seed: 3)
        for _ in 0..<10_000 {
            let architecture = space.sampleArchitecture(using: &rng)
            for edge in 0..<6 { counts[edge][architecture[edge: edge].rawValue] += 1 }
        }
        // 2000 expected per cell of the table; 5 standard deviations is 200.
        #expect(counts.joined().allSatisfy { abs($0 - 2000) < 200 })
    }

    @Test("decisions are the six edges with the five operations")
    func decisions() {
        #expect(space.decisions.map(\.name) == ["edge 1<-0", "edge 2<-0", "edge 2<-1", "edge 3<-0", "edge 3<-1", "edge 3<-2"])
        #expect(space.decisions.allSatisfy { $0.options == ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] })
        #expect(space.architecture(fromChoices: [0, 1, 2, 3, 4]) == nil)
        #expect(space.architecture(fromChoices: [0, 1, 2, 3, 4, 5]) == nil)
        #expect(space.architecture(fromChoices: [3, 3, 3, 3, 3, 3]) == NB201Architecture(repeating: .convolution3x3))
    }

    @Test("architectures encode as their text form in JSON, and decoding rejects invalid text with the parse message")
    func codable() throws {
        let text = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"
        let architecture = try cell(text)
        #expect(architecture.description == text)
        let json = try JSONEncoder().encode([architecture])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(text)\"]")
        #expect(try JSONDecoder().decode([NB201Architecture].self, from: json) == [architecture])
        let invalid = Data("[\"|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|\"]".utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([NB201Architecture].self, from: invalid) }
    }
}
