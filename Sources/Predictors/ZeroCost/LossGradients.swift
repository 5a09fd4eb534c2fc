import Layers
import Tensors

/// ∂L/∂θ for the scored weights, L the mean cross-entropy of one batch through the network in training mode
/// (batch statistics in batch norm, as the reference code's `net.train()` copy): the pass that ``SNIP``,
/// ``GradientNorm`` and ``Plain`` share.
///
/// Batch-norm running statistics change during the pass; callers restore them (``ParameterSnapshot``).
struct LossGradients {
    /// The scored weights (``ZeroCostWeights``), in network order.
    let weights: [Parameter]
    /// ∂L/∂θ of each weight, zeros where L does not depend on it.
    let gradients: [Tensor]

    /// One forward and one backward pass on `batch`.
    ///
    /// - Complexity: one training step's forward and backward pass.
    init(network: some Layer, batch: ZeroCostBatch) {
        weights = ZeroCostWeights.of(network)
        let tape = Tape()
        let logits = network(tape.constant(batch.images), mode: .training(seed: 0))
        let loss = crossEntropy(logits: logits, labels: batch.labels)
        let result = tape.gradients(of: loss)
        gradients = weights.map { result[$0] ?? Tensor(zeros: $0.shape) }
    }
}
