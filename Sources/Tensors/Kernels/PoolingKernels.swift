/// Max and average pooling over NCHW planes as direct loops, one task per group of planes.
///
/// Like the depthwise convolution, every loop runs over one window tap at a time and the output positions
/// whose input for that tap lies inside the image (``ConvolutionDepthwise/forEachTap(_:_:)``), so inner loops
/// are branch-free and vectorizable for stride 1. The geometry's channels are the planes' channels.
enum PoolingKernels {
    /// The maximum of each window and where it was: the first maximum in row-major window order, which is
    /// what the pullback routes the gradient to.
    ///
    /// - Parameters:
    ///   - input: (N, C, H, W).
    ///   - output: (N, C, H', W'), overwritten.
    ///   - argmax: (N, C, H', W'), overwritten with each maximum's index h·W + w in its input plane.
    static func maximum(
        _ input: UnsafePointer<Float>, geometry g: ConvolutionGeometry,
        output: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>
    ) {
        ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: g.kernelArea * g.outputPlane) {
            planes in
            for plane in planes {
                let x = input + plane * g.inputPlane
                let best = output + plane * g.outputPlane
                let position = argmax + plane * g.outputPlane
                best.initialize(repeating: -.infinity, count: g.outputPlane)
                position.initialize(repeating: 0, count: g.outputPlane)
                ConvolutionDepthwise.forEachTap(g) { _, rows, columns, offset in
                    for oh in rows {
                        let row = oh * g.outputWidth
                        let start = oh * g.stride * g.width + offset
                        for ow in columns {
                            let index = start + ow * g.stride
                            let value = x[index]
                            let greater = value > best[row + ow]
                            best[row + ow] = greater ? value : best[row + ow]
                            position[row + ow] = greater ? Int32(truncatingIfNeeded: index) : position[row + ow]
                        }
                    }
                }
            }
        }
    }

    /// The pullback of ``maximum(_:geometry:output:argmax:)``: each output gradient goes to its window's
    /// maximum.
    ///
    /// - Parameters:
    ///   - outputGradient: (N, C, H', W').
    ///   - argmax: (N, C, H', W') from the forward pass.
    ///   - inputGradient: (N, C, H, W), overwritten.
    static func maximumBackward(
        _ outputGradient: UnsafePointer<Float>, argmax: UnsafePointer<Int32>, geometry g: ConvolutionGeometry,
        inputGradient: UnsafeMutablePointer<Float>
    ) {
        ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: g.outputPlane) { planes in
            for plane in planes {
                let dx = inputGradient + plane * g.inputPlane
                let dy = outputGradient + plane * g.outputPlane
                let position = argmax + plane * g.outputPlane
                dx.initialize(repeating: 0, count: g.inputPlane)
                for p in 0..<g.outputPlane { dx[Int(position[p])] += dy[p] }
            }
        }
    }

    /// The number of taps per output position along one axis that fall inside the input (without padding
    /// counted) or K (with padding counted).
    static func windowCounts(
        outputExtent: Int, extent: Int, geometry g: ConvolutionGeometry, countingPadding: Bool
    ) -> [Float] {
        (0..<outputExtent).map { o in
            if countingPadding { return Float(g.kernelSize) }
            let start = o * g.stride - g.padding
            return Float(min(start + g.kernelSize, extent) - max(start, 0))
        }
    }

    /// The mean of each window, over its in-bounds elements or over all K² with padding counted as zeros.
    ///
    /// - Parameters:
    ///   - input: (N, C, H, W).
    ///   - output: (N, C, H', W'), overwritten.
    static func average(
        _ input: UnsafePointer<Float>, geometry g: ConvolutionGeometry, countingPadding: Bool,
        output: UnsafeMutablePointer<Float>
    ) {
        let scale = reciprocalCounts(g, countingPadding: countingPadding)
        scale.withUnsafeBufferPointer { scale in
            ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: g.kernelArea * g.outputPlane) {
                planes in
                for plane in planes {
                    let x = input + plane * g.inputPlane
                    let y = output + plane * g.outputPlane
                    y.initialize(repeating: 0, count: g.outputPlane)
                    ConvolutionDepthwise.forEachTap(g) { _, rows, columns, offset in
                        for oh in rows {
                            let row = y + oh * g.outputWidth
                            let source = x + oh * g.stride * g.width + offset
                            for ow in columns { row[ow] += source[ow * g.stride] }
                        }
                    }
                    for p in 0..<g.outputPlane { y[p] *= scale[p] }
                }
            }
        }
    }

    /// The pullback of ``average(_:geometry:countingPadding:output:)``: each output gradient, divided by its
    /// window's count, is added to every in-bounds element of the window.
    ///
    /// - Parameters:
    ///   - outputGradient: (N, C, H', W').
    ///   - inputGradient: (N, C, H, W), overwritten.
    static func averageBackward(
        _ outputGradient: UnsafePointer<Float>, geometry g: ConvolutionGeometry, countingPadding: Bool,
        inputGradient: UnsafeMutablePointer<Float>
    ) {
        let scale = reciprocalCounts(g, countingPadding: countingPadding)
        scale.withUnsafeBufferPointer { scale in
            ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: g.kernelArea * g.outputPlane) {
                planes in
                let scaled = UnsafeMutablePointer<Float>.allocate(capacity: g.outputPlane)
                defer { scaled.deallocate() }
                for plane in planes {
                    let dy = outputGradient + plane * g.outputPlane
                    let dx = inputGradient + plane * g.inputPlane
                    for p in 0..<g.outputPlane { scaled[p] = dy[p] * scale[p] }
                    dx.initialize(repeating: 0, count: g.inputPlane)
                    ConvolutionDepthwise.forEachTap(g) { _, rows, columns, offset in
                        for oh in rows {
                            let source = scaled + oh * g.outputWidth
                            let row = dx + oh * g.stride * g.width + offset
                            for ow in columns { row[ow * g.stride] += source[ow] }
                        }
                    }
                }
            }
        }
    }

    /// 1 / (window count) for every output position of a plane, (H', W').
    private static func reciprocalCounts(_ g: ConvolutionGeometry, countingPadding: Bool) -> [Float] {
        let rows = windowCounts(outputExtent: g.outputHeight, extent: g.height, geometry: g, countingPadding: countingPadding)
        let columns = windowCounts(outputExtent: g.outputWidth, extent: g.width, geometry: g, countingPadding: countingPadding)
        var scale = [Float](repeating: 0, count: g.outputPlane)
        for oh in 0..<g.outputHeight {
            for ow in 0..<g.outputWidth { scale[oh * g.outputWidth + ow] = 1 / (rows[oh] * columns[ow]) }
        }
        return scale
    }
}
