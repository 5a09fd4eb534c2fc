import NASCore
import NASSpaces
import Seeding
import Testing
import _TestSupport

/// The MnasNet-like space through the shared conformance checks, plus its skeleton, key classes, encoding and
/// refusals by hand.
@Suite("MnasNetSpace conformance")
struct MnasNetConformanceTests {
    let space = MnasNetSpace()
    let check = SearchSpaceConformance(MnasNetSpace(), seed: 0, sampleCount: 200)

    func parsed(_ text: String) -> MnasNetArchitecture? { try? space.parse(text) }

    @Test("parse(format(a)) == a and the JSON round trip")
    func textRoundTrip() {
        #expect(check.textRoundTrip() == [])
        #expect(check.codableRoundTrip() == [])
    }

    @Test("mutation changes one decision and gives a neighbour")
    func mutation() {
        #expect(check.mutation() == [])
        #expect(check.mutationChangesOneDecision() == [])
        #expect(check.mutantsAreNeighbors() == [])
    }

    @Test("every architecture has 7 · 7 = 49 distinct neighbours, each one decision away")
    func neighbors() {
        #expect(check.neighbors(expectedCount: { _ in 49 }) == [])
        #expect(check.neighborsChangeOneDecision() == [])
    }

    @Test("keys are deterministic and survive the round trips; choices round-trip")
    func keysAndChoices() {
        #expect(check.keys(distinguishArchitectures: false) == [])
        #expect(check.choicesRoundTrip() == [])
        #expect(space.decisions.count == 35)
        #expect(space.decisions[3] == CategoricalDecision(name: "block 0 squeeze-excitation", options: ["none", "0.25"]))
        #expect(space.architecture(fromChoices: Array(repeating: 0, count: 34)) == nil)
        #expect(space.architecture(fromChoices: [3] + Array(repeating: 0, count: 34)) == nil)
    }

    @Test("the skip is left out of the key exactly where no layer can take the residual")
    func keyClasses() {
        let base = "e1k3se0n1-|e6k3se0n2r|e3k5se1n3r|e6k3se0n3r|e6k3se1n2r|e6k5se1n3r|e6k3se0n1-"
        // Block 0 (16 -> 8 channels) with one layer can never add the identity: r and - are one function.
        let withSkip = "e1k3se0n1r|e6k3se0n2r|e3k5se1n3r|e6k3se0n3r|e6k3se1n2r|e6k5se1n3r|e6k3se0n1-"
        #expect(space.key(of: parsed(withSkip)!) == space.key(of: parsed(base)!))
        #expect(space.key(of: parsed(withSkip)!).rawValue == base)
        // Block 1 with two layers adds it in its second layer: r and - differ.
        let without = "e1k3se0n1-|e6k3se0n2-|e3k5se1n3r|e6k3se0n3r|e6k3se1n2r|e6k5se1n3r|e6k3se0n1-"
        #expect(space.key(of: parsed(without)!) != space.key(of: parsed(base)!))
        // No block of the default skeleton keeps its width in its first layer.
        #expect((0..<7).map { space.blockCanTakeResidual($0, layerCount: 1) } == Array(repeating: false, count: 7))
        #expect((0..<7).allSatisfy { space.blockCanTakeResidual($0, layerCount: 2) })
    }

    @Test("the default skeleton: MnasNet-A1 halved, the blocks at 32, 32, 32, 16, 8, 8, 4 pixels")
    func skeleton() {
        let skeleton = MnasNetSkeleton.cifar
        #expect(skeleton.blocks.map(\.outputChannels) == [8, 16, 24, 40, 56, 80, 160])
        #expect(skeleton.blocks.map(\.stride) == [1, 1, 2, 2, 1, 2, 1])
        #expect((0..<7).map(skeleton.inputResolution(ofBlock:)) == [32, 32, 32, 16, 8, 8, 4])
        #expect((0..<7).map(skeleton.inputChannels(ofBlock:)) == [16, 8, 16, 24, 40, 56, 80])
        #expect(skeleton.headResolution == 4)
        #expect((skeleton.stemChannels, skeleton.headChannels) == (16, 640))
    }

    @Test("one-hot: 12 positions per block, 84 in all, five hot per block")
    func encoding() {
        #expect(check.encodings(expectedLengths: [.oneHot: 84]) == [])
        let encoded = space.encode(parsed("e6k5se1n3r|e1k3se0n1-|e3k3se0n2-|e1k3se0n1-|e1k3se0n1-|e1k3se0n1-|e1k3se0n1-")!, as: .oneHot)
        // Block 0: layers 3 (index 2), expansion 6 (2), kernel 5 (1), SE (1), residual (1).
        #expect(encoded[0..<12] == [0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1])
        // Block 2: layers 2 (1), expansion 3 (1), kernel 3 (0), no SE (0), no skip (0).
        #expect(encoded[24..<36] == [0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0])
        #expect(encoded.reduce(0, +) == 35)
    }

    @Test("seeded sampling is a fixed sequence")
    func seededSampling() {
        #expect(check.seededSampling(seed: 0, expectedTexts: MnasNetConformanceTests.goldenSamples) == [])
    }

    /// The first three draws of `Xoshiro256(seed: 0)`, written once from the space's output.
    static let goldenSamples = [
        "e6k3se0n2r|e3k5se1n3r|e1k3se1n1-|e6k3se1n1-|e3k3se1n1r|e3k5se1n1r|e1k5se0n1r",
        "e6k3se0n3-|e6k3se0n3r|e1k5se1n3r|e6k5se1n2-|e3k5se0n1-|e1k5se0n3r|e6k5se1n3-",
        "e3k3se1n1-|e6k5se1n1r|e1k5se1n1-|e3k5se0n2r|e3k3se1n2r|e1k3se1n1-|e1k5se0n1r",
    ]

    @Test("invalid texts are refused, naming the block, the field and the form")
    func rejects() {
        func message(_ text: String) -> String? {
            do {
                _ = try space.parse(text)
                return nil
            } catch {
                return error.message
            }
        }
        let form = "write each block as e<expansion 1|3|6>k<kernel 3|5>se<0|1>n<layers 1|2|3><r|->, e.g. e6k3se1n2r"
        #expect(message("e6k3se1n2r|e6k3se1n2r") == "'e6k3se1n2r|e6k3se1n2r' has 2 block(s); an mnasnet architecture is 7 blocks joined by '|', each e<expansion 1|3|6>k<kernel 3|5>se<0|1>n<layers 1|2|3><r|->, e.g. e6k3se1n2r")
        let text = "e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e5k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r"
        #expect(message(text) == "block 3 'e5k3se1n2r' of '\(text)': expansion 'e5' is not one of e1, e3, e6; \(form)")
        let kernel = "e6k3se1n2r|e6k7se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r"
        #expect(message(kernel) == "block 1 'e6k7se1n2r' of '\(kernel)': kernel 'k7' is not one of k3, k5; \(form)")
        let skip = "e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2"
        #expect(message(skip) == "block 6 'e6k3se1n2' of '\(skip)': the skip must be one final 'r' (identity residual) or '-' (none), found ''; \(form)")
        let order = "k3e6se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r|e6k3se1n2r"
        #expect(message(order) == "block 0 'k3e6se1n2r' of '\(order)': expected 'e' (expansion) at 'k3e6se1n2r'; \(form)")
        let block = "e6k3se1n2r"
        #expect(check.rejects([
            "", Array(repeating: block, count: 8).joined(separator: "|"),
            Array(repeating: "e6k3se2n2r", count: 7).joined(separator: "|"),
            Array(repeating: "e6k3se1n4r", count: 7).joined(separator: "|"),
            Array(repeating: "e6k3se1n2rr", count: 7).joined(separator: "|"),
            Array(repeating: "e6k3se1n2x", count: 7).joined(separator: "|"),
            Array(repeating: "e06k3se1n2r", count: 7).joined(separator: "|"),
        ]) == [])
    }
}
