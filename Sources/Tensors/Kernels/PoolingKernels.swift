/// Max and average pooling over NCHW planes as direct loops, one task per group of planes. With stride 1 both
/// run separably on padded planes instead (PoolingMaximumPadded.swift, PoolingAveragePadded.swift).
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
        if g.stride == 1 {
            maximumPadded(input, geometry: g, output: output, argmax: argmax)
            return
        }
        let (stride, width, outputWidth) = (g.stride, g.width, g.outputWidth)
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
                        let start = oh * stride * width + offset
                        maximumRun(
                            x + start, stride: stride, firstIndex: start, columns,
                            best: best + oh * outputWidth, position: position + oh * outputWidth)
                    }
                }
            }
        }
    }

    /// For `o` in `columns`: where `source[o·stride]` exceeds `best[o]`, takes it and records its plane index
    /// `firstIndex + o·stride` in `position[o]`.
    ///
    /// Runs branch-free on 8 or 4 lanes for strides 1 and 2: a scalar loop's branch mispredicts on every new
    /// maximum. A step is idempotent (an element never exceeds a maximum that already includes it), so for
    /// stride 1 the last step may overlap the previous one instead of leaving a scalar tail.
    @inline(__always)
    static func maximumRun(
        _ source: UnsafePointer<Float>, stride: Int, firstIndex: Int, _ columns: Range<Int>,
        best: UnsafeMutablePointer<Float>, position: UnsafeMutablePointer<Int32>
    ) {
        let raw = UnsafeRawPointer(source)
        let bestBytes = UnsafeMutableRawPointer(best)
        let positionBytes = UnsafeMutableRawPointer(position)
        let stride32 = Int32(truncatingIfNeeded: stride)
        func step8(_ o: Int, _ candidates: SIMD8<Float>) {
            let current = bestBytes.loadUnaligned(fromByteOffset: o * 4, as: SIMD8<Float>.self)
            let greater = candidates .> current
            bestBytes.storeBytes(
                of: current.replacing(with: candidates, where: greater), toByteOffset: o * 4, as: SIMD8<Float>.self)
            let indices = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: firstIndex + o * stride))
                &+ SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &* stride32
            let positions = positionBytes.loadUnaligned(fromByteOffset: o * 4, as: SIMD8<Int32>.self)
            positionBytes.storeBytes(
                of: positions.replacing(with: indices, where: greater), toByteOffset: o * 4, as: SIMD8<Int32>.self)
        }
        func step4(_ o: Int, _ candidates: SIMD4<Float>) {
            let current = bestBytes.loadUnaligned(fromByteOffset: o * 4, as: SIMD4<Float>.self)
            let greater = candidates .> current
            bestBytes.storeBytes(
                of: current.replacing(with: candidates, where: greater), toByteOffset: o * 4, as: SIMD4<Float>.self)
            let indices = SIMD4<Int32>(repeating: Int32(truncatingIfNeeded: firstIndex + o * stride))
                &+ SIMD4<Int32>(0, 1, 2, 3) &* stride32
            let positions = positionBytes.loadUnaligned(fromByteOffset: o * 4, as: SIMD4<Int32>.self)
            positionBytes.storeBytes(
                of: positions.replacing(with: indices, where: greater), toByteOffset: o * 4, as: SIMD4<Int32>.self)
        }
        var o = columns.lowerBound
        let upper = columns.upperBound
        if stride == 1 {
            if columns.count >= 8 {
                while o + 8 <= upper {
                    step8(o, raw.loadUnaligned(fromByteOffset: o * 4, as: SIMD8<Float>.self))
                    o += 8
                }
                if o < upper { step8(upper - 8, raw.loadUnaligned(fromByteOffset: (upper - 8) * 4, as: SIMD8<Float>.self)) }
                return
            }
            if columns.count >= 4 {
                step4(o, raw.loadUnaligned(fromByteOffset: o * 4, as: SIMD4<Float>.self))
                step4(upper - 4, raw.loadUnaligned(fromByteOffset: (upper - 4) * 4, as: SIMD4<Float>.self))
                return
            }
        } else if stride == 2 {
            // Pairs are loaded whole: the last element read, source[2·o + 2·lanes − 1], stays inside the run while
            // o + lanes < upper.
            while o + 8 < upper {
                step8(o, raw.loadUnaligned(fromByteOffset: 2 * o * 4, as: SIMD16<Float>.self).evenHalf)
                o += 8
            }
            while o + 4 < upper {
                step4(o, raw.loadUnaligned(fromByteOffset: 2 * o * 4, as: SIMD8<Float>.self).evenHalf)
                o += 4
            }
        }
        while o < upper {
            let value = source[o * stride]
            if value > best[o] {
                best[o] = value
                position[o] = Int32(truncatingIfNeeded: firstIndex + o * stride)
            }
            o += 1
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
        let (stride, width, outputWidth) = (g.stride, g.width, g.outputWidth)
        scale.withUnsafeBufferPointer { scale in
            if stride == 1 {
                averagePadded(input, geometry: g, scale: scale.baseAddress!, output: output)
                return
            }
            ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: g.kernelArea * g.outputPlane) {
                planes in
                for plane in planes {
                    let x = input + plane * g.inputPlane
                    let y = output + plane * g.outputPlane
                    y.initialize(repeating: 0, count: g.outputPlane)
                    ConvolutionDepthwise.forEachTap(g) { _, rows, columns, offset in
                        for oh in rows {
                            let row = y + oh * outputWidth
                            let source = x + oh * stride * width + offset
                            if stride == 1 {
                                for ow in columns { row[ow] += source[ow] }
                            } else {
                                for ow in columns { row[ow] += source[ow * stride] }
                            }
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
        let (stride, width, outputWidth) = (g.stride, g.width, g.outputWidth)
        scale.withUnsafeBufferPointer { scale in
            if stride == 1 {
                averageBackwardPadded(outputGradient, geometry: g, scale: scale.baseAddress!, inputGradient: inputGradient)
                return
            }
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
                            let source = scaled + oh * outputWidth
                            let row = dx + oh * stride * width + offset
                            if stride == 1 {
                                for ow in columns { row[ow] += source[ow] }
                            } else {
                                for ow in columns { row[ow * stride] += source[ow] }
                            }
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
