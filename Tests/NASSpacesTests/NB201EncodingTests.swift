import NASCore
import NASSpaces
import Testing

/// Encodings against vectors worked out by hand from SPACE.md. The cells are asymmetric (no two routes carry the
/// same operations), so reading a route's edges in another edge order (NASLib's bug: 0->3 and 0->1->2->3 read
/// from the wrong positions) changes the expected features.
@Suite("NB201Space encodings")
struct NB201EncodingTests {
    let space = NB201Space()

    func cell(_ text: String) throws -> NB201Architecture { try space.parse(text) }

    func ones(_ vector: [Float]) -> [Int] { vector.indices.filter { vector[$0] == 1 } }

    @Test("one-hot: five entries per edge in edge order, operations in NAS-Bench-201's order")
    func oneHot() throws {
        let architecture = try cell("|avg_pool_3x3~0|+|none~0|nor_conv_1x1~1|+|nor_conv_3x3~0|none~1|skip_connect~2|")
        let vector = space.encode(architecture, as: .oneHot)
        #expect(vector.count == 30)
        #expect(ones(vector) == [0 * 5 + 4, 1 * 5 + 0, 2 * 5 + 2, 3 * 5 + 3, 4 * 5 + 0, 5 * 5 + 1])
    }

    @Test("paths: 0->3 reads edge 3<-0 and 0->1->2->3 reads 1<-0, 2<-1, 3<-2; none cuts")
    func pathsOfAsymmetricCells() throws {
        // Edges 1<-0 pool, 2<-0 none, 2<-1 conv1x1, 3<-0 conv3x3, 3<-1 none, 3<-2 skip.
        let first = try cell("|avg_pool_3x3~0|+|none~0|nor_conv_1x1~1|+|nor_conv_3x3~0|none~1|skip_connect~2|")
        #expect(space.paths(of: first) == [[.convolution3x3], [.averagePool3x3, .convolution1x1, .skipConnect]])
        // conv3x3 is length-1 feature 2; (pool, conv1x1, skip) is 20 + 3·16 + 1·4 + 0 = 72.
        #expect(ones(space.encode(first, as: .path)) == [2, 72])

        // Edges 1<-0 conv1x1, 2<-0 skip, 2<-1 none, 3<-0 none, 3<-1 pool, 3<-2 conv3x3.
        let second = try cell("|nor_conv_1x1~0|+|skip_connect~0|none~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|")
        #expect(space.paths(of: second) == [[.convolution1x1, .averagePool3x3], [.skipConnect, .convolution3x3]])
        // (conv1x1, pool) is 4 + 1·4 + 3 = 11; (skip, conv3x3) is 4 + 0·4 + 2 = 6.
        #expect(ones(space.encode(second, as: .path)) == [6, 11])
    }

    @Test("routes 0->1->3 and 0->2->3 with the same operations share one feature")
    func sharedNames() {
        let architecture = NB201Architecture(repeating: .convolution3x3)
        #expect(space.paths(of: architecture).count == 4)
        // conv3x3: 2; (conv3x3, conv3x3): 4 + 2·4 + 2 = 14; three conv3x3: 20 + 2·16 + 2·4 + 2 = 62.
        #expect(ones(space.encode(architecture, as: .path)) == [2, 14, 62])
        #expect(space.paths(of: NB201Architecture(repeating: .none)).isEmpty)
        #expect(space.encode(NB201Architecture(repeating: .none), as: .path) == [Float](repeating: 0, count: 84))
    }

    @Test("path features are numbered 0..<84 without gaps or collisions")
    func pathFeatureNumbering() {
        let operations: [NB201Operation] = [.skipConnect, .convolution1x1, .convolution3x3, .averagePool3x3]
        var paths: [[NB201Operation]] = operations.map { [$0] }
        paths += operations.flatMap { a in operations.map { [a, $0] } }
        paths += operations.flatMap { a in operations.flatMap { b in operations.map { [a, b, $0] } } }
        #expect(paths.map(NB201Space.pathFeatureIndex(of:)) == Array(0..<84))
    }

    @Test("adjacency + one-hot: the data-flow DAG of the edges, none edges without arcs")
    func adjacencyOneHot() throws {
        // Live edge nodes: 1 (1<-0 conv1x1), 2 (2<-0 skip), 5 (3<-1 pool), 6 (3<-2 conv3x3); 3 and 4 are none.
        let architecture = try cell("|nor_conv_1x1~0|+|skip_connect~0|none~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|")
        let vector = space.encode(architecture, as: .adjacencyOneHot)
        #expect(vector.count == 58)
        // Arcs 0->1, 0->2, 1->5, 2->6, 5->7, 6->7 at their row-major positions above the diagonal.
        #expect(ones(Array(vector[0..<28])) == [0, 1, 10, 16, 26, 27])
        #expect(Array(vector[28...]) == space.encode(architecture, as: .oneHot))

        // Every edge live: 0->1, 0->2, 0->4, 1->3, 1->5, 2->6, 3->6, 4->7, 5->7, 6->7.
        let full = space.encode(NB201Architecture(repeating: .skipConnect), as: .adjacencyOneHot)
        #expect(ones(Array(full[0..<28])) == [0, 1, 3, 8, 10, 16, 20, 24, 26, 27])
    }
}
