/// How batch normalization sees its input: (N, C, P) with channel axis 1 and P = H·W (1 for an (N, C) input).
/// A channel's elements are N contiguous runs of P.
struct BatchNormLayout: Sendable {
    let outer: Int  // N
    let channels: Int  // C
    let inner: Int  // P

    /// The number of elements per channel, N·P.
    var count: Int { outer * inner }
}

/// The loops of batch normalization: per-channel moments and gradient sums, and per-channel affine maps.
///
/// Both the forward and the backward pass reduce to two sweeps over the data: one that sums per channel, and
/// one that applies `y = a[c]·x + b[c]` (forward) or `dx = a[c]·dy + b[c]·x + d[c]` (backward). Rank-4 inputs
/// run one channel (or one (n, c) run) per task with SIMD sums over runs of P; rank-2 inputs sweep rows,
/// vectorized across channels.
enum BatchNormKernels {
    /// The mean and the biased variance (Σ (x − mean)² / count, two passes for accuracy) of every channel.
    ///
    /// - Parameters:
    ///   - x: (N, C, P).
    ///   - mean, variance: (C), overwritten.
    static func moments(
        _ x: UnsafePointer<Float>, layout l: BatchNormLayout,
        mean: UnsafeMutablePointer<Float>, variance: UnsafeMutablePointer<Float>
    ) {
        let scale = 1 / Double(l.count)
        if l.inner == 1 {
            var sums = [Double](repeating: 0, count: l.channels)
            for n in 0..<l.outer {
                for c in 0..<l.channels { sums[c] += Double(x[n * l.channels + c]) }
            }
            for c in 0..<l.channels { mean[c] = Float(sums[c] * scale) }
            for c in 0..<l.channels { sums[c] = 0 }
            for n in 0..<l.outer {
                for c in 0..<l.channels {
                    let deviation = Double(x[n * l.channels + c] - mean[c])
                    sums[c] += deviation * deviation
                }
            }
            for c in 0..<l.channels { variance[c] = Float(sums[c] * scale) }
            return
        }
        ImageParallelism.forEachSlice(count: l.channels, workPerItem: 2 * l.count) { channels in
            for c in channels {
                var sum = 0.0
                for n in 0..<l.outer {
                    sum += Double(VectorSums.sum(x + (n * l.channels + c) * l.inner, count: l.inner))
                }
                let center = Float(sum * scale)
                var squares = 0.0
                for n in 0..<l.outer {
                    squares += Double(VectorSums.sumOfSquaredDeviations(
                        x + (n * l.channels + c) * l.inner, count: l.inner, from: center))
                }
                mean[c] = center
                variance[c] = Float(squares * scale)
            }
        }
    }

    /// Σ dy and Σ dy·(x − center[c]) of every channel: the sums that the gradients of batch normalization need.
    ///
    /// - Parameters:
    ///   - dy, x: (N, C, P).
    ///   - center: (C).
    ///   - sum, centeredDot: (C), overwritten.
    static func gradientSums(
        _ dy: UnsafePointer<Float>, _ x: UnsafePointer<Float>, layout l: BatchNormLayout,
        center: UnsafePointer<Float>, sum: UnsafeMutablePointer<Float>, centeredDot: UnsafeMutablePointer<Float>
    ) {
        if l.inner == 1 {
            var sums = [Double](repeating: 0, count: l.channels)
            var dots = [Double](repeating: 0, count: l.channels)
            for n in 0..<l.outer {
                for c in 0..<l.channels {
                    let g = dy[n * l.channels + c]
                    sums[c] += Double(g)
                    dots[c] += Double(g * (x[n * l.channels + c] - center[c]))
                }
            }
            for c in 0..<l.channels {
                sum[c] = Float(sums[c])
                centeredDot[c] = Float(dots[c])
            }
            return
        }
        ImageParallelism.forEachSlice(count: l.channels, workPerItem: 2 * l.count) { channels in
            for c in channels {
                var total = 0.0
                var dot = 0.0
                for n in 0..<l.outer {
                    let offset = (n * l.channels + c) * l.inner
                    total += Double(VectorSums.sum(dy + offset, count: l.inner))
                    dot += Double(VectorSums.dot(dy + offset, x + offset, count: l.inner, centeredAt: center[c]))
                }
                sum[c] = Float(total)
                centeredDot[c] = Float(dot)
            }
        }
    }

    /// `output = a[c]·u + b[c]·v + d[c]` elementwise, where c is each element's channel; `v` and `b` may be
    /// nil (then that term is left out).
    ///
    /// - Parameters:
    ///   - u, v: (N, C, P).
    ///   - a, b, d: (C).
    ///   - output: (N, C, P), overwritten.
    static func combine(
        _ u: UnsafePointer<Float>, times a: UnsafePointer<Float>,
        plus v: UnsafePointer<Float>?, times b: UnsafePointer<Float>?,
        plus d: UnsafePointer<Float>, layout l: BatchNormLayout, into output: UnsafeMutablePointer<Float>
    ) {
        if l.inner == 1 {
            for n in 0..<l.outer {
                let row = n * l.channels
                if let v, let b {
                    for c in 0..<l.channels { output[row + c] = a[c] * u[row + c] + b[c] * v[row + c] + d[c] }
                } else {
                    for c in 0..<l.channels { output[row + c] = a[c] * u[row + c] + d[c] }
                }
            }
            return
        }
        ImageParallelism.forEachSlice(count: l.outer * l.channels, workPerItem: l.inner) { runs in
            for run in runs {
                let c = run % l.channels
                let offset = run * l.inner
                let (ac, dc) = (a[c], d[c])
                if let v, let b {
                    let bc = b[c]
                    for i in offset..<(offset + l.inner) { output[i] = ac * u[i] + bc * v[i] + dc }
                } else {
                    for i in offset..<(offset + l.inner) { output[i] = ac * u[i] + dc }
                }
            }
        }
    }
}
