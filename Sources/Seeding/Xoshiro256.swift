/// xoshiro256** (Blackman & Vigna 2018): the generator behind every random choice in NASKit.
///
/// Seeded from one `UInt64` through ``SplitMix64`` as its authors recommend. The state is `Codable`, so a
/// checkpoint can store it and a resumed run continues the same stream.
public struct Xoshiro256: RandomNumberGenerator, Hashable, Codable, Sendable {
    /// The generator's whole state (four 64-bit words, never all zero).
    public private(set) var state: [UInt64]

    /// Creates a generator from a 64-bit seed.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        state = (0..<4).map { _ in expander.next() }
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state[1] &* 5, by: 7) &* 9
        let shifted = state[1] << 17
        state[2] ^= state[0]
        state[3] ^= state[1]
        state[1] ^= state[2]
        state[0] ^= state[3]
        state[2] ^= shifted
        state[3] = rotateLeft(state[3], by: 45)
        return result
    }

    /// Returns a generator for an independent child stream named by `label`.
    ///
    /// The child's seed mixes this generator's next output with a stable hash of the label, so components
    /// (a weight initializer, a data shuffler, an optimizer) get their own streams from one run seed.
    public mutating func child(_ label: String) -> Xoshiro256 {
        Xoshiro256(seed: next() ^ StableHash.fnv1a64(label))
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
