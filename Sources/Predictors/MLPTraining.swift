#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Seeding

/// Trains one meta network by minibatch Adam on a ``MLPWorkspace``: the fast path every fit uses.
///
/// Per epoch the rows are shuffled (Fisher-Yates from the member's generator) and cut into batches of
/// `batchSize` (the last may be smaller, as Keras's and PyTorch's loaders do); per batch: forward, the loss
/// gradient d/dpᵢ = wᵢ sign(pᵢ − tᵢ) / rows, backward, one Adam update of the whole parameter vector.
///
/// It computes what the engine's tape computes for the same network (``MLPTapeTraining``, checked against it and
/// against finite differences in the tests) without the tape's per-op allocations, which for layers of width 20
/// cost more than the arithmetic.
struct MLPTraining {
    /// Adam's β₁ and β₂: the paper's code (`keras.optimizers.Adam(lr, beta_1=.9, beta_2=.99)`) and NASLib.
    static let beta1: Float = 0.9
    static let beta2: Float = 0.99
    /// Adam's ε: the engine's (PyTorch's) 1e-8; Keras's is 1e-7.
    static let epsilon: Float = 1e-8

    let layout: MLPLayout
    /// The training encodings, (rows, inputSize) row-major.
    let inputs: [Float]
    let targets: MLPTrainingTargets
    let epochs: Int
    let batchSize: Int
    let learningRate: Float

    /// The number of training rows.
    var rowCount: Int { targets.standardized.count }

    /// Trains from `parameters` and returns the trained parameters.
    ///
    /// - Parameters:
    ///   - parameters: The initial parameter vector (``MLPLayout/initialParameters(using:)``).
    ///   - workspace: Buffers for `min(batchSize, rows)` rows of this layout.
    ///   - rng: The member's generator; draws one shuffle per epoch.
    /// - Complexity: O(epochs · rows · parameters).
    func train(
        from parameters: [Float], workspace: MLPWorkspace, using rng: inout some RandomNumberGenerator
    ) -> [Float] {
        precondition(workspace.layout == layout, "MLPTraining: the workspace is for another layout")
        var parameters = parameters
        var firstMoment = [Float](repeating: 0, count: parameters.count)
        var secondMoment = [Float](repeating: 0, count: parameters.count)
        var step = 0
        var order = Array(0..<rowCount)
        let batch = min(batchSize, rowCount)
        precondition(workspace.capacity >= batch, "MLPTraining: the workspace holds fewer rows than a batch")
        for _ in 0..<epochs {
            order.seededShuffle(using: &rng)
            for start in stride(from: 0, to: rowCount, by: batch) {
                let rows = order[start..<min(start + batch, rowCount)]
                parameters.withUnsafeMutableBufferPointer { weights in
                    gradient(of: rows, parameters: UnsafePointer(weights.baseAddress!), workspace: workspace)
                }
                step += 1
                FusedAdamStep.apply(
                    &parameters, gradient: workspace.parameterGradient, firstMoment: &firstMoment,
                    secondMoment: &secondMoment, step: step, learningRate: learningRate, beta1: Self.beta1,
                    beta2: Self.beta2, epsilon: Self.epsilon)
            }
        }
        return parameters
    }

    /// Leaves d loss / d parameters of the batch `rows` in `workspace.parameterGradient`.
    func gradient(of rows: ArraySlice<Int>, parameters: UnsafePointer<Float>, workspace: MLPWorkspace) {
        let columns = layout.inputSize
        let input = workspace.activations[0]
        inputs.withUnsafeBufferPointer { source in
            for (position, row) in rows.enumerated() {
                (input + position * columns).update(from: source.baseAddress! + row * columns, count: columns)
            }
        }
        workspace.forward(parameters: parameters, rows: rows.count)
        let output = workspace.output
        let scale = 1 / Float(rows.count)
        for (position, row) in rows.enumerated() {
            let difference = output[position] - targets.standardized[row]
            let sign: Float = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
            workspace.outputGradient[position] = sign * targets.weights[row] * scale
        }
        workspace.backward(parameters: parameters, rows: rows.count)
    }
}
