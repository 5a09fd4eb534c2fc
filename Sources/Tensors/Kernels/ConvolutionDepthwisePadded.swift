/// Depthwise convolution with stride 1 on a zero-padded copy of each plane, where every kernel tap is one long
/// contiguous loop instead of one short loop per output row.
///
/// On the padded plane Xp of (H + 2p, W + 2p), output (oh, ow) reads Xp[(oh + kh·d)·Wp + ow + kw·d], so with
/// outputs laid out on rows of the padded width Wp (`t = oh·Wp + ow`, the last 2p − d(K − 1) entries of each
/// row unused), tap (kh, kw) is `Y'[t] += w · Xp[t + kh·d·Wp + kw·d]` for all t at once. Rows of 8 to 32
/// elements would otherwise spend more time in loop overhead than in arithmetic.
extension ConvolutionDepthwise {
    /// The padded-plane layout of one geometry.
    struct PaddedPlane {
        let width: Int  // Wp = W + 2p
        let height: Int  // Hp = H + 2p
        /// The entries of the output on the padded grid that are computed: (H' − 1)·Wp + W'.
        let span: Int

        init(_ g: ConvolutionGeometry) {
            width = g.width + 2 * g.padding
            height = g.height + 2 * g.padding
            span = (g.outputHeight - 1) * width + g.outputWidth
        }

        var count: Int { width * height }

        /// The offset of tap (kh, kw) on the padded plane.
        @inline(__always)
        func offset(_ g: ConvolutionGeometry, tap: Int) -> Int {
            let (kh, kw) = tap.quotientAndRemainder(dividingBy: g.kernelSize)
            return kh * g.dilation * width + kw * g.dilation
        }
    }

    /// Copies one (H, W) plane into the middle of a zeroed (Hp, Wp) one.
    @inline(__always)
    static func pad(_ plane: UnsafePointer<Float>, _ g: ConvolutionGeometry, _ p: PaddedPlane, into padded: UnsafeMutablePointer<Float>) {
        padded.initialize(repeating: 0, count: p.count)
        for h in 0..<g.height {
            Im2Col.copy(plane + h * g.width, to: padded + (h + g.padding) * p.width + g.padding, count: g.width)
        }
    }

    /// ``forward(input:weight:bias:geometry:output:)`` for stride 1.
    static func forwardPadded(
        input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        geometry g: ConvolutionGeometry, output: UnsafeMutablePointer<Float>
    ) {
        let multiplier = g.outputChannels / g.channels
        let p = PaddedPlane(g)
        let work = g.kernelArea * p.span * multiplier
        ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: work) { planes in
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: p.count)
            defer { padded.deallocate() }
            let grid = UnsafeMutablePointer<Float>.allocate(capacity: p.span)
            defer { grid.deallocate() }
            for item in planes {
                let (image, c) = item.quotientAndRemainder(dividingBy: g.channels)
                pad(input + item * g.inputPlane, g, p, into: padded)
                for o in (c * multiplier)..<((c + 1) * multiplier) {
                    grid.initialize(repeating: bias?[o] ?? 0, count: p.span)
                    for tap in 0..<g.kernelArea {
                        let w = weight[o * g.kernelArea + tap]
                        let x = padded + p.offset(g, tap: tap)
                        for t in 0..<p.span { grid[t] += w * x[t] }
                    }
                    let y = output + (image * g.outputChannels + o) * g.outputPlane
                    for oh in 0..<g.outputHeight {
                        Im2Col.copy(grid + oh * p.width, to: y + oh * g.outputWidth, count: g.outputWidth)
                    }
                }
            }
        }
    }

    /// ``backward(outputGradient:input:weight:geometry:inputGradient:weightGradient:biasGradient:)`` for
    /// stride 1: one task per input channel, over every image (the channel's weight gradient sums over them).
    static func backwardPadded(
        outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        geometry g: ConvolutionGeometry, inputGradient: UnsafeMutablePointer<Float>,
        weightGradient: UnsafeMutablePointer<Float>, biasGradient: UnsafeMutablePointer<Float>?
    ) {
        let multiplier = g.outputChannels / g.channels
        let p = PaddedPlane(g)
        let work = g.batch * 3 * g.kernelArea * p.span * multiplier
        ImageParallelism.forEachSlice(count: g.channels, workPerItem: work) { channels in
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: p.count)
            defer { padded.deallocate() }
            let paddedGradient = UnsafeMutablePointer<Float>.allocate(capacity: p.count)
            defer { paddedGradient.deallocate() }
            // dY on the padded grid, with the unused entries of every row zero.
            let grid = UnsafeMutablePointer<Float>.allocate(capacity: p.span)
            defer { grid.deallocate() }
            for c in channels {
                let outputs = (c * multiplier)..<((c + 1) * multiplier)
                for o in outputs {
                    for tap in 0..<g.kernelArea { weightGradient[o * g.kernelArea + tap] = 0 }
                    biasGradient?[o] = 0
                }
                for image in 0..<g.batch {
                    let item = image * g.channels + c
                    pad(input + item * g.inputPlane, g, p, into: padded)
                    paddedGradient.initialize(repeating: 0, count: p.count)
                    for o in outputs {
                        let dy = outputGradient + (image * g.outputChannels + o) * g.outputPlane
                        grid.initialize(repeating: 0, count: p.span)
                        for oh in 0..<g.outputHeight {
                            Im2Col.copy(dy + oh * g.outputWidth, to: grid + oh * p.width, count: g.outputWidth)
                        }
                        if let biasGradient { biasGradient[o] += VectorSums.sum(dy, count: g.outputPlane) }
                        for tap in 0..<g.kernelArea {
                            let offset = p.offset(g, tap: tap)
                            weightGradient[o * g.kernelArea + tap] += VectorSums.dot(grid, padded + offset, count: p.span)
                            let w = weight[o * g.kernelArea + tap]
                            let dx = paddedGradient + offset
                            for t in 0..<p.span { dx[t] += w * grid[t] }
                        }
                    }
                    let dx = inputGradient + item * g.inputPlane
                    for h in 0..<g.height {
                        Im2Col.copy(
                            paddedGradient + (h + g.padding) * p.width + g.padding, to: dx + h * g.width, count: g.width)
                    }
                }
            }
        }
    }
}
