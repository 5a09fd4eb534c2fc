import Foundation
import NASCore
import Seeding

/// The contract checks that every ``SearchSpace`` must pass, shared by the tests of every space.
///
/// Each check returns the violations it found as messages (an empty array means the space conforms), so a test
/// states `#expect(check.textRoundTrip() == [])` and a failure prints what broke and on which architecture. The
/// checks run on `sampleCount` architectures sampled with `Xoshiro256(seed: seed)`; the space-specific facts
/// (how many neighbours an architecture has, the length of each encoding, the golden sampled sequence) are
/// arguments, taken from the space's SPACE.md.
///
/// Usage, in `Tests/NASSpacesTests/<Space>ConformanceTests.swift`:
///
/// ```swift
/// import _TestSupport
///
/// @Suite("NB201Space conformance")
/// struct NB201ConformanceTests {
///     let check = SearchSpaceConformance(NB201Space(), seed: 0, sampleCount: 200)
///
///     @Test func textRoundTrip() { #expect(check.textRoundTrip() == []) }
///     @Test func mutation() { #expect(check.mutation() == []); #expect(check.mutationChangesOneDecision() == []) }
///     @Test func neighbors() { #expect(check.neighbors(expectedCount: { _ in 24 }) == []) }
///     @Test func keys() { #expect(check.keys(distinguishArchitectures: false) == []) }
///     @Test func codable() { #expect(check.codableRoundTrip() == []) }
///     @Test func encodings() {
///         #expect(check.encodings(expectedLengths: [.oneHot: 30, .adjacencyOneHot: 56, .path: 180]) == [])
///     }
///     @Test func seededSampling() {
///         #expect(check.seededSampling(seed: 0, expectedTexts: ["|none~0|+|...", ...]) == [])
///     }
///     @Test func choices() { #expect(check.choicesRoundTrip() == []) }
///     @Test func index() { #expect(check.indexBijection(exhaustiveLimit: 20_000) == []) }
///     @Test func rejects() { #expect(check.rejects(["", "|conv~0|+|"]) == []) }
/// }
/// ```
///
/// What each check asserts is in its own doc comment. The golden list of ``seededSampling(seed:expectedTexts:expectedKeys:)``
/// is what makes sampling reproducible across processes: the generator and its samplers are NASKit's own
/// (``Xoshiro256``, `uniformInt(below:)`), so the sequence is fixed bits on every platform and run; write the list
/// once from the space's output, check it by hand against the space's definition, and it must never change.
public struct SearchSpaceConformance<Space: SearchSpace> {
    /// The space under test.
    public let space: Space
    /// The architectures the checks run on: `sampleCount` draws from `Xoshiro256(seed: seed)`.
    public let samples: [Space.Architecture]
    /// How many violations a check reports before summarising the rest.
    public var reportLimit = 20

    /// Draws the sample architectures.
    ///
    /// - Parameters:
    ///   - space: The space to check.
    ///   - seed: Seed of the generator that draws the samples.
    ///   - sampleCount: How many architectures the checks visit (each check is linear in it, the neighbour
    ///     check also in the number of neighbours).
    public init(_ space: Space, seed: UInt64 = 0, sampleCount: Int = 100) {
        self.space = space
        var rng = Xoshiro256(seed: seed)
        samples = (0..<sampleCount).map { _ in space.sampleArchitecture(using: &rng) }
    }

    /// `parse(format(a)) == a` for every sample, and formatting is deterministic.
    public func textRoundTrip() -> [String] {
        var violations = Violations(limit: reportLimit)
        for architecture in samples {
            let text = space.format(architecture)
            if text != space.format(architecture) {
                violations.add("format is not deterministic for \(text)")
            }
            do {
                let parsed = try space.parse(text)
                if parsed != architecture {
                    violations.add("parse(format(a)) != a for \(text): parsed formats as \(space.format(parsed))")
                }
            } catch {
                violations.add("parse rejects its own format \(text): \(error)")
            }
        }
        return violations.messages
    }

    /// Every text in `invalidTexts` is rejected with a non-empty message; when `expectedFragments` is given, the
    /// message of `invalidTexts[i]` contains `expectedFragments[i]` (case-sensitive).
    public func rejects(_ invalidTexts: [String], expectedFragments: [String]? = nil) -> [String] {
        var violations = Violations(limit: reportLimit)
        if let expectedFragments, expectedFragments.count != invalidTexts.count {
            violations.add("\(invalidTexts.count) invalid texts but \(expectedFragments.count) expected fragments")
            return violations.messages
        }
        for (position, text) in invalidTexts.enumerated() {
            do {
                let parsed = try space.parse(text)
                violations.add("parse accepts invalid text \(quoted(text)) as \(space.format(parsed))")
            } catch {
                if error.message.isEmpty {
                    violations.add("parse rejects \(quoted(text)) with an empty message")
                }
                if let fragment = expectedFragments?[position], !error.message.contains(fragment) {
                    violations.add("parse error for \(quoted(text)) does not mention \(quoted(fragment)): \(error.message)")
                }
            }
        }
        return violations.messages
    }

    /// Mutation returns a valid architecture (it survives the text round trip) that differs from its input, and is
    /// a function of the generator's state (two generators in the same state give the same mutant).
    ///
    /// - Parameter draws: Mutations tried per sample, each with its own generator state.
    public func mutation(draws: Int = 4) -> [String] {
        var violations = Violations(limit: reportLimit)
        var rng = Xoshiro256(seed: 0x6D75_7461_7465)
        for architecture in samples {
            for _ in 0..<draws {
                var replay = rng
                let mutant = space.mutate(architecture, using: &rng)
                let replayed = space.mutate(architecture, using: &replay)
                let text = space.format(architecture)
                if mutant == architecture {
                    violations.add("mutate returned its input \(text)")
                }
                if mutant != replayed {
                    violations.add("mutate of \(text) differs for equal generator states")
                }
                violations.add(validity(of: mutant, context: "mutant of \(text)"))
            }
        }
        return violations.messages
    }

    /// Every mutant is one of the input's neighbours (for spaces whose mutation is one neighbourhood step).
    public func mutantsAreNeighbors(draws: Int = 4) -> [String] {
        var violations = Violations(limit: reportLimit)
        var rng = Xoshiro256(seed: 0x6E65_6967_6862)
        for architecture in samples {
            let neighbors = Set(space.neighbors(of: architecture))
            for _ in 0..<draws {
                let mutant = space.mutate(architecture, using: &rng)
                if !neighbors.contains(mutant) {
                    violations.add("mutant \(space.format(mutant)) of \(space.format(architecture)) is not a neighbour")
                }
            }
        }
        return violations.messages
    }

    /// Neighbours are valid, pairwise distinct, all differ from the input, come in the same order on every call,
    /// and number `expectedCount(a)` (the space's documented formula).
    public func neighbors(expectedCount: (Space.Architecture) -> Int) -> [String] {
        var violations = Violations(limit: reportLimit)
        for architecture in samples {
            let text = space.format(architecture)
            let neighbors = space.neighbors(of: architecture)
            if neighbors != space.neighbors(of: architecture) {
                violations.add("neighbors of \(text) are not deterministic")
            }
            let expected = expectedCount(architecture)
            if neighbors.count != expected {
                violations.add("\(text) has \(neighbors.count) neighbours, documented \(expected)")
            }
            if Set(neighbors).count != neighbors.count {
                violations.add("neighbors of \(text) contain duplicates")
            }
            if neighbors.contains(architecture) {
                violations.add("neighbors of \(text) contain the architecture itself")
            }
            for neighbor in neighbors {
                violations.add(validity(of: neighbor, context: "neighbour of \(text)"))
            }
        }
        return violations.messages
    }

    /// Keys are deterministic and equal for equal architectures (also after the text and Codable round trips).
    ///
    /// - Parameter distinguishArchitectures: `true` for spaces without isomorphism, whose keys must also differ
    ///   for every two different architectures among the samples; `false` where the space merges isomorphic
    ///   architectures (check its classes in the space's own tests).
    public func keys(distinguishArchitectures: Bool) -> [String] {
        var violations = Violations(limit: reportLimit)
        var owners: [ArchitectureKey: Space.Architecture] = [:]
        for architecture in samples {
            let text = space.format(architecture)
            let key = space.key(of: architecture)
            if key != space.key(of: architecture) {
                violations.add("key of \(text) is not deterministic")
            }
            if key.rawValue.isEmpty {
                violations.add("key of \(text) is empty")
            }
            if let parsed = try? space.parse(text), space.key(of: parsed) != key {
                violations.add("key of \(text) changes through the text round trip")
            }
            if let copy = codableCopy(of: architecture), space.key(of: copy) != key {
                violations.add("key of \(text) changes through the Codable round trip")
            }
            if distinguishArchitectures, let owner = owners[key], owner != architecture {
                violations.add("different architectures \(space.format(owner)) and \(text) share key \(key)")
            }
            owners[key] = architecture
        }
        return violations.messages
    }

    /// Architectures survive a JSON encode/decode round trip unchanged (they are stored in checkpoints).
    public func codableRoundTrip() -> [String] {
        var violations = Violations(limit: reportLimit)
        for architecture in samples where codableCopy(of: architecture) != architecture {
            violations.add("JSON round trip changes \(space.format(architecture))")
        }
        return violations.messages
    }

    /// Sampling with `Xoshiro256(seed: seed)` formats as `expectedTexts` (a golden list written into the test)
    /// and, when given, keys as `expectedKeys`; the same seed twice in this process gives the same sequence.
    public func seededSampling(seed: UInt64, expectedTexts: [String], expectedKeys: [String]? = nil) -> [String] {
        var violations = Violations(limit: reportLimit)
        var first = Xoshiro256(seed: seed)
        var second = Xoshiro256(seed: seed)
        for position in expectedTexts.indices {
            let architecture = space.sampleArchitecture(using: &first)
            let again = space.sampleArchitecture(using: &second)
            let text = space.format(architecture)
            if architecture != again {
                violations.add("draw \(position) differs between two generators with seed \(seed)")
            }
            if text != expectedTexts[position] {
                violations.add("draw \(position) with seed \(seed) is \(text), golden \(expectedTexts[position])")
            }
            if let expectedKeys, position < expectedKeys.count, space.key(of: architecture).rawValue != expectedKeys[position] {
                violations.add("draw \(position) key is \(space.key(of: architecture)), golden \(expectedKeys[position])")
            }
        }
        if let expectedKeys, expectedKeys.count != expectedTexts.count {
            violations.add("\(expectedTexts.count) golden texts but \(expectedKeys.count) golden keys")
        }
        return violations.messages
    }

    /// Every encoding the space lists has the documented length for every sample, finite entries, and is a
    /// function of the architecture; `expectedLengths` names exactly the space's encodings.
    public func encodings(expectedLengths: [ArchitectureEncoding: Int]) -> [String] {
        var violations = Violations(limit: reportLimit)
        if Set(space.encodings) != Set(expectedLengths.keys) {
            let listed = space.encodings.map(\.rawValue).sorted()
            let documented = expectedLengths.keys.map(\.rawValue).sorted()
            violations.add("space lists encodings \(listed), documented \(documented)")
        }
        for encoding in space.encodings {
            guard let length = expectedLengths[encoding] else { continue }
            for architecture in samples {
                let vector = space.encode(architecture, as: encoding)
                let text = space.format(architecture)
                if vector.count != length {
                    violations.add("\(encoding.rawValue) of \(text) has length \(vector.count), documented \(length)")
                }
                if !vector.allSatisfy(\.isFinite) {
                    violations.add("\(encoding.rawValue) of \(text) has non-finite entries")
                }
                if let copy = codableCopy(of: architecture), space.encode(copy, as: encoding) != vector {
                    violations.add("\(encoding.rawValue) of \(text) differs for an equal architecture")
                }
            }
        }
        return violations.messages
    }

    // MARK: Helpers

    /// A violation when `architecture` does not survive the text round trip.
    func validity(of architecture: Space.Architecture, context: String) -> String? {
        let text = space.format(architecture)
        do {
            let parsed = try space.parse(text)
            return parsed == architecture ? nil : "\(context) \(text) does not survive parse(format(_:))"
        } catch {
            return "\(context) \(text) is rejected by parse: \(error)"
        }
    }

    /// `architecture` after JSON encoding and decoding, or `nil` when either step throws.
    func codableCopy(of architecture: Space.Architecture) -> Space.Architecture? {
        guard let data = try? JSONEncoder().encode(architecture) else { return nil }
        return try? JSONDecoder().decode(Space.Architecture.self, from: data)
    }

    func quoted(_ text: String) -> String { "\"\(text)\"" }
}
