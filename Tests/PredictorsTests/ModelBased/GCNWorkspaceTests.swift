import Foundation
import NASRunner  // the spaces' cell graphs (CellGraphs/)
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

@testable import Predictors

@Suite("GCNWorkspace")
struct GCNWorkspaceTests {
    /// The fused network as one tape op from its parameter vector (P) to its outputs (graphs), its pullback the
    /// workspace's backward pass, with the dropout masks drawn once from `maskSeed` and reused by every
    /// evaluation (so the finite differences see the same network). A fresh workspace per call keeps the
    /// evaluations independent.
    static func fusedNetwork(_ layout: GCNLayout, graphs: GCNGraphs, training: Bool) -> ([Variable]) -> Variable {
        { variables in
            let parameters = variables[0]
            let workspace = GCNWorkspace(layout: layout, nodeCount: graphs.nodeCount, capacity: graphs.graphCount)
            workspace.load(graphs, indices: 0..<graphs.graphCount)
            var masks = Xoshiro256(seed: 11)
            workspace.drawDropoutMasks(count: graphs.graphCount, probability: 0.3, using: &masks)
            let values = parameters.value.scalars
            values.withUnsafeBufferPointer {
                workspace.forward(parameters: $0.baseAddress!, count: graphs.graphCount, training: training)
            }
            let count = graphs.graphCount
            let output = Tensor(
                shape: [count], scalars: Array(UnsafeBufferPointer(start: workspace.output, count: count)))
            return Variable.recorded(output, from: [parameters]) { upstream in
                workspace.outputGradient.update(from: upstream.scalars, count: count)
                values.withUnsafeBufferPointer {
                    workspace.backward(parameters: $0.baseAddress!, count: count, training: training)
                }
                let gradient = UnsafeBufferPointer(start: workspace.parameterGradient, count: layout.parameterCount)
                return [Tensor(shape: [layout.parameterCount], scalars: Array(gradient))]
            }
        }
    }

    @Test("the fused forward/backward passes the finite-difference gradient check, with and without dropout")
    func gradientCheck() throws {
        // Two layers of width 5 and a head of width 4 on three real NB201 graphs (7 labels, 8 nodes): 229
        // parameters, small enough to difference each. Parameters are normal with standard deviation 0.7; the
        // seeds keep every pre-activation farther than the step from relu's kink (the check would name the
        // element otherwise).
        let space = NB201Space()
        let cells = [1_234, 7_777, 15_000].map { space.architecture(at: $0) }
        let graphs = GCNGraphs(cells.map(space.cellGraph(of:)), nodeCount: 8, featureCount: 7)
        let layout = GCNLayout(featureCount: 7, graphWidth: 5, graphLayers: 2, linearWidth: 4)
        var rng = Xoshiro256(seed: 3)
        let parameters = Tensor(
            shape: [layout.parameterCount],
            scalars: (0..<layout.parameterCount).map { _ in rng.normalFloat(standardDeviation: 0.7) })
        for training in [false, true] {
            let reports = GradientCheck(step: 1e-3).run(
                [parameters], function: Self.fusedNetwork(layout, graphs: graphs, training: training))
            #expect(reports.count == 1)
            for report in reports { #expect(report.passed, "training \(training): \(report)") }
        }
    }

    @Test("evaluation is the mean of dropout over masks: training outputs differ, evaluation ignores the masks")
    func dropoutOnlyWhenTraining() throws {
        let space = NB201Space()
        let graphs = GCNGraphs([space.cellGraph(of: space.architecture(at: 42))], nodeCount: 8, featureCount: 7)
        let layout = GCNLayout(featureCount: 7, graphWidth: 6, graphLayers: 2, linearWidth: 5)
        var initialization = Xoshiro256(seed: 2)
        let parameters = layout.initialParameters(using: &initialization)
        func output(training: Bool, maskSeed: UInt64) -> Float {
            let workspace = GCNWorkspace(layout: layout, nodeCount: 8, capacity: 1)
            workspace.load(graphs, indices: [0])
            var masks = Xoshiro256(seed: maskSeed)
            workspace.drawDropoutMasks(count: 1, probability: 0.5, using: &masks)
            parameters.withUnsafeBufferPointer {
                workspace.forward(parameters: $0.baseAddress!, count: 1, training: training)
            }
            return workspace.output[0]
        }
        #expect(output(training: false, maskSeed: 1) == output(training: false, maskSeed: 2))
        #expect(output(training: true, maskSeed: 1) != output(training: true, maskSeed: 2))
        #expect(output(training: true, maskSeed: 1) == output(training: true, maskSeed: 1))
    }

    @Test("evaluation matches a NumPy transcription of NASLib's forward pass on two NB201 cells")
    func matchesReferenceForward() throws {
        // The reference: NASLib's `NeuralPredictorModel.forward` in eval mode written out in NumPy float32 from its
        // definition (rownorm(A + I); per layer relu(rownorm(Â) X W₁) and relu(rownorm(Âᵀ) X W₂) averaged; node
        // mean; fc2(fc1 g)), with 2 layers of width 6, a head of width 5 and parameter i = 0.3 sin(i + 1) in this
        // layout's order. Its outputs: -0.018777428194880486 and -0.017704516649246216.
        let space = NB201Space()
        let cells = try [
            "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|",
            "|avg_pool_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|skip_connect~0|none~1|nor_conv_1x1~2|",
        ].map { try space.parse($0) }
        let cellGraphs = cells.map(space.cellGraph(of:))
        #expect(cellGraphs.map(\.labels) == [[0, 3, 2, 5, 1, 4, 3, 6], [0, 5, 4, 1, 3, 2, 4, 6]])
        let layout = GCNLayout(featureCount: 7, graphWidth: 6, graphLayers: 2, linearWidth: 5)
        let parameters = (0..<layout.parameterCount).map { Float(0.3 * sin(Double($0 + 1))) }
        let workspace = GCNWorkspace(layout: layout, nodeCount: 8, capacity: 2)
        workspace.load(GCNGraphs(cellGraphs, nodeCount: 8, featureCount: 7), indices: 0..<2)
        parameters.withUnsafeBufferPointer { workspace.forward(parameters: $0.baseAddress!, count: 2, training: false) }
        let expected = [-0.018777428194880486, -0.017704516649246216]
        for graph in 0..<2 { #expect(abs(Double(workspace.output[graph]) - expected[graph]) < 1e-7, "graph \(graph)") }
    }

    @Test("NASLib's NB201 network has 144,992 parameters, laid out layer by layer, then fc1 and fc2")
    func parameterLayout() {
        let layout = GCNLayout(featureCount: 7, graphWidth: 144, graphLayers: 4, linearWidth: 128)
        // 2 · 7 · 144 + 3 · 2 · 144 · 144 + 128 · 144 + 128.
        #expect(layout.parameterCount == 144_992)
        #expect(layout.backwardWeightOffset(of: 0) == 1_008 && layout.forwardWeightOffset(of: 1) == 2_016)
        #expect(layout.firstLinearOffset == 126_432 && layout.secondLinearOffset == 144_864)
        var rng = Xoshiro256(seed: 1)
        let parameters = layout.initialParameters(using: &rng)
        #expect(parameters.count == 144_992)
        // Xavier bound of layer 0: √(6 / (7 + 144)) ≈ 0.199; fc2's PyTorch bound: 1/√128 ≈ 0.088.
        let firstWeight = parameters[0..<1_008]
        #expect(firstWeight.allSatisfy { abs($0) <= 0.2 } && firstWeight.contains { abs($0) > 0.18 })
        #expect(parameters[144_864...].allSatisfy { abs($0) <= 0.0884 })
    }

    @Test("the learning rate anneals by a cosine per epoch from η₀ to near 0 (CosineAnnealingLR, T_max = epochs)")
    func cosineSchedule() {
        let graphs = GCNGraphs([], nodeCount: 8, featureCount: 7)
        let training = GCNTraining(
            graphs: graphs, targets: [], epochs: 4, batchSize: 1, learningRate: 1e-4, weightDecay: 0, dropout: 0)
        let rates = (0..<4).map { Double(training.learningRate(atEpoch: $0)) }
        let expected = [1e-4, 1e-4 * (1 + 0.5.squareRoot()) / 2, 0.5e-4, 1e-4 * (1 - 0.5.squareRoot()) / 2]
        for (rate, value) in zip(rates, expected) { #expect(abs(rate - value) < 1e-11) }
    }
}
