import Seeding
import Tensors
import Testing
import _TestSupport

@testable import Predictors

@Suite("MLPTraining")
struct MLPTrainingTests {
    /// The fused network as one tape op: inputs (rows, inputSize) and the parameter vector (P) to the outputs
    /// (rows), its pullback the workspace's backward pass. A fresh workspace per call keeps the finite-difference
    /// evaluations independent of the analytic pass.
    static func fusedNetwork(_ layout: MLPLayout, rows: Int) -> ([Variable]) -> Variable {
        { variables in
            let (input, parameters) = (variables[0], variables[1])
            let workspace = MLPWorkspace(layout: layout, capacity: rows)
            workspace.activations[0].update(from: input.value.scalars, count: rows * layout.inputSize)
            let parameterValues = parameters.value.scalars
            parameterValues.withUnsafeBufferPointer { workspace.forward(parameters: $0.baseAddress!, rows: rows) }
            let output = Tensor(shape: [rows], scalars: Array(UnsafeBufferPointer(start: workspace.output, count: rows)))
            return Variable.recorded(output, from: [input, parameters]) { upstream in
                workspace.outputGradient.update(from: upstream.scalars, count: rows)
                var inputGradient = [Float](repeating: 0, count: rows * layout.inputSize)
                inputGradient.withUnsafeMutableBufferPointer { target in
                    parameterValues.withUnsafeBufferPointer {
                        workspace.backward(parameters: $0.baseAddress!, rows: rows, inputGradient: target.baseAddress!)
                    }
                }
                let parameterGradient = Array(
                    UnsafeBufferPointer(start: workspace.parameterGradient, count: layout.parameterCount))
                return [
                    Tensor(shape: [rows, layout.inputSize], scalars: inputGradient),
                    Tensor(shape: [layout.parameterCount], scalars: parameterGradient),
                ]
            }
        }
    }

    @Test("the fused forward/backward passes the finite-difference gradient check (inputs and every parameter)")
    func gradientCheck() {
        // 3 hidden layers of width 4 on 5 inputs, 6 rows: small enough to difference every element. Inputs and
        // parameters are normal; a pre-activation within h = 1e-2 of 0 would put relu's kink inside the
        // difference, which these seeds avoid (the check would name the element).
        let layout = MLPLayout(inputSize: 5, hiddenLayers: 3, width: 4)
        var rng = Xoshiro256(seed: 3)
        let parameters = Tensor(
            shape: [layout.parameterCount],
            scalars: (0..<layout.parameterCount).map { _ in rng.normalFloat(standardDeviation: 0.7) })
        let input = TestTensors.normal([6, 5], seed: 9)
        let reports = GradientCheck().run([input, parameters], function: Self.fusedNetwork(layout, rows: 6))
        for report in reports { #expect(report.passed, "\(report)") }
        #expect(reports.count == 2)
    }

    @Test("the fused trainer and the engine's tape (Linear, ReLU, Adam) train the same network")
    func fusedMatchesTape() {
        let layout = MLPLayout(inputSize: 7, hiddenLayers: 3, width: 6)
        var data = Xoshiro256(seed: 5)
        let rows = 21
        let inputs = (0..<(rows * 7)).map { _ in data.uniformInt(below: 2) == 0 ? Float(0) : 1 }
        let targets = (0..<rows).map { _ in 80 + 10 * data.uniformDouble() }
        for loss in MLPEnsembleLoss.allCases {
            let training = MLPTraining(
                layout: layout, inputs: inputs, targets: MLPTrainingTargets(targets, loss: loss, boundMargin: 0.2),
                epochs: 4, batchSize: 8, learningRate: 0.01)
            var initialization = Xoshiro256(seed: 8)
            let initial = layout.initialParameters(using: &initialization)
            var fusedShuffles = Xoshiro256(seed: 2)
            let fused = training.train(
                from: initial, workspace: MLPWorkspace(layout: layout, capacity: 8), using: &fusedShuffles)
            var tapeShuffles = Xoshiro256(seed: 2)
            let tape = training.trainOnTape(from: initial, using: &tapeShuffles)
            // 12 Adam steps moved the weights by up to 0.12; the two differ by rounding only (summation order).
            let largestMove = zip(fused, initial).map { abs($0 - $1) }.max() ?? 0
            let largestDifference = zip(fused, tape).map { abs($0 - $1) }.max() ?? 0
            #expect(largestMove > 0.05, "\(loss): training moved the weights by only \(largestMove)")
            #expect(largestDifference < 1e-4, "\(loss): fused and tape differ by \(largestDifference)")
            #expect(fusedShuffles == tapeShuffles)
        }
    }

    @Test("the loss weights: 1 for MAE; 1/(b − t) with b = max t + margin for MAPE, on standardized targets")
    func lossWeights() {
        let targets = [1.0, 2.0, 3.0, 6.0]  // mean 3, population standard deviation √3.5
        let mae = MLPTrainingTargets(targets, loss: .meanAbsoluteError, boundMargin: 0.2)
        #expect(mae.weights == [1, 1, 1, 1])
        #expect(mae.mean == 3)
        #expect(abs(mae.scale - 3.5.squareRoot()) < 1e-12)
        let mape = MLPTrainingTargets(targets, loss: .meanAbsolutePercentageError, boundMargin: 0.2)
        let bound = 3 / 3.5.squareRoot() + 0.2
        for (weight, target) in zip(mape.weights, targets) {
            #expect(abs(Double(weight) - 1 / (bound - (target - 3) / 3.5.squareRoot())) < 1e-6)
        }
        #expect(abs(mape.weights[3] - 5) < 1e-5)  // the best target weighs 1/margin
        let constant = MLPTrainingTargets([4, 4, 4], loss: .meanAbsoluteError, boundMargin: 0.2)
        #expect(constant.scale == 1 && constant.standardized == [0, 0, 0])
    }

    @Test("the layout: Keras's Glorot-uniform weights and zero biases, parameters in layer order")
    func layout() {
        let layout = MLPLayout(inputSize: 84, hiddenLayers: 10, width: 20)
        #expect(layout.parameterCount == 84 * 20 + 20 + 9 * (20 * 20 + 20) + 20 + 1)  // 5,501
        #expect(layout.weightOffset(of: 1) == 84 * 20 + 20)
        #expect(layout.biasOffset(of: 10) == layout.parameterCount - 1)
        var rng = Xoshiro256(seed: 1)
        let parameters = layout.initialParameters(using: &rng)
        #expect(parameters.count == layout.parameterCount)
        let firstBound = Float((6.0 / 104).squareRoot())
        #expect(parameters[0..<(84 * 20)].allSatisfy { abs($0) <= firstBound })
        #expect(parameters[0..<(84 * 20)].contains { abs($0) > firstBound * 0.9 })
        #expect(parameters[(84 * 20)..<(84 * 20 + 20)].allSatisfy { $0 == 0 })
    }
}
