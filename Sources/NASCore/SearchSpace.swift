/// A neural architecture search space, as optimizers and predictors see it.
///
/// A space samples, mutates, lists neighbours, encodes, keys, parses and formats its architectures. It knows
/// nothing of how they are evaluated (a tabular benchmark, training) nor of who searches it. Every random choice
/// takes an explicit generator. Architectures are values: ``mutate(_:using:)`` returns a new one.
///
/// Conformance is checked for every space by one suite (`Sources/_TestSupport/SearchSpaceConformance.swift`, run for every space in `Tests/NASSpacesTests/`):
/// `parse(format(a)) == a`, mutation changes what it says, neighbours are valid and distinct, keys are equal
/// exactly for equal (or, where the space says so, isomorphic) architectures, and seeded sampling is reproducible
/// across processes.
public protocol SearchSpace: Sendable {
    /// One point of the space.
    associatedtype Architecture: Hashable, Codable, Sendable

    /// The space's short identifier, as the command line spells it (`"nb201"`).
    var name: String { get }

    /// Draws an architecture uniformly from the space (or from its documented sampling distribution).
    func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> Architecture

    /// A new architecture that differs from `architecture` by one elementary change (the space documents which).
    func mutate(_ architecture: Architecture, using rng: inout some RandomNumberGenerator) -> Architecture

    /// Every architecture one elementary change away, in a deterministic order, without duplicates.
    func neighbors(of architecture: Architecture) -> [Architecture]

    /// A canonical identity, equal for architectures that compute the same function where the space defines
    /// isomorphism, stable across processes and platforms (never `hashValue`).
    func key(of architecture: Architecture) -> ArchitectureKey

    /// Reads the space's standard text form.
    ///
    /// - Throws: ``ArchitectureParseError`` naming what is wrong and what the form should be.
    func parse(_ text: String) throws(ArchitectureParseError) -> Architecture

    /// Writes the space's standard text form.
    func format(_ architecture: Architecture) -> String

    /// The encodings this space provides.
    var encodings: [ArchitectureEncoding] { get }

    /// A fixed-length numeric vector for predictors.
    ///
    /// - Precondition: `encoding` is one of ``encodings``.
    func encode(_ architecture: Architecture, as encoding: ArchitectureEncoding) -> [Float]
}

extension SearchSpace {
    /// The length of `encoding`'s vectors.
    public func encodedLength(_ encoding: ArchitectureEncoding, example: Architecture) -> Int {
        encode(example, as: encoding).count
    }
}
