import Datasets
import Layers
import Tensors

/// Loss and accuracy of a classifier on a dataset.
public struct ClassifierEvaluation: Codable, Hashable, Sendable {
    /// Mean cross entropy (without label smoothing).
    public var loss: Double
    /// Fraction of examples whose arg-max logit is the label.
    public var accuracy: Double
    /// The number of examples.
    public var count: Int

    /// Evaluates `model` in evaluation mode (running statistics, no dropout), without recording a tape.
    ///
    /// - Complexity: one forward pass over the dataset, in batches of `batchSize`.
    public init(model: some Layer, dataset: ImageDataset, batchSize: Int = 256) {
        let batches = Batches(dataset: dataset, batchSize: batchSize, seed: 0, epoch: 0, shuffle: false)
        var totalLoss = 0.0
        var correct = 0
        for batch in batches {
            let logits = model(Variable(batch.images), mode: .evaluation)
            let loss = crossEntropy(logits: logits, labels: batch.labels).value.scalar
            totalLoss += Double(loss) * Double(batch.count)
            correct += TrainingStep.correctCount(logits: logits.value, labels: batch.labels)
        }
        count = dataset.count
        loss = count > 0 ? totalLoss / Double(count) : .nan
        accuracy = count > 0 ? Double(correct) / Double(count) : .nan
    }
}
