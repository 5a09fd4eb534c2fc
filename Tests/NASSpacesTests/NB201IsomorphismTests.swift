import NASCore
import NASSpaces
import Testing

@Suite("NB201Space keys")
struct NB201IsomorphismTests {
    let space = NB201Space()

    func key(_ text: String) throws -> String { try space.key(of: space.parse(text)).rawValue }

    var allCells: [NB201Architecture] { (0..<space.architectureCount).map(space.architecture(at:)) }

    /// Counted independently by a Python transcription of the same rules (4,660; 4,930 without distributing
    /// pooling) and of the benchmark's `to_unique_str(consider_zero=True)` (6,466, the paper's count).
    @Test("the 15,625 cells fall into 4,660 functional classes and 6,466 benchmark strings")
    func classCounts() {
        let cells = allCells
        #expect(Set(cells.map(space.key(of:))).count == 4_660)
        #expect(Set(cells.map(space.benchmarkUniqueString(of:))).count == 6_466)
    }

    @Test("341 cells compute zero and share the key zero")
    func zeroClass() {
        let zero = allCells.filter(space.computesZero)
        #expect(zero.count == 341)
        #expect(zero.allSatisfy { space.key(of: $0).rawValue == "zero" })
        #expect(allCells.filter { space.key(of: $0).rawValue == "zero" }.count == 341)
    }

    /// An edge matters when its source node can be nonzero and its target reaches the output, both along edges
    /// other than `none`; worked out here from the edges alone, not from keys.
    func mattersByStructure(_ architecture: NB201Architecture, edge: Int) -> Bool {
        func live(_ source: Int, _ target: Int) -> Bool { architecture.operation(from: source, to: target) != .none }
        var nonzero = [true, false, false, false]
        for target in 1...3 { nonzero[target] = (0..<target).contains { nonzero[$0] && live($0, target) } }
        var reachesOutput = [false, false, false, true]
        for source in stride(from: 2, through: 0, by: -1) {
            reachesOutput[source] = ((source + 1)...3).contains { reachesOutput[$0] && live(source, $0) }
        }
        let endpoints = NB201Architecture.edges[edge]
        return nonzero[endpoints.source] && reachesOutput[endpoints.target]
    }

    @Test("an edge that cannot matter never changes the key; a convolution that matters always does")
    func edgesThatMatter() {
        for architecture in allCells {
            let key = space.key(of: architecture)
            for edge in 0..<6 {
                if !mattersByStructure(architecture, edge: edge) {
                    for operation in NB201Operation.allCases {
                        #expect(space.key(of: architecture.replacing(edge: edge, with: operation)) == key)
                    }
                } else if architecture[edge: edge] == .convolution1x1 {
                    #expect(space.key(of: architecture.replacing(edge: edge, with: .convolution3x3)) != key)
                }
            }
        }
    }

    @Test("cells that compute the same function share a key", arguments: [
        // Only a dead edge differs (node 1 and 2 feed the output through none): the output is x.
        ("|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|",
         "|avg_pool_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|", "x"),
        // Node 1 is zero, so the convolution and pooling reading it contribute nothing.
        ("|none~0|+|skip_connect~0|nor_conv_3x3~1|+|nor_conv_1x1~0|avg_pool_3x3~1|skip_connect~2|",
         "|none~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|none~1|skip_connect~2|", "conv1x1(x)+x"),
        // One convolution reaches the output through node 1, through node 2, or directly.
        ("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|",
         "|none~0|+|nor_conv_3x3~0|none~1|+|none~0|none~1|skip_connect~2|", "conv3x3(x)"),
        ("|none~0|+|nor_conv_3x3~0|none~1|+|none~0|none~1|skip_connect~2|",
         "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|", "conv3x3(x)"),
        // Average pooling is linear: pool(conv1x1(x) + x) = pool(conv1x1(x)) + pool(x).
        ("|skip_connect~0|+|nor_conv_1x1~0|skip_connect~1|+|none~0|none~1|avg_pool_3x3~2|",
         "|nor_conv_1x1~0|+|none~0|none~1|+|avg_pool_3x3~0|avg_pool_3x3~1|none~2|", "avgpool(conv1x1(x))+avgpool(x)"),
        // The sum into node 2 commutes.
        ("|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|none~0|none~1|nor_conv_3x3~2|",
         "|nor_conv_1x1~0|+|nor_conv_3x3~0|skip_connect~1|+|none~0|none~1|nor_conv_3x3~2|",
         "conv3x3(conv1x1(x)+conv3x3(x))"),
        // Every path is cut: zero.
        ("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|none~0|none~1|none~2|",
         "|none~0|+|none~0|skip_connect~1|+|none~0|avg_pool_3x3~1|nor_conv_1x1~2|", "zero"),
    ])
    func sameFunction(first: String, second: String, expected: String) throws {
        #expect(try key(first) == expected)
        #expect(try key(second) == expected)
    }

    @Test("cells that compute different functions get different keys", arguments: [
        // x + x is not x.
        ("|skip_connect~0|+|none~0|none~1|+|skip_connect~0|skip_connect~1|none~2|",
         "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|"),
        // Two convolutions of x have independent weights: not one convolution.
        ("|nor_conv_3x3~0|+|none~0|none~1|+|nor_conv_3x3~0|skip_connect~1|none~2|",
         "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|"),
        // 1x1 is not 3x3.
        ("|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|",
         "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|"),
        // Convolution and pooling do not commute.
        ("|avg_pool_3x3~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|skip_connect~2|",
         "|nor_conv_3x3~0|+|none~0|avg_pool_3x3~1|+|none~0|none~1|skip_connect~2|"),
        // A convolution of a sum is not a sum of convolutions.
        ("|skip_connect~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|nor_conv_3x3~2|",
         "|avg_pool_3x3~0|+|none~0|none~1|+|nor_conv_3x3~0|nor_conv_3x3~1|none~2|"),
    ])
    func differentFunctions(first: String, second: String) throws {
        #expect(try key(first) != key(second))
    }

    @Test("the benchmark's string keeps zero summands and nested sums, so it separates equal functions")
    func benchmarkString() throws {
        let direct = try space.parse("|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|")
        let throughNode2 = try space.parse("|none~0|+|nor_conv_3x3~0|none~1|+|none~0|none~1|skip_connect~2|")
        #expect(space.benchmarkUniqueString(of: direct) == "#+#+(0)@nor_conv_3x3")
        #expect(space.benchmarkUniqueString(of: throughNode2) == "#+#+#+(0)@nor_conv_3x3")
        #expect(space.key(of: direct) == space.key(of: throughNode2))
        let all = NB201Architecture(repeating: .convolution3x3)
        #expect(space.benchmarkUniqueString(of: all) == "(((0)@nor_conv_3x3)@nor_conv_3x3+(0)@nor_conv_3x3)@nor_conv_3x3"
            + "+((0)@nor_conv_3x3)@nor_conv_3x3+(0)@nor_conv_3x3")
    }
}
