import Tensors

/// A mini-batch of examples.
public struct Batch: Sendable, Hashable {
    /// The images, (B, C, H, W).
    public var images: Tensor
    /// The class of each image.
    public var labels: [Int32]
    /// The position of each example in the dataset the batch was drawn from.
    public var indices: [Int]

    /// Creates a batch.
    ///
    /// - Precondition: `images` is (B, C, H, W) with B equal to the number of labels and of indices.
    public init(images: Tensor, labels: [Int32], indices: [Int]) {
        enforce(
            images.rank == 4 && images.shape[0] == labels.count && labels.count == indices.count,
            "Batch: images \(images.shape), \(labels.count) labels and \(indices.count) indices do not agree")
        self.images = images
        self.labels = labels
        self.indices = indices
    }

    /// The number of examples.
    public var count: Int { labels.count }
}
