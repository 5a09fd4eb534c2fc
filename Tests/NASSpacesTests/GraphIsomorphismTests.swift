import NASCore
import NASSpaces
import Testing

/// What the benchmark's keys merge, against an independent labelled-tree signature (figures in SPACE.md).
@Suite("GraphSpace keys and isomorphism")
struct GraphIsomorphismTests {
    /// The labelled rooted tree of a description, the same text for isomorphic descriptions: `(in(gcn(gin))(fc))`.
    static func treeSignature(_ architecture: GraphArchitecture) -> String {
        func signature(_ node: Int) -> String {
            let label = node == 0 ? "in" : architecture.operations[node - 1].name
            let children = architecture.links.indices.filter { architecture.links[$0] == node }.map { signature($0 + 1) }
            return "(" + label + children.sorted().joined() + ")"
        }
        return signature(0)
    }

    @Test("isomorphic descriptions always share a key; 35,910 isomorphism classes merge into 26,206 keys")
    func isomorphismClasses() {
        var keyOfSignature: [String: Int] = [:]
        var split = 0
        for architecture in GraphCanonicalTests.allDescriptions() {
            let key = architecture.benchmarkHash
            if let earlier = keyOfSignature.updateValue(key, forKey: Self.treeSignature(architecture)), earlier != key {
                split += 1
            }
        }
        #expect(split == 0)
        #expect(keyOfSignature.count == 35_910)
        #expect(Set(keyOfSignature.values).count == 26_206)
    }

    /// On the proteins space, whose 780-entry vectors keep the test fast in debug builds (the nine-operation
    /// figure, 24,922 of 26,206, is in SPACE.md).
    @Test("the path encoding tells 1,851 of the 2,021 proteins architectures apart")
    func pathEncodingResolution() {
        let space = GraphSpace.proteins
        var distinct: Set<[Int]> = []
        for index in 0..<space.architectureCount {
            let vector = space.encode(space.architecture(at: index), as: .path)
            distinct.insert(vector.indices.filter { vector[$0] != 0 })
        }
        #expect(distinct.count == 1_851)
    }

    @Test("one-hot and adjacency + one-hot tell every architecture apart")
    func injectiveEncodings() {
        let space = GraphSpace()
        for encoding in [ArchitectureEncoding.oneHot, .adjacencyOneHot] {
            let vectors = Set((0..<space.architectureCount).map { space.encode(space.architecture(at: $0), as: encoding) })
            #expect(vectors.count == 26_206)
        }
    }
}
