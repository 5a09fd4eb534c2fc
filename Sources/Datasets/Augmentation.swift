import Seeding
import Tensors

/// Random data augmentation for a batch of images: a random crop from the image padded on every side, then
/// a random horizontal flip (the standard CIFAR recipe: padding 4, flip).
///
/// For each image in order the generator is drawn: the crop's top offset `uniformInt(below: 2p + 1)`, its
/// left offset (same), then the flip `uniformInt(below: 2) == 1`; draws for a disabled step are skipped.
/// Offset `p` in both directions leaves the image where it was.
public struct Augmentation: Sendable, Hashable, Codable {
    /// How many pixels of padding surround the image before cropping back to its size; 0 turns cropping off.
    public var cropPadding: Int
    /// Whether to mirror each image left-right with probability 1/2.
    public var horizontalFlip: Bool
    /// The value of padded pixels per channel, or `nil` for 0. After normalisation, pass
    /// ``ChannelStatistics/normalizedZero`` to pad with black.
    public var paddingValues: [Float]?

    /// Creates an augmentation; the default does nothing.
    ///
    /// - Precondition: `cropPadding >= 0`.
    public init(cropPadding: Int = 0, horizontalFlip: Bool = false, paddingValues: [Float]? = nil) {
        enforce(cropPadding >= 0, "Augmentation: negative crop padding \(cropPadding)")
        self.cropPadding = cropPadding
        self.horizontalFlip = horizontalFlip
        self.paddingValues = paddingValues
    }

    /// No augmentation.
    public static let none = Augmentation()

    /// Whether this augmentation changes anything.
    public var isIdentity: Bool { cropPadding == 0 && !horizontalFlip }

    /// Crops and flips each image of `images` (B, C, H, W) in place, drawing from `rng` as described above.
    ///
    /// - Precondition: `images` has rank 4; `paddingValues`, if given, has one value per channel.
    /// - Complexity: O(B C H W); one scratch image is allocated per call.
    public func apply(to images: inout Tensor, using rng: inout some RandomNumberGenerator) {
        guard !isIdentity else { return }
        enforce(images.rank == 4, "Augmentation: images must be (B, C, H, W), got \(images.shape)")
        let (count, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3])
        let fill = paddingValues ?? [Float](repeating: 0, count: channels)
        enforce(
            fill.count == channels,
            "Augmentation: \(fill.count) padding values for \(channels) channels in \(images.shape)")
        let imageSize = channels * height * width
        let padding = cropPadding
        var scratch = [Float](repeating: 0, count: imageSize)
        images.scalars.withUnsafeMutableBufferPointer { pixels in
            scratch.withUnsafeMutableBufferPointer { original in
                for image in 0..<count {
                    let top = padding > 0 ? rng.uniformInt(below: 2 * padding + 1) - padding : 0
                    let left = padding > 0 ? rng.uniformInt(below: 2 * padding + 1) - padding : 0
                    let flip = horizontalFlip && rng.uniformInt(below: 2) == 1
                    if top == 0, left == 0, !flip { continue }
                    let start = image * imageSize
                    _ = original.update(fromContentsOf: pixels[start..<start + imageSize])
                    // output[c][y][x] = original[c][y + top][x' + left], x' = flip ? width - 1 - x : x
                    for channel in 0..<channels {
                        let plane = channel * height * width
                        for y in 0..<height {
                            let sourceY = y + top
                            let row = start + plane + y * width
                            guard sourceY >= 0, sourceY < height else {
                                for x in 0..<width { pixels[row + x] = fill[channel] }
                                continue
                            }
                            for x in 0..<width {
                                let sourceX = (flip ? width - 1 - x : x) + left
                                pixels[row + x] =
                                    sourceX >= 0 && sourceX < width
                                    ? original[plane + sourceY * width + sourceX] : fill[channel]
                            }
                        }
                    }
                }
            }
        }
    }
}
