// Batch normalization (Ioffe & Szegedy 2015) in training and evaluation mode: forward and closed-form pullback.
// The loops live in Kernels/BatchNormKernels.swift.

/// The batch statistics of one training-mode ``batchNormalization(_:scale:offset:epsilon:)`` call, for updating
/// running statistics.
public struct BatchStatistics: Sendable {
    /// The mean of every channel, (C).
    public let mean: Tensor
    /// The biased variance Σ (x − mean)² / count of every channel, (C): the one the output was normalized with.
    public let variance: Tensor
    /// The number of elements per channel (N, or N·H·W), for the unbiased correction count / (count − 1).
    public let count: Int

    /// Creates statistics from their parts.
    public init(mean: Tensor, variance: Tensor, count: Int) {
        self.mean = mean
        self.variance = variance
        self.count = count
    }
}

/// Training-mode batch normalization: normalizes every channel (axis 1) with the mean and biased variance of
/// this batch over N (and H, W for images), then scales and shifts it.
///
/// `y = scale[c] · (x − mean[c]) / √(variance[c] + epsilon) + offset[c]`.
///
/// The pullback is the closed form through the batch statistics, with x̂ = (x − mean) / √(variance + epsilon)
/// and M elements per channel: `dx = scale · (dy − mean(dy) − x̂ · mean(dy · x̂)) / √(variance + epsilon)`,
/// `dscale = Σ dy · x̂`, `doffset = Σ dy`.
///
/// - Parameters:
///   - input: (N, C) or (N, C, H, W), with more than one element per channel.
///   - scale: (C), or nil for 1 (no affine transform).
///   - offset: (C), or nil for 0.
///   - epsilon: added to the variance for numerical stability.
/// - Returns: the output, shaped like the input, and the batch statistics it was normalized with.
/// - Complexity: O(N·C·H·W), two sweeps over the input forward and two backward.
public func batchNormalization(
    _ input: Variable, scale: Variable?, offset: Variable?, epsilon: Float = 1e-5
) -> (output: Variable, statistics: BatchStatistics) {
    let layout = batchNormLayout(input: input.shape, scale: scale?.shape, offset: offset?.shape)
    enforce(
        layout.count > 1,
        "batchNormalization: input \(input.shape) has only one value per channel; training mode needs more")
    let channels = layout.channels
    var mean = [Float](repeating: 0, count: channels)
    var variance = [Float](repeating: 0, count: channels)
    input.value.scalars.withUnsafeBufferPointer { x in
        BatchNormKernels.moments(x.baseAddress!, layout: layout, mean: &mean, variance: &variance)
    }
    let inverseDeviation = variance.map { 1 / ($0 + epsilon).squareRoot() }
    let gamma = scale?.value.scalars ?? [Float](repeating: 1, count: channels)
    let beta = offset?.value.scalars ?? [Float](repeating: 0, count: channels)
    let multiplier = (0..<channels).map { gamma[$0] * inverseDeviation[$0] }
    let addend = (0..<channels).map { beta[$0] - mean[$0] * multiplier[$0] }
    let value = affine(input.value, multiplier: multiplier, addend: addend, layout: layout)
    let statistics = BatchStatistics(
        mean: Tensor(shape: [channels], scalars: mean), variance: Tensor(shape: [channels], scalars: variance),
        count: layout.count)

    let inputValue = input.value
    let inputs = [input] + [scale, offset].compactMap { $0 }
    let (hasScale, hasOffset) = (scale != nil, offset != nil)
    let output = Variable.recorded(value, from: inputs) { [mean] upstream in
        let (sum, centeredDot) = gradientSums(upstream, inputValue, center: mean, layout: layout)
        let count = Float(layout.count)
        // dx = a·dy + b·x + d, the closed form above with x̂ expanded.
        var a = [Float](repeating: 0, count: channels)
        var b = [Float](repeating: 0, count: channels)
        var d = [Float](repeating: 0, count: channels)
        for c in 0..<channels {
            let deviation = inverseDeviation[c]
            a[c] = gamma[c] * deviation
            b[c] = -gamma[c] * deviation * deviation * deviation * centeredDot[c] / count
            d[c] = -a[c] * sum[c] / count - b[c] * mean[c]
        }
        var gradients: [Tensor?] = [combine(upstream, a, inputValue, b, d, layout: layout)]
        if hasScale {
            gradients.append(Tensor(shape: [channels], scalars: (0..<channels).map { centeredDot[$0] * inverseDeviation[$0] }))
        }
        if hasOffset { gradients.append(Tensor(shape: [channels], scalars: sum)) }
        return gradients
    }
    return (output, statistics)
}

/// Evaluation-mode batch normalization: normalizes every channel (axis 1) with given statistics (usually the
/// running mean and variance), then scales and shifts it.
///
/// `y = scale[c] · (x − mean[c]) / √(variance[c] + epsilon) + offset[c]`; the statistics are constants.
///
/// - Parameters:
///   - input: (N, C) or (N, C, H, W).
///   - mean: (C).
///   - variance: (C), non-negative.
///   - scale: (C), or nil for 1 (no affine transform).
///   - offset: (C), or nil for 0.
///   - epsilon: added to the variance for numerical stability.
/// - Returns: the output, shaped like the input.
/// - Complexity: O(N·C·H·W).
public func batchNormalization(
    _ input: Variable, mean: Tensor, variance: Tensor, scale: Variable?, offset: Variable?, epsilon: Float = 1e-5
) -> Variable {
    let layout = batchNormLayout(input: input.shape, scale: scale?.shape, offset: offset?.shape)
    let channels = layout.channels
    for (name, statistic) in [("mean", mean), ("variance", variance)] {
        enforce(
            statistic.shape == [channels],
            "batchNormalization: \(name) \(statistic.shape) does not match the \(channels) channels of input \(input.shape)")
    }
    let inverseDeviation = variance.scalars.map { 1 / ($0 + epsilon).squareRoot() }
    let gamma = scale?.value.scalars ?? [Float](repeating: 1, count: channels)
    let beta = offset?.value.scalars ?? [Float](repeating: 0, count: channels)
    let multiplier = (0..<channels).map { gamma[$0] * inverseDeviation[$0] }
    let addend = (0..<channels).map { beta[$0] - mean.scalars[$0] * multiplier[$0] }
    let value = affine(input.value, multiplier: multiplier, addend: addend, layout: layout)

    let inputValue = input.value
    let inputs = [input] + [scale, offset].compactMap { $0 }
    let (hasScale, hasOffset) = (scale != nil, offset != nil)
    return Variable.recorded(value, from: inputs) { upstream in
        let zeros = [Float](repeating: 0, count: channels)
        var gradients: [Tensor?] = [affine(upstream, multiplier: multiplier, addend: zeros, layout: layout)]
        guard hasScale || hasOffset else { return gradients }
        let (sum, centeredDot) = gradientSums(upstream, inputValue, center: mean.scalars, layout: layout)
        if hasScale {
            gradients.append(Tensor(shape: [channels], scalars: (0..<channels).map { centeredDot[$0] * inverseDeviation[$0] }))
        }
        if hasOffset { gradients.append(Tensor(shape: [channels], scalars: sum)) }
        return gradients
    }
}

/// Checks the shapes of a batch normalization and derives its layout.
private func batchNormLayout(input: [Int], scale: [Int]?, offset: [Int]?) -> BatchNormLayout {
    enforce(
        (input.count == 2 || input.count == 4) && input.allSatisfy { $0 > 0 },
        "batchNormalization: input \(input) must be a non-empty (N, C) or (N, C, H, W) batch")
    for (name, shape) in [("scale", scale), ("offset", offset)] {
        guard let shape else { continue }
        enforce(
            shape == [input[1]],
            "batchNormalization: \(name) \(shape) does not match the \(input[1]) channels of input \(input)")
    }
    return BatchNormLayout(outer: input[0], channels: input[1], inner: input.count == 4 ? input[2] * input[3] : 1)
}

/// a[c]·x + d[c] for every element.
private func affine(_ x: Tensor, multiplier a: [Float], addend d: [Float], layout: BatchNormLayout) -> Tensor {
    let count = x.count
    let scalars = [Float](unsafeUninitializedCapacity: count) { output, initialized in
        x.scalars.withUnsafeBufferPointer { u in
            BatchNormKernels.combine(
                u.baseAddress!, times: a, plus: nil, times: nil, plus: d, layout: layout, into: output.baseAddress!)
        }
        initialized = count
    }
    return Tensor(shape: x.shape, scalars: scalars)
}

/// a[c]·u + b[c]·v + d[c] for every element.
private func combine(
    _ u: Tensor, _ a: [Float], _ v: Tensor, _ b: [Float], _ d: [Float], layout: BatchNormLayout
) -> Tensor {
    let count = u.count
    let scalars = [Float](unsafeUninitializedCapacity: count) { output, initialized in
        u.scalars.withUnsafeBufferPointer { u in
            v.scalars.withUnsafeBufferPointer { v in
                BatchNormKernels.combine(
                    u.baseAddress!, times: a, plus: v.baseAddress!, times: b, plus: d, layout: layout,
                    into: output.baseAddress!)
            }
        }
        initialized = count
    }
    return Tensor(shape: u.shape, scalars: scalars)
}

/// Σ dy and Σ dy·(x − center) per channel.
private func gradientSums(
    _ dy: Tensor, _ x: Tensor, center: [Float], layout: BatchNormLayout
) -> (sum: [Float], centeredDot: [Float]) {
    var sum = [Float](repeating: 0, count: layout.channels)
    var centeredDot = [Float](repeating: 0, count: layout.channels)
    dy.scalars.withUnsafeBufferPointer { dy in
        x.scalars.withUnsafeBufferPointer { x in
            BatchNormKernels.gradientSums(
                dy.baseAddress!, x.baseAddress!, layout: layout, center: center, sum: &sum, centeredDot: &centeredDot)
        }
    }
    return (sum, centeredDot)
}
