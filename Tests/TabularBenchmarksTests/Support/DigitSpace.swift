import NASCore

/// A toy enumerable space for the table tests: three digits 0...2 written "d-d-d" (27 architectures), numbered
/// in base 3; the key is the sorted digits, so permutations are "isomorphic".
struct DigitSpace: EnumerableSearchSpace {
    typealias Architecture = [Int]

    var name: String { "digits3" }
    var architectureCount: Int { 27 }
    var encodings: [ArchitectureEncoding] { [.oneHot] }

    func index(of architecture: [Int]) -> Int { architecture.reduce(0) { $0 * 3 + $1 } }

    func architecture(at index: Int) -> [Int] { [index / 9, index / 3 % 3, index % 3] }

    func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> [Int] {
        architecture(at: Int.random(in: 0..<27, using: &rng))
    }

    func mutate(_ architecture: [Int], using rng: inout some RandomNumberGenerator) -> [Int] {
        var mutated = architecture
        let position = Int.random(in: 0..<3, using: &rng)
        mutated[position] = (mutated[position] + Int.random(in: 1...2, using: &rng)) % 3
        return mutated
    }

    func neighbors(of architecture: [Int]) -> [[Int]] {
        (0..<3).flatMap { position in
            [1, 2].map { step in
                var neighbor = architecture
                neighbor[position] = (neighbor[position] + step) % 3
                return neighbor
            }
        }
    }

    func key(of architecture: [Int]) -> ArchitectureKey {
        ArchitectureKey(architecture.sorted().map(String.init).joined(separator: "-"))
    }

    func parse(_ text: String) throws(ArchitectureParseError) -> [Int] {
        let digits = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard digits.count == 3, digits.allSatisfy({ $0.map { (0...2).contains($0) } ?? false }) else {
            throw ArchitectureParseError("'\(text)' is not three digits 0...2 joined by '-'")
        }
        return digits.map { $0! }
    }

    func format(_ architecture: [Int]) -> String { architecture.map(String.init).joined(separator: "-") }

    func encode(_ architecture: [Int], as encoding: ArchitectureEncoding) -> [Float] {
        architecture.flatMap { digit in (0..<3).map { $0 == digit ? 1 : 0 } }
    }
}
