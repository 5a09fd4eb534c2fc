import NASCore

/// The dense numbering of the canonical architectures, in increasing order of the benchmark hash: index 0 is
/// `links=[0,0,0,0] ops=gat,gat,gat,gat` (hash 0, for all nine operations) and the last is
/// `links=[0,1,2,3] ops=skip,skip,skip,fc` (hash 88887; index 26,205 for nine operations, 2,020 for proteins).
extension GraphSpace: EnumerableSearchSpace {
    /// 26,206 for all nine operations, 2,021 for ``proteins``.
    public var architectureCount: Int { table.hashes.count }

    /// The index of the architecture's canonical form; all descriptions of one network share it.
    ///
    /// - Precondition: the architecture uses only this space's operations.
    public func index(of architecture: GraphArchitecture) -> Int {
        checkOperations(of: architecture)
        let index = table.indexByHash[architecture.benchmarkHash]
        precondition(index >= 0, "\(name): \(architecture) has no canonical index (hash \(architecture.benchmarkHash))")
        return Int(index)
    }

    /// The canonical architecture with number `index`.
    ///
    /// - Precondition: `0 <= index < architectureCount`.
    public func architecture(at index: Int) -> GraphArchitecture {
        precondition(table.hashes.indices.contains(index), "\(name): index \(index) is outside 0..<\(architectureCount)")
        return Self.architecture(patternFormHash: table.hashes[index])
    }

    /// The canonical architecture whose benchmark hash is `hash` (a key of the benchmark's `.bench` tables).
    ///
    /// - Throws: ``ArchitectureParseError`` when `hash` is not the hash of a canonical architecture of this space
    ///   (not five digits of a pattern and four operations, or a non-canonical description, which the
    ///   benchmark's tables never hold).
    public func architecture(benchmarkHash hash: Int) throws(ArchitectureParseError) -> GraphArchitecture {
        guard (0..<GraphCanonicalTable.hashLimit).contains(hash), table.indexByHash[hash] >= 0 else {
            throw ArchitectureParseError(
                "\(name): \(hash) is not the benchmark hash of one of its \(architectureCount) canonical architectures "
                    + "(a link pattern digit 0-8 and four operation digits, in canonical form)")
        }
        return Self.architecture(patternFormHash: hash)
    }

    /// Decodes a hash's five decimal digits: the pattern index and four operation indices.
    static func architecture(patternFormHash hash: Int) -> GraphArchitecture {
        var rest = hash
        var operations = Array(repeating: GraphOperation.skip, count: GraphArchitecture.layerCount)
        for position in (0..<GraphArchitecture.layerCount).reversed() {
            operations[position] = GraphOperation(rawValue: rest % 10)!
            rest /= 10
        }
        return GraphArchitecture(links: GraphLinkPattern.all[rest].links, operations: operations)
    }
}
