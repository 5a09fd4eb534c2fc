import NASRunner  // the spaces' cell graphs (CellGraphs/)
import NASSpaces
import Testing

@testable import Predictors

@Suite("GCN cell graphs")
struct GCNCellGraphTests {
    /// NASLib's fixed NB201 matrix (`encode_gcn_nasbench201`), row u, column v: u → v.
    static let naslibMatrix: [[Int]] = [
        [0, 1, 1, 1, 0, 0, 0, 0],
        [0, 0, 0, 0, 1, 1, 0, 0],
        [0, 0, 0, 0, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0, 0, 0, 0],
    ]

    @Test("an NB201 cell converts to NASLib's 8-node graph: its fixed matrix and labels 0, NASLib index + 1, 6")
    func nb201MatchesNASLib() throws {
        let space = NB201Space()
        let cell = try space.parse(
            "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|")
        let graph = space.cellGraph(of: cell)
        #expect(graph.nodeCount == 8 && graph.labelCount == 7)
        for u in 0..<8 {
            for v in 0..<8 { #expect(graph.hasArc(from: u, to: v) == (Self.naslibMatrix[u][v] == 1), "\(u) -> \(v)") }
        }
        // NASLib's edge order 1<-0, 2<-0, 3<-0, 2<-1, 3<-1, 3<-2 carries conv3x3 (2), none (1), avg_pool (4),
        // skip (0), conv1x1 (3), conv3x3 (2) in NASLib's operation indices.
        #expect(graph.labels == [0, 3, 2, 5, 1, 4, 3, 6])
        // A none edge keeps its arcs (NASLib's conversion), so every cell has the same matrix.
        #expect(space.cellGraph(of: NB201Architecture(repeating: .none)).adjacency == graph.adjacency)
    }

    @Test("the propagation matrices: P = rownorm(rownorm(A + I)), Q = rownorm(rownorm(A + I)ᵀ), by hand")
    func propagationMatrices() throws {
        let space = NB201Space()
        let graphs = GCNGraphs([space.cellGraph(of: space.architecture(at: 123))], nodeCount: 8, featureCount: 7)
        func forward(_ u: Int, _ v: Int) -> Float { graphs.forwardPropagation[u * 8 + v] }
        func backward(_ u: Int, _ v: Int) -> Float { graphs.backwardPropagation[u * 8 + v] }
        // Row 0 of A + I is 1 on the input and its three successors: a quarter each, unchanged by rownorm again.
        #expect((0..<8).map { forward(0, $0) } == [0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0])
        // The output node only has its self-loop.
        #expect((0..<8).map { forward(7, $0) } == [0, 0, 0, 0, 0, 0, 0, 1])
        // Column 7 of rownorm(A + I): nodes 3, 5, 6 reach the output with weight 1/2 each, the output itself 1;
        // normalized by 2.5: 0.2, 0.2, 0.2, 0.4.
        let expected: [Float] = [0, 0, 0, 0.2, 0, 0.2, 0.2, 0.4]
        for v in 0..<8 { #expect(abs(backward(7, v) - expected[v]) < 1e-7, "Q[7][\(v)]") }
        // Column 0: only the input reads itself (1/4), so Q's row 0 is the unit vector.
        #expect((0..<8).map { backward(0, $0) } == [1, 0, 0, 0, 0, 0, 0, 0])
        // The features are the labels' one-hot.
        let labels = space.cellGraph(of: space.architecture(at: 123)).labels
        for node in 0..<8 {
            #expect((0..<7).map { graphs.features[node * 7 + $0] } == (0..<7).map { $0 == labels[node] ? 1 : 0 })
        }
    }

    @Test("a NAS-Bench-Graph architecture's graph has the arcs and operations of the space's adjacency encoding")
    func graphSpaceMatchesItsEncoding() {
        let space = GraphSpace()
        for index in [0, 1_234, 26_205] {
            let architecture = space.architecture(at: index)
            let graph = space.cellGraph(of: architecture)
            let encoding = space.encode(architecture, as: .adjacencyOneHot)  // 15 arcs, then 4 one-hots of 9
            var arcs: [Float] = []
            for u in 0..<6 { for v in (u + 1)..<6 { arcs.append(graph.hasArc(from: u, to: v) ? 1 : 0) } }
            #expect(arcs == Array(encoding.prefix(15)), "architecture \(index)")
            #expect((0..<6).allSatisfy { u in (0...u).allSatisfy { !graph.hasArc(from: u, to: $0) } })
            let operations = (0..<4).map { layer in (0..<9).first { encoding[15 + layer * 9 + $0] == 1 }! + 1 }
            #expect(graph.labels == [0] + operations + [10] && graph.labelCount == 11, "architecture \(index)")
        }
    }
}
