import Datasets
import NASCore
import Layers
import Tensors
import Training

/// Ranks architectures by the accuracy their single paths reach with the supernet's shared weights (random weight
/// sharing's and ENAS's final choice; the shared-weight accuracy `nasrun proxyless` reports).
public enum SharedWeightRanking {
    /// The shared-weight accuracy of `architecture` on `batches`, without a tape, every batch norm normalising
    /// with the batch's statistics (training mode): running statistics accumulated under other paths would not
    /// describe this path's activations, so supernet evaluations use batch statistics, as single-path methods
    /// do (the running statistics move, which no training-mode pass reads).
    public static func accuracy<Net: Supernet>(
        of architecture: Net.Space.Architecture, in supernet: Net, on batches: [Batch]
    ) -> Double {
        let selections = supernet.selections(for: architecture)
        var correct = 0
        var count = 0
        for batch in batches {
            let logits = supernet(Variable(batch.images), selections: selections, mode: .training(seed: 0))
            correct += TrainingStep.correctCount(logits: logits.value, labels: batch.labels)
            count += batch.count
        }
        return count == 0 ? 0 : Double(correct) / Double(count)
    }

    /// The most accurate of `architectures` (the first on ties), or nil when there are none.
    public static func best<Net: Supernet>(
        of architectures: [Net.Space.Architecture], in supernet: Net, on batches: [Batch]
    ) -> Net.Space.Architecture? {
        guard var best = architectures.first else { return nil }
        var bestAccuracy = -1.0
        for architecture in architectures {
            let accuracy = accuracy(of: architecture, in: supernet, on: batches)
            if accuracy > bestAccuracy { (best, bestAccuracy) = (architecture, accuracy) }
        }
        return best
    }
}
