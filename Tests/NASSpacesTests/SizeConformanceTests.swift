import NASCore
import NASSpaces
import Testing
import _TestSupport

/// The NATS-Bench size space through the shared conformance checks, plus its text form and encoding by hand.
@Suite("SizeSpace conformance")
struct SizeConformanceTests {
    let check = SearchSpaceConformance(SizeSpace(), seed: 0, sampleCount: 300)

    @Test("parse(format(a)) == a")
    func textRoundTrip() {
        #expect(check.textRoundTrip() == [])
    }

    @Test("mutation returns a different network, one layer's width changed, one of the neighbours")
    func mutation() {
        #expect(check.mutation() == [])
        #expect(check.mutationChangesOneDecision() == [])
        #expect(check.mutantsAreNeighbors() == [])
    }

    @Test("every network has 35 distinct neighbours, each one layer away")
    func neighbors() {
        #expect(check.neighbors(expectedCount: { _ in 35 }) == [])
        #expect(check.neighborsChangeOneDecision() == [])
    }

    @Test("keys are deterministic, distinguish every network and survive the text and Codable round trips")
    func keys() {
        #expect(check.keys(distinguishArchitectures: true) == [])
        #expect(check.codableRoundTrip() == [])
    }

    @Test("the one-hot encoding has 40 positions, one per layer set")
    func encoding() {
        #expect(check.encodings(expectedLengths: [.oneHot: 40]) == [])
        let space = SizeSpace()
        let network = try? space.parse("8:8:40:32:40")
        let encoded = network.map { space.encode($0, as: .oneHot) } ?? []
        let hot = encoded.indices.filter { encoded[$0] == 1 }
        #expect(hot == [0, 8, 16 + 4, 24 + 3, 32 + 4])
        #expect(encoded.reduce(0, +) == 5)
    }

    @Test("choices and architecture(fromChoices:) round-trip; index is a bijection onto 0..<32768")
    func choicesAndIndex() {
        #expect(check.choicesRoundTrip() == [])
        #expect(check.indexBijection(exhaustiveLimit: 32_768) == [])
        let space = SizeSpace()
        #expect(space.format(space.architecture(at: 0)) == "8:8:8:8:8")
        #expect(space.format(space.architecture(at: 32_767)) == "64:64:64:64:64")
        // 8:8:40:32:40 has width indices 0, 0, 4, 3, 4: 0·8⁴ + 0·8³ + 4·8² + 3·8 + 4 = 284.
        #expect((try? space.parse("8:8:40:32:40")).map(space.index(of:)) == 284)
        #expect(space.architecture(fromChoices: [0, 0, 8, 0, 0]) == nil)
    }

    @Test("invalid texts are refused, naming the field and the valid widths")
    func rejects() {
        let space = SizeSpace()
        func message(_ text: String) -> String? {
            do {
                _ = try space.parse(text)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message("8:8:40:32") == "'8:8:40:32' has 4 field(s); a size-space network is 5 channel counts joined by ':', e.g. 8:8:40:32:40")
        #expect(message("8:8:41:32:40") == "layer 2 of '8:8:41:32:40' has width '41'; each layer takes one of 8, 16, 24, 32, 40, 48, 56, 64")
        #expect(message("8::40:32:40") == "layer 1 of '8::40:32:40' has no width; each layer takes one of 8, 16, 24, 32, 40, 48, 56, 64")
        #expect(check.rejects(["", "8:8:8:8:8:8", "a:8:8:8:8", "72:8:8:8:8", "0:8:8:8:8"]) == [])
    }
}
