/// Average pooling with stride 1 as separable sums on a zero-padded copy of each plane: a K-wide sum along
/// rows, then a K-tall sum of those, each one long contiguous loop per tap over the padded grid (see
/// ``ConvolutionDepthwise/PaddedPlane``). That is 2K additions per output instead of K², in loops that do not
/// stop at every output row. NAS-Bench-201's avg_pool_3x3 is this case.
extension PoolingKernels {
    /// ``average(_:geometry:countingPadding:output:)`` for stride 1.
    ///
    /// - Parameter scale: 1 / (window count) per output position, (H', W').
    static func averagePadded(
        _ input: UnsafePointer<Float>, geometry g: ConvolutionGeometry, scale: UnsafePointer<Float>,
        output: UnsafeMutablePointer<Float>
    ) {
        let p = ConvolutionDepthwise.PaddedPlane(g)
        let k = g.kernelSize
        let rowSpan = p.span + (k - 1) * p.width  // the row sums that the column sums read
        ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: 2 * k * p.span) { planes in
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: p.count)
            defer { padded.deallocate() }
            let rows = UnsafeMutablePointer<Float>.allocate(capacity: rowSpan)
            defer { rows.deallocate() }
            let grid = UnsafeMutablePointer<Float>.allocate(capacity: p.span)
            defer { grid.deallocate() }
            for plane in planes {
                ConvolutionDepthwise.pad(input + plane * g.inputPlane, g, p, into: padded)
                rows.update(from: padded, count: rowSpan)
                for kw in 1..<k {
                    let x = padded + kw
                    for t in 0..<rowSpan { rows[t] += x[t] }
                }
                grid.update(from: rows, count: p.span)
                for kh in 1..<k {
                    let r = rows + kh * p.width
                    for t in 0..<p.span { grid[t] += r[t] }
                }
                let y = output + plane * g.outputPlane
                for oh in 0..<g.outputHeight {
                    let source = grid + oh * p.width
                    let destination = y + oh * g.outputWidth
                    let factor = scale + oh * g.outputWidth
                    for ow in 0..<g.outputWidth { destination[ow] = source[ow] * factor[ow] }
                }
            }
        }
    }

    /// ``averageBackward(_:geometry:countingPadding:inputGradient:)`` for stride 1: the adjoint of
    /// ``averagePadded(_:geometry:scale:output:)``, column sums first, then row sums.
    static func averageBackwardPadded(
        _ outputGradient: UnsafePointer<Float>, geometry g: ConvolutionGeometry, scale: UnsafePointer<Float>,
        inputGradient: UnsafeMutablePointer<Float>
    ) {
        let p = ConvolutionDepthwise.PaddedPlane(g)
        let k = g.kernelSize
        let rowSpan = p.span + (k - 1) * p.width
        ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: 2 * k * p.span) { planes in
            let grid = UnsafeMutablePointer<Float>.allocate(capacity: p.span)
            defer { grid.deallocate() }
            let rows = UnsafeMutablePointer<Float>.allocate(capacity: rowSpan)
            defer { rows.deallocate() }
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: p.count)
            defer { padded.deallocate() }
            for plane in planes {
                // dY / count on the padded grid; the unused entries of every row stay zero.
                grid.initialize(repeating: 0, count: p.span)
                let dy = outputGradient + plane * g.outputPlane
                for oh in 0..<g.outputHeight {
                    let destination = grid + oh * p.width
                    let source = dy + oh * g.outputWidth
                    let factor = scale + oh * g.outputWidth
                    for ow in 0..<g.outputWidth { destination[ow] = source[ow] * factor[ow] }
                }
                rows.initialize(repeating: 0, count: rowSpan)
                for kh in 0..<k {
                    let r = rows + kh * p.width
                    for t in 0..<p.span { r[t] += grid[t] }
                }
                padded.initialize(repeating: 0, count: p.count)
                for kw in 0..<k {
                    let x = padded + kw
                    for t in 0..<rowSpan { x[t] += rows[t] }
                }
                let dx = inputGradient + plane * g.inputPlane
                for h in 0..<g.height {
                    Im2Col.copy(padded + (h + g.padding) * p.width + g.padding, to: dx + h * g.width, count: g.width)
                }
            }
        }
    }
}
