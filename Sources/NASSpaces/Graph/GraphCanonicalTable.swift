/// The canonical architectures of a ``GraphSpace``: their benchmark hashes in increasing order (the dense index
/// order of ``GraphSpace/architecture(at:)``) and the index of each hash.
final class GraphCanonicalTable: Sendable {
    /// Benchmark hashes of the canonical architectures, increasing.
    let hashes: [Int]
    /// For every hash in 0...88888, its position in ``hashes`` or -1.
    let indexByHash: [Int32]

    /// The hashes that `valid_hash` can return: a pattern digit and four operation digits.
    static let hashLimit = 88_889

    static let allOperations = GraphCanonicalTable(operations: GraphOperation.allCases)
    static let proteinsOperations = GraphCanonicalTable(operations: GraphOperation.proteinsOperations)

    /// Lists every pattern and operation combination that is its own canonical form (the benchmark's
    /// `all_archs`, which keeps those for which `check_isomorph` holds).
    init(operations: [GraphOperation]) {
        var hashes: [Int] = []
        let n = operations.count
        for pattern in GraphLinkPattern.all {
            for combination in 0..<(n * n * n * n) {
                var rest = combination
                var layerOperations = Array(repeating: GraphOperation.skip, count: GraphArchitecture.layerCount)
                for position in (0..<GraphArchitecture.layerCount).reversed() {
                    layerOperations[position] = operations[rest % n]
                    rest /= n
                }
                guard layerOperations.contains(where: { $0 != .skip }) else { continue }
                let architecture = GraphArchitecture(links: pattern.links, operations: layerOperations)
                if architecture.canonical == architecture {
                    hashes.append(architecture.hashOfPatternForm)
                }
            }
        }
        hashes.sort()
        var indexByHash = Array(repeating: Int32(-1), count: Self.hashLimit)
        for (index, hash) in hashes.enumerated() {
            indexByHash[hash] = Int32(index)
        }
        self.hashes = hashes
        self.indexByHash = indexByHash
    }
}
