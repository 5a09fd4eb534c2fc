#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Seeding

/// Trains the GCN by minibatch Adam on a ``GCNWorkspace``, as NASLib's `GCNPredictor.fit` does.
///
/// Per epoch e (0-based): the learning rate is η₀ (1 + cos(π e / epochs)) / 2 (PyTorch's `CosineAnnealingLR`
/// with η_min = 0, stepped once per epoch, in closed form); the rows are shuffled (Fisher-Yates from the
/// generator) and cut into batches of `batchSize`, the last incomplete batch dropped (`drop_last=True`). Per
/// batch: draw the dropout masks, forward, the mean-squared-error gradient dL/doᵢ = 2 (oᵢ − tᵢ) / rows,
/// backward, one Adam update with the L2 penalty added to the gradient (PyTorch's `Adam(weight_decay=)`).
struct GCNTraining {
    /// Adam's β₁, β₂ and ε: PyTorch's defaults, which NASLib's `optim.Adam(lr=, weight_decay=)` keeps.
    static let beta1: Float = 0.9
    static let beta2: Float = 0.999
    static let epsilon: Float = 1e-8

    let graphs: GCNGraphs
    /// The targets in standard units, one per graph.
    let targets: [Float]
    let epochs: Int
    let batchSize: Int
    let learningRate: Double
    let weightDecay: Float
    let dropout: Float

    /// The learning rate of epoch `epoch`.
    func learningRate(atEpoch epoch: Int) -> Float {
        Float(learningRate * (1 + cos(Double.pi * Double(epoch) / Double(epochs))) / 2)
    }

    /// Trains from `parameters` and returns the trained parameters.
    ///
    /// - Parameters:
    ///   - workspace: Buffers for `batchSize` graphs of this layout.
    ///   - rng: Draws one shuffle per epoch and the dropout masks of every step.
    /// - Precondition: at least `batchSize` graphs.
    /// - Complexity: O(epochs · graphs · cost of one graph's forward and backward pass).
    func train(
        from parameters: [Float], workspace: GCNWorkspace, using rng: inout some RandomNumberGenerator
    ) -> [Float] {
        precondition(graphs.graphCount >= batchSize, "GCNTraining: fewer graphs than one batch")
        precondition(workspace.capacity >= batchSize, "GCNTraining: the workspace holds fewer graphs than a batch")
        var parameters = parameters
        var firstMoment = [Float](repeating: 0, count: parameters.count)
        var secondMoment = [Float](repeating: 0, count: parameters.count)
        var step = 0
        var order = Array(0..<graphs.graphCount)
        for epoch in 0..<epochs {
            let rate = learningRate(atEpoch: epoch)
            order.seededShuffle(using: &rng)
            for start in stride(from: 0, through: order.count - batchSize, by: batchSize) {
                let rows = order[start..<(start + batchSize)]
                workspace.load(graphs, indices: rows)
                workspace.drawDropoutMasks(count: batchSize, probability: dropout, using: &rng)
                parameters.withUnsafeBufferPointer { weights in
                    workspace.forward(parameters: weights.baseAddress!, count: batchSize, training: true)
                    let scale = 2 / Float(batchSize)
                    for (position, row) in rows.enumerated() {
                        workspace.outputGradient[position] = scale * (workspace.output[position] - targets[row])
                    }
                    workspace.backward(parameters: weights.baseAddress!, count: batchSize, training: true)
                }
                step += 1
                FusedAdamStep.apply(
                    &parameters, gradient: workspace.parameterGradient, firstMoment: &firstMoment,
                    secondMoment: &secondMoment, step: step, learningRate: rate, beta1: Self.beta1,
                    beta2: Self.beta2, epsilon: Self.epsilon, weightDecay: weightDecay)
            }
        }
        return parameters
    }
}
