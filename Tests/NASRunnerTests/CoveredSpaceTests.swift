import NASCore
import NASSpaces
import Seeding
import Testing
import _TestSupport

@testable import NASRunner

/// The space of a table's rows, on four size-space networks worked by hand. Dense indices (SPACE.md: layer k's
/// width index is base-8 digit 4 − k): 8:8:8:8:8 is 0, 8:8:8:8:16 is 1, 16:8:8:8:8 is 4096, 64:64:64:64:64 is 32767.
@Suite("CoveredSpace")
struct CoveredSpaceTests {
    static let base = SizeSpace()
    static let space = CoveredSpace(base: base, covered: [32767, 4096, 0, 1, 0])

    static func texts(_ architectures: [SizeArchitecture]) -> [String] { architectures.map(base.format) }
    static func parse(_ text: String) throws -> SizeArchitecture { try base.parse(text) }

    @Test("the covered architectures are numbered by ascending base index; name, text and decisions are the base's")
    func indexing() throws {
        let space = Self.space
        #expect(space.architectureCount == 4)
        #expect(space.baseIndices == [0, 1, 4096, 32767])
        #expect(Self.texts((0..<4).map(space.architecture(at:)))
            == ["8:8:8:8:8", "8:8:8:8:16", "16:8:8:8:8", "64:64:64:64:64"])
        for index in 0..<4 { #expect(space.index(of: space.architecture(at: index)) == index) }
        #expect(space.name == "size")
        #expect(space.decisions == Self.base.decisions)
        #expect(space.encodings == [.oneHot])
    }

    @Test("neighbours are the nearest covered architectures by differing decisions, ascending base index")
    func neighbours() throws {
        let space = Self.space
        // One decision away from 8:8:8:8:8: 8:8:8:8:16 (layer 4) and 16:8:8:8:8 (layer 0); 64:64:64:64:64 is 5 away.
        #expect(Self.texts(space.neighbors(of: try Self.parse("8:8:8:8:8"))) == ["8:8:8:8:16", "16:8:8:8:8"])
        // Every other covered network differs from 64:64:64:64:64 in all 5 layers.
        #expect(Self.texts(space.neighbors(of: try Self.parse("64:64:64:64:64")))
            == ["8:8:8:8:8", "8:8:8:8:16", "16:8:8:8:8"])
        // An uncovered network: 8:8:8:16:16 is 1 decision from 8:8:8:8:16, 2 from 8:8:8:8:8, 3 from 16:8:8:8:8.
        #expect(Self.texts(space.neighbors(of: try Self.parse("8:8:8:16:16"))) == ["8:8:8:8:16"])
    }

    @Test("choices map to the nearest covered architecture (ties: lowest base index); a wrong count is nil")
    func fromChoices() throws {
        let space = Self.space
        #expect(space.architecture(fromChoices: [7, 7, 7, 7, 6]).map(Self.base.format) == "64:64:64:64:64")
        #expect(space.architecture(fromChoices: [0, 0, 0, 0, 1]).map(Self.base.format) == "8:8:8:8:16")
        // [1, 0, 0, 0, 1] is 1 from 8:8:8:8:16 and 1 from 16:8:8:8:8: the lower base index wins.
        #expect(space.architecture(fromChoices: [1, 0, 0, 0, 1]).map(Self.base.format) == "8:8:8:8:16")
        #expect(space.architecture(fromChoices: [0, 0, 0, 0]) == nil)
    }

    @Test("the space of SizeSearchTests' 12 rows passes the shared search-space conformance checks")
    func conformance() throws {
        let covered = try SizeSearchTests.rows.map { Self.base.index(of: try Self.parse($0.text)) }
        let check = SearchSpaceConformance(CoveredSpace(base: Self.base, covered: covered), seed: 0, sampleCount: 50)
        #expect(check.textRoundTrip() == [])
        #expect(check.mutation() == [])
        #expect(check.mutantsAreNeighbors() == [])
        #expect(check.keys(distinguishArchitectures: true) == [])
        #expect(check.codableRoundTrip() == [])
        #expect(check.encodings(expectedLengths: [.oneHot: 40]) == [])
        #expect(check.choicesRoundTrip() == [])
        #expect(check.indexBijection() == [])
    }

    @Test("sampling and mutation stay in the table, reproducibly from a seed")
    func drawing() throws {
        let space = Self.space
        let covered = Set((0..<4).map(space.architecture(at:)))
        var first = Xoshiro256(seed: 11)
        var second = Xoshiro256(seed: 11)
        let samples = (0..<200).map { _ in space.sampleArchitecture(using: &first) }
        #expect(samples == (0..<200).map { _ in space.sampleArchitecture(using: &second) })
        #expect(Set(samples) == covered)
        let origin = try Self.parse("8:8:8:8:8")
        let mutations = (0..<100).map { _ in space.mutate(origin, using: &first) }
        #expect(Set(Self.texts(mutations)) == ["8:8:8:8:16", "16:8:8:8:8"])
        let single = CoveredSpace(base: Self.base, covered: [284])
        #expect(single.mutate(single.architecture(at: 0), using: &first) == single.architecture(at: 0))
    }
}
