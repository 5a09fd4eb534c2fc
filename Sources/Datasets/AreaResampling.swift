import Tensors

/// Resizes images by area averaging: each output pixel is the mean of the input area it covers, with input
/// pixels that are only partly covered weighted by the covered fraction (a box filter; what OpenCV's
/// `INTER_AREA` and PIL's `BOX` do when shrinking). 28 x 28 -> 14 x 14 averages 2 x 2 blocks exactly;
/// 28 x 28 -> 16 x 16 averages 1.75 x 1.75 areas. The weights of every output pixel sum to 1, so a constant
/// image stays constant. Meant for downsampling; enlarging gives nearest-neighbour-like blocks.
public enum AreaResampling {
    /// `images` (N, C, H, W) resized to (N, C, `height`, `width`).
    ///
    /// - Precondition: `images` has rank 4 and `height`, `width` are positive.
    /// - Complexity: O(N C (H + height) width') with small constants: one horizontal pass, then one vertical.
    public static func resize(_ images: Tensor, height: Int, width: Int) -> Tensor {
        enforce(images.rank == 4, "AreaResampling.resize: images must be (N, C, H, W), got \(images.shape)")
        enforce(height > 0 && width > 0, "AreaResampling.resize: target size \(height) x \(width) must be positive")
        let planes = images.shape[0] * images.shape[1]
        let (inputHeight, inputWidth) = (images.shape[2], images.shape[3])
        let rows = weights(from: inputHeight, to: height)
        let columns = weights(from: inputWidth, to: width)
        var partial = [Float](repeating: 0, count: inputHeight * width)  // one plane after the horizontal pass
        var output = [Float](repeating: 0, count: planes * height * width)
        images.scalars.withUnsafeBufferPointer { input in
            partial.withUnsafeMutableBufferPointer { partial in
                output.withUnsafeMutableBufferPointer { output in
                    for plane in 0..<planes {
                        let source = plane * inputHeight * inputWidth
                        for y in 0..<inputHeight {  // (H, W) -> (H, width)
                            for (x, taps) in columns.enumerated() {
                                var sum: Float = 0
                                for tap in taps { sum += tap.weight * input[source + y * inputWidth + tap.index] }
                                partial[y * width + x] = sum
                            }
                        }
                        let target = plane * height * width
                        for (y, taps) in rows.enumerated() {  // (H, width) -> (height, width)
                            for tap in taps {
                                for x in 0..<width {
                                    output[target + y * width + x] += tap.weight * partial[tap.index * width + x]
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [images.shape[0], images.shape[1], height, width], scalars: output)
    }

    /// For each of `outputSize` output positions, the input positions it covers and the covered fraction of
    /// its area that each contributes (summing to 1).
    static func weights(from inputSize: Int, to outputSize: Int) -> [[(index: Int, weight: Float)]] {
        let scale = Double(inputSize) / Double(outputSize)
        return (0..<outputSize).map { output in
            let start = Double(output) * scale
            let end = Double(output + 1) * scale
            var taps: [(index: Int, weight: Float)] = []
            for index in Int(start.rounded(.down))..<min(inputSize, Int(end.rounded(.up))) {
                let overlap = min(Double(index + 1), end) - max(Double(index), start)
                if overlap > 1e-12 { taps.append((index, Float(overlap / scale))) }
            }
            return taps
        }
    }
}

extension ImageDataset {
    /// The dataset with every image resized by area averaging (see ``AreaResampling``).
    public func resized(height: Int, width: Int) -> ImageDataset {
        ImageDataset(
            images: AreaResampling.resize(images, height: height, width: width), labels: labels, classCount: classCount)
    }
}
