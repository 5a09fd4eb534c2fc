import Tensors

/// The mean and standard deviation of each image channel, for normalisation to zero mean and unit variance.
public struct ChannelStatistics: Sendable, Hashable, Codable {
    /// The mean of each channel.
    public var mean: [Float]
    /// The (population) standard deviation of each channel.
    public var standardDeviation: [Float]

    /// Statistics given explicitly, e.g. the customary CIFAR-10 values.
    ///
    /// - Precondition: one mean and one non-negative deviation per channel.
    public init(mean: [Float], standardDeviation: [Float]) {
        enforce(
            mean.count == standardDeviation.count,
            "ChannelStatistics: \(mean.count) means but \(standardDeviation.count) standard deviations")
        enforce(
            standardDeviation.allSatisfy { $0 >= 0 },
            "ChannelStatistics: negative standard deviation in \(standardDeviation)")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The statistics of `dataset` over all its images and pixels, accumulated in `Double` in two passes
    /// (mean, then squared deviations from it).
    ///
    /// - Complexity: O(N C H W).
    public init(of dataset: ImageDataset) {
        let (count, channels, height, width) = dataset.dimensions
        let planeSize = height * width
        var sums = [Double](repeating: 0, count: channels)
        var squares = [Double](repeating: 0, count: channels)
        let perChannel = Double(count * planeSize)
        dataset.images.scalars.withUnsafeBufferPointer { pixels in
            for image in 0..<count {
                for channel in 0..<channels {
                    let start = (image * channels + channel) * planeSize
                    var sum = 0.0
                    for value in pixels[start..<start + planeSize] { sum += Double(value) }
                    sums[channel] += sum
                }
            }
            for image in 0..<count {
                for channel in 0..<channels {
                    let start = (image * channels + channel) * planeSize
                    let mean = sums[channel] / perChannel
                    var square = 0.0
                    for value in pixels[start..<start + planeSize] {
                        let deviation = Double(value) - mean
                        square += deviation * deviation
                    }
                    squares[channel] += square
                }
            }
        }
        self.init(
            mean: sums.map { perChannel > 0 ? Float($0 / perChannel) : 0 },
            standardDeviation: squares.map { perChannel > 0 ? Float(($0 / perChannel).squareRoot()) : 0 })
    }

    /// What a pixel of value 0 (black) becomes after normalisation, per channel: pass it as
    /// ``Augmentation/paddingValues`` to pad normalised images with black, as padding before normalising does.
    public var normalizedZero: [Float] {
        zip(mean, standardDeviation).map { -$0 / ($1 > 0 ? $1 : 1) }
    }
}

extension ImageDataset {
    /// The dataset with each channel shifted and scaled: `(x - mean[c]) / standardDeviation[c]`. A channel
    /// whose deviation is 0 is only shifted.
    ///
    /// - Precondition: `statistics` has one entry per channel.
    /// - Complexity: O(N C H W).
    public func normalized(by statistics: ChannelStatistics) -> ImageDataset {
        let (count, channels, height, width) = dimensions
        enforce(
            statistics.mean.count == channels,
            "normalized(by:): images \(images.shape) have \(channels) channels but the statistics have \(statistics.mean.count)"
        )
        let planeSize = height * width
        var result = images
        result.scalars.withUnsafeMutableBufferPointer { pixels in
            for image in 0..<count {
                for channel in 0..<channels {
                    let mean = statistics.mean[channel]
                    let deviation = statistics.standardDeviation[channel]
                    let scale = 1 / (deviation > 0 ? deviation : 1)
                    let start = (image * channels + channel) * planeSize
                    for index in start..<start + planeSize { pixels[index] = (pixels[index] - mean) * scale }
                }
            }
        }
        return ImageDataset(images: result, labels: labels, classCount: classCount)
    }

    /// (N, C, H, W) as a tuple.
    var dimensions: (count: Int, channels: Int, height: Int, width: Int) {
        (images.shape[0], images.shape[1], images.shape[2], images.shape[3])
    }
}
