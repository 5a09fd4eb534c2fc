/// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator used to expand one 64-bit seed into the state of
/// other generators and to derive independent child seeds.
///
/// Its output sequence is fixed by the algorithm, so the same seed gives the same numbers on every platform
/// and Swift version.
public struct SplitMix64: RandomNumberGenerator, Hashable, Codable, Sendable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// Creates a generator whose first output is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
