import Tensors

/// The mini-batch a data-dependent zero-cost proxy reads: normalised images and their labels.
public struct ZeroCostBatch: Sendable, Hashable {
    /// The images, (N, C, H, W), normalised as for training.
    public var images: Tensor
    /// The class of each image, in 0..<`classCount`.
    public var labels: [Int32]
    /// The number of classes (the network's outputs).
    public var classCount: Int

    /// Creates a batch.
    ///
    /// - Precondition: images of rank 4 and one label in 0..<`classCount` per image.
    public init(images: Tensor, labels: [Int32], classCount: Int) {
        enforce(
            images.rank == 4 && images.shape[0] == labels.count,
            "ZeroCostBatch: images \(images.shape) are not (N, C, H, W) with N = \(labels.count) labels")
        enforce(
            labels.allSatisfy { $0 >= 0 && Int($0) < classCount },
            "ZeroCostBatch: a label is outside 0..<\(classCount)")
        self.images = images
        self.labels = labels
        self.classCount = classCount
    }

    /// N, the number of images.
    public var count: Int { labels.count }
}
