import Datasets
import Layers
import Tensors
import Training

/// How a one-shot search trains the supernet's weights: SGD with momentum and weight decay, the gradient norm
/// clipped. The defaults are DARTS's search (`train_search.py`: momentum 0.9, weight decay 3·10⁻⁴, clip 5);
/// NAS-Bench-201's one-shot runs (xautodl `configs/nas-benchmark/algos/*.config`) use weight decay 5·10⁻⁴ with
/// Nesterov momentum. The learning rate follows the search's cosine schedule and is passed per step.
public struct SupernetWeightTraining: Codable, Hashable, Sendable {
    /// The weights' optimizer, with its momentum buffers.
    public var optimizer: SGD
    /// The largest joint gradient norm.
    public var maximumGradientNorm: Float

    /// DARTS's settings unless given.
    public init(
        momentum: Float = 0.9, weightDecay: Float = 3e-4, nesterov: Bool = false, maximumGradientNorm: Float = 5
    ) {
        optimizer = SGD(momentum: momentum, nesterov: nesterov, weightDecay: weightDecay)
        self.maximumGradientNorm = maximumGradientNorm
    }

    /// One step on `batch`: forward under `selections`, backward, non-finite check, clipping, SGD.
    ///
    /// - Throws: ``SupernetError`` naming the step when the loss or a gradient is not finite.
    mutating func step<Net: Supernet>(
        _ supernet: Net, on batch: Batch, learningRate: Float, seed: UInt64, step: Int,
        selections: (Tape) -> [[EdgeSelection]]
    ) throws(SupernetError) -> SupernetBatchPass {
        let tape = Tape()
        let pass = SupernetBatchPass(supernet, on: batch, tape: tape, seed: seed, selections: selections)
        guard pass.loss.value.scalar.isFinite else {
            throw SupernetError(
                "one-shot search: the training loss became \(pass.loss.value.scalar) at step \(step); lower the weights' learning rate")
        }
        let weights = supernet.parameters.filter(\.isTrainable)
        let gradients = ParameterGradients(tape.gradients(of: pass.loss), of: weights)
        guard gradients.norm.isFinite else {
            throw SupernetError("one-shot search: a weight gradient became non-finite at step \(step)")
        }
        optimizer.update(
            weights, gradients: clipGradientNorm(gradients, maxNorm: maximumGradientNorm).gradients,
            learningRate: learningRate)
        return pass
    }
}
