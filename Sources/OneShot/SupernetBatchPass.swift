import Datasets
import Layers
import Tensors
import Training

/// One forward pass of a supernet on a batch, on a tape, with the cross-entropy loss.
struct SupernetBatchPass {
    /// The batch's mean cross entropy, recorded on the tape.
    let loss: Variable
    /// How many examples the supernet classified correctly.
    let correctCount: Int
    /// The number of examples.
    let batchSize: Int

    /// Runs `supernet` on `batch` with the selections `selections` builds from the same tape (so architecture
    /// weights built from tape leaves receive gradients).
    init<Net: Supernet>(
        _ supernet: Net, on batch: Batch, tape: Tape, seed: UInt64,
        selections: (Tape) -> [[EdgeSelection]]
    ) {
        let logits = supernet(tape.constant(batch.images), selections: selections(tape), mode: .training(seed: seed))
        loss = crossEntropy(logits: logits, labels: batch.labels)
        correctCount = TrainingStep.correctCount(logits: logits.value, labels: batch.labels)
        batchSize = batch.count
    }
}
