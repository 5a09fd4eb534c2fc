import Foundation
import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

/// Every NAS-Bench-Graph operation on a 4-node graph against a hand computation, and gradient checks.
///
/// The graph: edges 0–1, 1–2, 1–3 (node 1 has degree 3, the others 1; with self-loops 4 and 2). The features
/// X = [[1, 0], [0, 1], [1, 1], [2, 0]]. Weights are set by hand (identity or twice the identity) so each
/// expected row is a short sum over the node's neighbours.
@Suite("Graph layers")
struct GraphLayerTests {
    static let structure = GraphStructure(
        adjacency: SparsityPattern(rows: 4, columns: 4, edges: [(0, 1), (1, 0), (1, 2), (2, 1), (1, 3), (3, 1)]))
    static let x: [[Double]] = [[1, 0], [0, 1], [1, 1], [2, 0]]
    static var input: NodeFeatures { .dense(Variable(Tensor(shape: [4, 2], scalars: [1, 0, 0, 1, 1, 1, 2, 0]))) }
    static let identity = Tensor(shape: [2, 2], scalars: [1, 0, 0, 1])
    static let twiceIdentity = Tensor(shape: [2, 2], scalars: [2, 0, 0, 2])

    /// The layer of `operation` (2 → 2) with its parameters replaced by `values`, in `parameters` order.
    static func layer(_ operation: GraphOperation, _ values: [Tensor]) -> GraphConvolutionLayer {
        var rng = Xoshiro256(seed: 1)
        let layer = GraphConvolutionLayer(operation, inputSize: 2, outputSize: 2, name: operation.name, using: &rng)
        for (parameter, value) in zip(layer.parameters, values) { parameter.value = value }
        return layer
    }

    /// Rows of `sum` over (coefficient, node): Σ coefficient · x[node].
    static func rows(_ sums: [[(Double, Int)]]) -> [Double] {
        sums.flatMap { terms in
            (0..<2).map { column in terms.reduce(0) { $0 + $1.0 * x[$1.1][column] } }
        }
    }

    static func expectClose(_ output: Variable, _ expected: [Double], _ comment: Comment? = nil) {
        #expect(output.shape == [4, expected.count / 4])
        for (actual, wanted) in zip(output.value.scalars, expected) {
            #expect(Swift.abs(Double(actual) - wanted) < 1e-5, "\(output.value.scalars) vs \(expected) \(comment ?? "")")
        }
    }

    @Test("GCN: D̂^-1/2 (A + I) D̂^-1/2 X W + b with D̂ = (2, 4, 2, 2)")
    func graphConvolution() {
        let layer = Self.layer(.graphConvolution, [Self.identity, Tensor(shape: [2], scalars: [0.5, -1])])
        let (half, quarter, cross) = (0.5, 0.25, 1 / 8.0.squareRoot())  // 1/√(2·2), 1/√(4·4), 1/√(2·4)
        let expected = Self.rows([
            [(half, 0), (cross, 1)], [(cross, 0), (quarter, 1), (cross, 2), (cross, 3)],
            [(cross, 1), (half, 2)], [(cross, 1), (half, 3)],
        ])
        let bias = [0.5, -1.0]
        Self.expectClose(
            layer(Self.input, structure: Self.structure), expected.enumerated().map { $1 + bias[$0 % 2] })
        #expect(layer.parameters.map(\.shape) == [[2, 2], [2]])
    }

    @Test("GIN (ε = 0): (x_i + Σ_j x_j) W + b")
    func graphIsomorphism() {
        let layer = Self.layer(.graphIsomorphism, [Self.identity, Tensor(zeros: [2])])
        Self.expectClose(
            layer(Self.input, structure: Self.structure),
            Self.rows([[(1, 0), (1, 1)], [(1, 0), (1, 1), (1, 2), (1, 3)], [(1, 1), (1, 2)], [(1, 1), (1, 3)]]))
    }

    @Test("ChebNet (K = 2): X W₀ + L̂ X W₁ with L̂ = −D^-1/2 A D^-1/2, D = (1, 3, 1, 1)")
    func chebyshev() {
        let layer = Self.layer(.chebyshev, [Self.identity, Self.twiceIdentity, Tensor(zeros: [2])])
        let s = 1 / 3.0.squareRoot()  // 1/√(1·3)
        Self.expectClose(
            layer(Self.input, structure: Self.structure),
            Self.rows([
                [(1, 0), (-2 * s, 1)], [(1, 1), (-2 * s, 0), (-2 * s, 2), (-2 * s, 3)], [(1, 2), (-2 * s, 1)],
                [(1, 3), (-2 * s, 1)],
            ]))
        #expect(layer.parameters.map(\.shape) == [[2, 2], [2, 2], [2]])
    }

    @Test("GraphSAGE (mean): mean_j x_j W_l + b + x_i W_r")
    func graphSAGE() {
        let layer = Self.layer(.graphSAGE, [Self.identity, Self.twiceIdentity, Tensor(zeros: [2])])
        let third = 1.0 / 3
        Self.expectClose(
            layer(Self.input, structure: Self.structure),
            Self.rows([
                [(1, 1), (2, 0)], [(third, 0), (third, 2), (third, 3), (2, 1)], [(1, 1), (2, 2)], [(1, 1), (2, 3)],
            ]))
    }

    @Test("ARMA (one stack, one layer): ReLU(D^-1/2 A D^-1/2 X W + X V + b), with an unused (out × out) weight")
    func arma() {
        let layer = Self.layer(
            .arma, [Self.identity, Self.twiceIdentity, Tensor(shape: [2], scalars: [-3, 0]), Tensor(zeros: [2, 2])])
        let s = 1 / 3.0.squareRoot()
        let linear = Self.rows([
            [(s, 1), (2, 0)], [(s, 0), (s, 2), (s, 3), (2, 1)], [(s, 1), (2, 2)], [(s, 1), (2, 3)],
        ])
        let bias = [-3.0, 0]
        Self.expectClose(
            layer(Self.input, structure: Self.structure),
            linear.enumerated().map { Swift.max(0, $1 + bias[$0 % 2]) })
        #expect(layer.parameters.map(\.shape) == [[2, 2], [2, 2], [2], [2, 2]])
    }

    @Test("k-GNN (GraphConv, add): Σ_j x_j W_rel + b + x_i W_root")
    func kGNN() {
        let layer = Self.layer(.kGNN, [Self.identity, Self.twiceIdentity, Tensor(zeros: [2])])
        Self.expectClose(
            layer(Self.input, structure: Self.structure),
            Self.rows([
                [(1, 1), (2, 0)], [(1, 0), (1, 2), (1, 3), (2, 1)], [(1, 1), (2, 2)], [(1, 1), (2, 3)],
            ]))
    }

    @Test("fully connected: X W + b, no message passing")
    func fullyConnected() {
        let layer = Self.layer(
            .fullyConnected, [Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), Tensor(shape: [2], scalars: [0.5, -1])])
        // [x0, x1] · [[1, 2], [3, 4]] + [0.5, -1]
        Self.expectClose(
            layer(Self.input, structure: Self.structure), [1.5, 1, 3.5, 3, 4.5, 5, 2.5, 3])
    }

    @Test("GAT, one head: the softmax over i's neighbours and itself of LeakyReLU_0.2(a_dst·Wx_i + a_src·Wx_j)")
    func attentionOneHead() {
        var rng = Xoshiro256(seed: 1)
        let layer = GraphAttentionLayer(inputSize: 2, outputSize: 2, headCount: 1, name: "gat", using: &rng)
        let values = [
            Self.identity, Tensor(shape: [1, 2], scalars: [-1, 0]), Tensor(shape: [1, 2], scalars: [0, 1]),
            Tensor(shape: [2], scalars: [0.5, 0]),
        ]
        for (parameter, value) in zip(layer.parameters, values) { parameter.value = value }
        // e_ij = LeakyReLU(x_i[1] − x_j[0]) over j in {i} ∪ N(i).
        let neighbourhoods = [[0, 1], [0, 1, 2, 3], [1, 2], [1, 3]]
        var expected: [Double] = []
        for (node, neighbours) in neighbourhoods.enumerated() {
            let scores = neighbours.map { source -> Double in
                let raw = Self.x[node][1] - Self.x[source][0]
                return raw > 0 ? raw : 0.2 * raw
            }
            let weights = scores.map { Foundation.exp($0) }
            let total = weights.reduce(0, +)
            let biases: [Double] = [0.5, 0]
            for column in 0..<2 {
                var sum = biases[column]
                for (weight, source) in zip(weights, neighbours) { sum += weight / total * Self.x[source][column] }
                expected.append(sum)
            }
        }
        Self.expectClose(layer(Self.input, structure: Self.structure), expected)
    }

    @Test("GAT, two heads: each head attends on its own channels and the heads are concatenated")
    func attentionTwoHeads() {
        var rng = Xoshiro256(seed: 1)
        let layer = GraphAttentionLayer(inputSize: 2, outputSize: 4, headCount: 2, name: "gat", using: &rng)
        // W = [I | I]: both heads see X; head 0 has no attention parameters (a mean over i and its neighbours),
        // head 1 scores x_j[0] as a source, which puts nearly all weight on the largest x_j[0].
        let values = [
            Tensor(shape: [2, 4], scalars: [1, 0, 1, 0, 0, 1, 0, 1]),
            Tensor(shape: [2, 2], scalars: [0, 0, 40, 0]), Tensor(zeros: [2, 2]), Tensor(zeros: [4]),
        ]
        for (parameter, value) in zip(layer.parameters, values) { parameter.value = value }
        let output = layer(Self.input, structure: Self.structure).value.scalars.map(Double.init)
        let mean = Self.rows([
            [(0.5, 0), (0.5, 1)], [(0.25, 0), (0.25, 1), (0.25, 2), (0.25, 3)], [(0.5, 1), (0.5, 2)],
            [(0.5, 1), (0.5, 3)],
        ])
        let argmax = [Self.x[0], Self.x[3], Self.x[2], Self.x[3]]  // the neighbour (or self) with the largest x[0]
        for node in 0..<4 {
            let row = Array(output[(4 * node)..<(4 * node + 4)])
            let wanted: [Double] = [mean[2 * node], mean[2 * node + 1], argmax[node][0], argmax[node][1]]
            let error = zip(row, wanted).map { Swift.abs($0 - $1) }.max() ?? 0
            #expect(error < 1e-4, "node \(node): \(row) vs \(wanted)")
        }
        #expect(layer.parameters.reduce(0) { $0 + $1.value.count } == 2 * 4 + 3 * 4)  // in·out + 3·out
    }

    @Test("sparse input features give the same output as the same features dense")
    func sparseInput() {
        let pattern = SparsityPattern(rows: 4, columns: 2, edges: [(0, 0), (1, 1), (2, 0), (2, 1), (3, 0)])
        let sparse = NodeFeatures.sparse(pattern, values: Variable(Tensor(shape: [5], scalars: [1, 1, 1, 1, 2])))
        for operation in GraphOperation.allCases where ![.graphAttention, .skip].contains(operation) {
            var rng = Xoshiro256(seed: 3)
            let layer = GraphConvolutionLayer(operation, inputSize: 2, outputSize: 3, name: "op", using: &rng)
            let fromSparse = layer(sparse, structure: Self.structure).value.scalars
            let fromDense = layer(Self.input, structure: Self.structure).value.scalars
            for (a, b) in zip(fromSparse, fromDense) { #expect(Swift.abs(a - b) < 1e-5, "\(operation.name)") }
        }
    }

    @Test("every layer passes the gradient check with respect to its input features")
    func layerGradients() {
        let features = TestTensors.normal([4, 3], seed: 11)
        for operation in GraphOperation.allCases where operation != .skip {
            var rng = Xoshiro256(seed: 5)
            let layer: GraphLayer = operation == .graphAttention
                ? GraphAttentionLayer(inputSize: 3, outputSize: 4, headCount: 2, name: "gat", using: &rng)
                : GraphConvolutionLayer(operation, inputSize: 3, outputSize: 4, name: operation.name, using: &rng)
            let reports = GradientCheck().run([features]) { layer(.dense($0[0]), structure: Self.structure) }
            for report in reports { #expect(report.passed, "\(operation.name): \(report)") }
        }
    }

    @Test("edgeScores lays target[i] + source[j] on the entries and passes the gradient check")
    func edgeScoresOp() {
        let pattern = Self.structure.selfLooped
        let target = Tensor(shape: [4], scalars: [1, 2, 3, 4])
        let source = Tensor(shape: [4], scalars: [10, 20, 30, 40])
        let scores = edgeScores(pattern, target: Variable(target), source: Variable(source))
        #expect(scores.value.scalars == pattern.edges.map { target.scalars[$0.row] + source.scalars[$0.column] })
        let reports = GradientCheck().run([TestTensors.normal([4], seed: 12), TestTensors.normal([4], seed: 13)]) {
            edgeScores(pattern, target: $0[0], source: $0[1])
        }
        #expect(reports.count == 2)
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test("leakyReLU keeps positives, scales negatives by the slope, and passes the gradient check")
    func leakyReLUOp() {
        let x = Variable(Tensor(shape: [4], scalars: [-2, -0.5, 0.5, 3]))
        #expect(leakyReLU(x, negativeSlope: 0.2).value.scalars == [-0.4, -0.1, 0.5, 3])
        let reports = GradientCheck().run([TestTensors.normal([3, 5], seed: 14, margin: 0.05)]) {
            leakyReLU($0[0], negativeSlope: 0.2)
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }
}
