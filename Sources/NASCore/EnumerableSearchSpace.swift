/// A finite search space whose architectures are numbered `0..<architectureCount`, so that tables can be
/// indexed densely (an array lookup per query, no hashing or string building).
public protocol EnumerableSearchSpace: SearchSpace {
    /// The number of architectures.
    var architectureCount: Int { get }

    /// The architecture's number in `0..<architectureCount`; a bijection with ``architecture(at:)``.
    func index(of architecture: Architecture) -> Int

    /// The architecture with number `index`.
    ///
    /// - Precondition: `0 <= index < architectureCount`.
    func architecture(at index: Int) -> Architecture
}
