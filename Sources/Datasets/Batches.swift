import Seeding
import Tensors

/// The mini-batches of one epoch over a dataset, in a seeded order, with seeded augmentation.
///
/// Everything random is derived from `seed` and `epoch` alone, so any epoch, and any batch within it, can be
/// regenerated on resume without replaying earlier ones:
/// - the order is `0..<count` shuffled (Fisher-Yates, ``Seeding``'s `seededShuffle`) by
///   `Xoshiro256(seed: StableHash.derive(seed: seed, "batches/order/epoch <epoch>"))`;
/// - batch `b` is augmented with `Xoshiro256(seed: StableHash.derive(seed: seed,
///   "batches/augmentation/epoch <epoch>/batch <b>"))`.
///
/// It is a random-access collection: `batches[b]` assembles batch `b` on each access (a contiguous copy per
/// image, then augmentation in place), so iterate it once per epoch rather than subscripting repeatedly.
public struct Batches: RandomAccessCollection, Sendable {
    /// The dataset the batches are drawn from.
    public let dataset: ImageDataset
    /// Examples per batch (the last batch may be smaller unless `dropLast`).
    public let batchSize: Int
    /// The seed of the order and of augmentation.
    public let seed: UInt64
    /// The epoch, which selects the order and augmentation streams.
    public let epoch: Int
    /// Whether a final batch smaller than `batchSize` is left out.
    public let dropLast: Bool
    /// What is done to each batch's images.
    public let augmentation: Augmentation
    /// The dataset positions in the order this epoch visits them.
    public let order: [Int]

    /// The batches of epoch `epoch`.
    ///
    /// - Parameters:
    ///   - dataset: The examples.
    ///   - batchSize: Examples per batch, positive.
    ///   - seed: Seeds the order and the augmentation.
    ///   - epoch: Selects this epoch's order and augmentation.
    ///   - shuffle: Whether to shuffle (default); otherwise the dataset's order.
    ///   - dropLast: Whether to leave out a final, smaller batch (default false).
    ///   - augmentation: Applied to every batch (default none).
    /// - Complexity: O(N) to draw the order.
    public init(
        dataset: ImageDataset, batchSize: Int, seed: UInt64, epoch: Int, shuffle: Bool = true, dropLast: Bool = false,
        augmentation: Augmentation = .none
    ) {
        enforce(batchSize > 0, "Batches: batch size must be positive, got \(batchSize)")
        enforce(epoch >= 0, "Batches: epoch must be non-negative, got \(epoch)")
        self.dataset = dataset
        self.batchSize = batchSize
        self.seed = seed
        self.epoch = epoch
        self.dropLast = dropLast
        self.augmentation = augmentation
        var order = Array(0..<dataset.count)
        if shuffle {
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "batches/order/epoch \(epoch)"))
            order.seededShuffle(using: &generator)
        }
        self.order = order
    }

    public var startIndex: Int { 0 }

    /// The number of batches: `count / batchSize`, rounded up unless `dropLast`.
    public var endIndex: Int {
        dropLast ? dataset.count / batchSize : (dataset.count + batchSize - 1) / batchSize
    }

    /// Batch `position` of this epoch.
    ///
    /// - Complexity: O(B C H W).
    public subscript(position: Int) -> Batch {
        enforce(position >= 0 && position < endIndex, "Batches: batch \(position) is outside 0..<\(endIndex)")
        let members = Array(order[position * batchSize..<Swift.min(order.count, (position + 1) * batchSize)])
        let imageShape = dataset.imageShape
        let imageSize = imageShape.reduce(1, *)
        let scalars = [Float](unsafeUninitializedCapacity: members.count * imageSize) { target, initialized in
            dataset.images.scalars.withUnsafeBufferPointer { source in
                for (slot, index) in members.enumerated() {
                    _ = UnsafeMutableBufferPointer(rebasing: target[slot * imageSize..<(slot + 1) * imageSize])
                        .initialize(fromContentsOf: source[index * imageSize..<(index + 1) * imageSize])
                }
            }
            initialized = members.count * imageSize
        }
        var images = Tensor(shape: [members.count] + imageShape, scalars: scalars)  // (B, C, H, W)
        if !augmentation.isIdentity {
            var generator = Xoshiro256(
                seed: StableHash.derive(seed: seed, "batches/augmentation/epoch \(epoch)/batch \(position)"))
            augmentation.apply(to: &images, using: &generator)
        }
        return Batch(images: images, labels: members.map { dataset.labels[$0] }, indices: members)
    }
}
