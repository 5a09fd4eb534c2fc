import Datasets
import Tensors

/// The images of a benchmark: consecutive CIFAR-10 images resized by area averaging and normalised by their own
/// channel statistics (as the one-shot tests prepare them), split in a training half (the weights' steps) and a
/// validation half (the architecture's steps), `stepsPerRound` batches each.
struct BenchmarkBatches {
    /// The weights' split.
    let training: ImageDataset
    /// The architecture's split.
    let validation: ImageDataset
    /// The examples per batch.
    let batchSize: Int

    /// The first `2 · batchSize · steps` images of `dataset` at `side` x `side`.
    init(_ dataset: ImageDataset, batchSize: Int, steps: Int, side: Int) {
        let count = batchSize * steps
        precondition(2 * count <= dataset.count, "BenchmarkBatches: \(2 * count) images needed, the file holds \(dataset.count)")
        var images = dataset.subset(Array(0..<(2 * count)))
        if images.imageShape != [3, side, side] { images = images.resized(height: side, width: side) }
        images = images.normalized(by: ChannelStatistics(of: images))
        training = images.subset(Array(0..<count))
        validation = images.subset(Array(count..<(2 * count)))
        self.batchSize = batchSize
    }

    /// The first training batch (the reference step's and the memory measurements' batch).
    var firstTrainingBatch: Batch { Self.batch(training, 0..<batchSize) }

    /// The first validation batch (the architecture steps' batch in the memory measurements).
    var firstValidationBatch: Batch { Self.batch(validation, 0..<batchSize) }

    static func batch(_ dataset: ImageDataset, _ range: Range<Int>) -> Batch {
        let part = dataset.subset(Array(range))
        return Batch(images: part.images, labels: part.labels, indices: Array(range))
    }
}
