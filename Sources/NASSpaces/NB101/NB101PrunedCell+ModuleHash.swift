import Seeding

// NAS-Bench-101's module hash (Ying et al. 2019, section 2.2; `hash_module` in google-research/nasbench
// `lib/graph_util.py`, called by `ModelSpec.hash_spec` on the pruned graph), written from its definition:
//
//   1. Label each vertex: -1 the input, -2 the output, the canonical operation index (NB101Operation.rawValue)
//      for interior vertices.
//   2. h(v) = md5 of the text of the Python tuple (out-degree, in-degree, label), e.g. "(2, 0, -1)".
//   3. Repeat vertexCount times, for all v at once:
//        h(v) ← md5( concat(sorted h(u) for edges u → v) + "|" + concat(sorted h(w) for edges v → w) + "|" + h(v) )
//   4. The fingerprint is md5 of the text of the Python list of the sorted hashes, "['…', '…', …]".
//
// Hashes are 32 lowercase hex digits, and "sorted" is Python's string order, which for hex digits is the byte
// order of their ASCII codes. The hash is a function of the labelled graph up to isomorphism (it never looks at
// vertex numbers), so isomorphic cells share it; the benchmark's authors verified exhaustively
// (`scripts/generate_graphs.py`) that no two non-isomorphic cells of the space share one: 423,624 hashes.

extension NB101PrunedCell {
    /// The NAS-Bench-101 module hash: 32 hex digits, the key of the benchmark's records.
    ///
    /// - Complexity: O(V² + V·E) MD5 evaluations of strings of at most V·32 bytes, V ≤ 7.
    public var moduleHash: String {
        let labels = (0..<vertexCount).map { vertex -> Int in
            if vertex == 0 { return -1 }
            if vertex == vertexCount - 1 { return -2 }
            return operations[vertex - 1].rawValue
        }
        let predecessorLists = (0..<vertexCount).map { predecessors(of: $0) }
        let successorLists = (0..<vertexCount).map { vertex in (0..<vertexCount).filter { hasEdge(from: vertex, to: $0) } }

        var hashes: [[UInt8]] = (0..<vertexCount).map { vertex in
            let text = "(\(successorLists[vertex].count), \(predecessorLists[vertex].count), \(labels[vertex]))"
            return MD5.hexDigestBytes(of: Array(text.utf8))
        }
        let separator = UInt8(ascii: "|")
        for _ in 0..<vertexCount {
            hashes = (0..<vertexCount).map { vertex in
                var message: [UInt8] = []
                message.reserveCapacity(32 * (2 * vertexCount + 1) + 2)
                for hash in predecessorLists[vertex].map({ hashes[$0] }).sorted(by: Self.precedes) { message += hash }
                message.append(separator)
                for hash in successorLists[vertex].map({ hashes[$0] }).sorted(by: Self.precedes) { message += hash }
                message.append(separator)
                message += hashes[vertex]
                return MD5.hexDigestBytes(of: message)
            }
        }
        // Python's str() of a list of strings: ['a', 'b'].
        var listText: [UInt8] = [UInt8(ascii: "[")]
        for (position, hash) in hashes.sorted(by: Self.precedes).enumerated() {
            if position > 0 { listText += [UInt8(ascii: ","), UInt8(ascii: " ")] }
            listText.append(UInt8(ascii: "'"))
            listText += hash
            listText.append(UInt8(ascii: "'"))
        }
        listText.append(UInt8(ascii: "]"))
        return MD5.hexDigest(of: listText)
    }

    /// Python's string order on ASCII hex digests.
    private static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.lexicographicallyPrecedes(rhs)
    }
}
