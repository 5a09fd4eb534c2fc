/// The canonical identity of an architecture: a string that is equal for architectures its space considers
/// the same, and stable across runs, processes and platforms.
///
/// Each space documents how it forms keys (NB201: the canonical cell string after removing edges whose output is
/// never used; NB101: the benchmark's iterated MD5 graph hash).
public struct ArchitectureKey: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// The key's text.
    public let rawValue: String

    /// Wraps a canonical string.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
