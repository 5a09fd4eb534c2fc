import NASCore
import Seeding
import Testing
import _TestSupport

/// A space of two 3-valued digits whose behaviour a test can break, to show that each check of
/// ``SearchSpaceConformance`` catches the violation it is for.
struct ConformanceDigitsSpace: CategoricalSearchSpace, EnumerableSearchSpace {
    enum Fault { case none, parseDropsSecondDigit, mutateReturnsInput, mutateChangesTwo, duplicateNeighbor, keyFromFirstDigit, unseededSampling, shortEncoding }
    var fault = Fault.none

    var name: String { "digits" }
    func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> [Int] {
        fault == .unseededSampling ? [Int.random(in: 0..<3), Int.random(in: 0..<3)] : [rng.uniformInt(below: 3), rng.uniformInt(below: 3)]
    }
    func mutate(_ architecture: [Int], using rng: inout some RandomNumberGenerator) -> [Int] {
        switch fault {
        case .mutateReturnsInput: return architecture
        case .mutateChangesTwo: return architecture.map { ($0 + 1) % 3 }
        default:
            var copy = architecture
            let position = rng.uniformInt(below: 2)
            copy[position] = (copy[position] + 1 + rng.uniformInt(below: 2)) % 3
            return copy
        }
    }
    func neighbors(of architecture: [Int]) -> [[Int]] {
        var result: [[Int]] = []
        for position in 0..<2 {
            for step in 1...2 {
                var copy = architecture
                copy[position] = (copy[position] + step) % 3
                result.append(copy)
            }
        }
        if fault == .duplicateNeighbor { result[1] = result[0] }
        return result
    }
    func key(of architecture: [Int]) -> ArchitectureKey {
        ArchitectureKey(fault == .keyFromFirstDigit ? "\(architecture[0])" : format(architecture))
    }
    func parse(_ text: String) throws(ArchitectureParseError) -> [Int] {
        let digits = text.compactMap(\.wholeNumberValue)
        guard text.count == 2, digits.count == 2, digits.allSatisfy({ $0 < 3 }) else { throw ArchitectureParseError("digits: \"\(text)\" is not two digits 0-2") }
        return fault == .parseDropsSecondDigit ? [digits[0], 0] : digits
    }
    func format(_ architecture: [Int]) -> String { architecture.map(String.init).joined() }
    var encodings: [ArchitectureEncoding] { [.oneHot] }
    func encode(_ architecture: [Int], as encoding: ArchitectureEncoding) -> [Float] {
        var vector = [Float](repeating: 0, count: fault == .shortEncoding ? 5 : 6)
        for (position, digit) in architecture.enumerated() where position * 3 + digit < vector.count { vector[position * 3 + digit] = 1 }
        return vector
    }
    var decisions: [CategoricalDecision] { (0..<2).map { CategoricalDecision(name: "digit \($0)", options: ["0", "1", "2"]) } }
    func choices(of architecture: [Int]) -> [Int] { architecture }
    func architecture(fromChoices choices: [Int]) -> [Int]? { choices }
    var architectureCount: Int { 9 }
    func index(of architecture: [Int]) -> Int { architecture[0] * 3 + architecture[1] }
    func architecture(at index: Int) -> [Int] { [index / 3, index % 3] }
}

@Suite("SearchSpaceConformance")
struct SearchSpaceConformanceTests {
    func check(_ fault: ConformanceDigitsSpace.Fault) -> SearchSpaceConformance<ConformanceDigitsSpace> {
        SearchSpaceConformance(ConformanceDigitsSpace(fault: fault), seed: 1, sampleCount: 30)
    }

    @Test("a correct space passes every check")
    func correctSpace() {
        let check = check(.none)
        #expect(check.textRoundTrip() == [])
        #expect(check.mutation() == [])
        #expect(check.mutationChangesOneDecision() == [])
        #expect(check.mutantsAreNeighbors() == [])
        #expect(check.neighbors(expectedCount: { _ in 4 }) == [])
        #expect(check.neighborsChangeOneDecision() == [])
        #expect(check.keys(distinguishArchitectures: true) == [])
        #expect(check.codableRoundTrip() == [])
        #expect(check.encodings(expectedLengths: [.oneHot: 6]) == [])
        #expect(check.choicesRoundTrip() == [])
        #expect(check.indexBijection() == [])
        #expect(check.rejects(["", "123", "39"]) == [])
    }

    @Test("each broken behaviour is reported")
    func brokenSpaces() {
        #expect(!check(.parseDropsSecondDigit).textRoundTrip().isEmpty)
        #expect(!check(.mutateReturnsInput).mutation().isEmpty)
        #expect(!check(.mutateChangesTwo).mutationChangesOneDecision().isEmpty)
        #expect(!check(.mutateChangesTwo).mutantsAreNeighbors().isEmpty)
        #expect(!check(.duplicateNeighbor).neighbors(expectedCount: { _ in 4 }).isEmpty)
        #expect(!check(.none).neighbors(expectedCount: { _ in 5 }).isEmpty)
        #expect(!check(.keyFromFirstDigit).keys(distinguishArchitectures: true).isEmpty)
        #expect(!check(.shortEncoding).encodings(expectedLengths: [.oneHot: 6]).isEmpty)
        #expect(!check(.none).encodings(expectedLengths: [.oneHot: 6, .path: 3]).isEmpty)
        #expect(!check(.none).rejects(["12"]).isEmpty)
        #expect(!check(.none).rejects(["123"], expectedFragments: ["three digits"]).isEmpty)
        let golden = check(.none).seededSampling(seed: 1, expectedTexts: ["00", "00", "00"])
        #expect(!golden.isEmpty)
        #expect(!check(.unseededSampling).seededSampling(seed: 1, expectedTexts: Array(repeating: "00", count: 20)).isEmpty)
    }

    @Test("reports stop at the limit and count the rest")
    func reportLimit() {
        var check = check(.mutateReturnsInput)
        check.reportLimit = 3
        let messages = check.mutation()
        #expect(messages.count == 4)
        #expect(messages.last?.hasPrefix("... and ") == true)
    }
}
