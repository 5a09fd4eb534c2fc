import Foundation
import NASCore
import NASSpaces
import Testing
import _TestSupport

/// The DARTS cell space through the shared conformance checks (`SearchSpaces/darts/SPACE.md` gives the counts).
@Suite("DARTSSpace conformance")
struct DARTSConformanceTests {
    let check = SearchSpaceConformance(DARTSSpace(), seed: 0, sampleCount: 100)

    @Test("parse(format(a)) == a")
    func textRoundTrip() {
        #expect(check.textRoundTrip() == [])
    }

    @Test("mutation returns a different genotype, one decision changed, one of the neighbours")
    func mutation() {
        #expect(check.mutation() == [])
        #expect(check.mutationChangesOneDecision() == [])
        #expect(check.mutantsAreNeighbors() == [])
    }

    @Test("every genotype has 120 distinct neighbours, each one decision away")
    func neighbors() {
        #expect(check.neighbors(expectedCount: { _ in 120 }) == [])
        #expect(check.neighborsChangeOneDecision() == [])
    }

    @Test("keys are deterministic and survive the text and Codable round trips")
    func keys() {
        // false: genotypes that differ only in the order of a node's two pairs share a key (DARTSSpaceTests).
        #expect(check.keys(distinguishArchitectures: false) == [])
        #expect(check.codableRoundTrip() == [])
    }

    @Test("encodings have the documented lengths: one-hot 192, adjacency 154, path 11,204")
    func encodings() {
        #expect(check.encodings(expectedLengths: [.oneHot: 192, .adjacencyOneHot: 154, .path: 11_204]) == [])
    }

    @Test("seeded sampling gives the golden genotypes")
    func seededSampling() {
        #expect(check.seededSampling(seed: 7, expectedTexts: DARTSSpaceTests.goldenSamples) == [])
    }

    @Test("choices and architecture(fromChoices:) round-trip")
    func choices() {
        #expect(check.choicesRoundTrip() == [])
    }

    @Test("invalid texts are refused")
    func rejects() {
        let valid = DARTSSpace().format(.dartsV2)
        #expect(check.rejects([
            "", "Genotype()", valid.replacingOccurrences(of: "max_pool_3x3", with: "none"),
            valid.replacingOccurrences(of: "dil_conv_3x3', 2", with: "dil_conv_3x3', 6"),
            valid + " extra", String(valid.dropLast()),
        ]) == [])
    }
}
