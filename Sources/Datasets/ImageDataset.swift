import Tensors

/// A labelled image dataset held in memory: images as one (N, C, H, W) tensor of floats, labels as class
/// indices.
public struct ImageDataset: Sendable, Hashable {
    /// Every image, (N, C, H, W).
    public var images: Tensor
    /// The class of each image, in 0..<classCount.
    public var labels: [Int32]
    /// The number of classes.
    public var classCount: Int

    /// Creates a dataset, checking that images and labels agree.
    ///
    /// - Precondition: `images` is (N, C, H, W) with N equal to `labels.count`, and every label is in
    ///   `0..<classCount`. (The readers check their files and throw instead.)
    public init(images: Tensor, labels: [Int32], classCount: Int) {
        enforce(images.rank == 4, "ImageDataset: images must be (N, C, H, W), got \(images.shape)")
        enforce(images.shape[0] == labels.count, "ImageDataset: \(images.shape[0]) images but \(labels.count) labels")
        if let label = labels.first(where: { $0 < 0 || Int($0) >= classCount }) {
            enforcementFailure("ImageDataset: label \(label) is outside 0..<\(classCount)")
        }
        self.images = images
        self.labels = labels
        self.classCount = classCount
    }

    /// The number of examples.
    public var count: Int { labels.count }

    /// (C, H, W) of one image.
    public var imageShape: [Int] { Array(images.shape.dropFirst()) }
}
