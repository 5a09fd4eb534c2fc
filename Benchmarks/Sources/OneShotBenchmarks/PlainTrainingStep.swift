import Datasets
import Layers
import Tensors
import Training

/// The reference of the step times: one plain training step of a stand-alone network (forward, cross entropy,
/// backward, SGD with the supernet weights' momentum and weight decay), without the non-finite checks and
/// clipping that the search steps add.
struct PlainTrainingStep {
    /// The weights' optimizer (``OneShot/SupernetWeightTraining``'s defaults: momentum 0.9, weight decay 3·10⁻⁴).
    var optimizer = SGD(momentum: 0.9, weightDecay: 3e-4)
    /// The step counter, the seed of the training-mode forward pass.
    var step = 0

    /// One step of `network` on `batch` at learning rate `learningRate`.
    mutating func run(_ network: some Layer, on batch: Batch, learningRate: Float) {
        let tape = Tape()
        let logits = network(tape.constant(batch.images), mode: .training(seed: UInt64(step)))
        let loss = crossEntropy(logits: logits, labels: batch.labels)
        let parameters = network.trainableParameters
        optimizer.update(
            parameters, gradients: ParameterGradients(tape.gradients(of: loss), of: parameters),
            learningRate: learningRate)
        step += 1
    }
}
