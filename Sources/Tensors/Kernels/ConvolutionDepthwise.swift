/// Depthwise convolution (groups = C, each input channel convolved with its own O/C filters) as direct loops:
/// one group's matrix product would be (O/C, K²)·(K², H'W'), far too small for sgemm.
///
/// Every loop runs over one kernel tap at a time and the output columns that tap reads inside the input, so
/// the innermost loop has no bounds tests. Stride 1 goes to the padded-plane kernels
/// (ConvolutionDepthwisePadded.swift), which run each tap as one long loop; 2 to 3 times faster on 8x8 planes.
/// Output channel `o` reads input channel `o / multiplier`, where multiplier = O / C.
enum ConvolutionDepthwise {
    /// Y = depthwise(X, W) + b.
    ///
    /// - Parameters:
    ///   - input: (N, C, H, W).
    ///   - weight: (O, 1, K, K).
    ///   - bias: (O), or nil.
    ///   - output: (N, O, H', W'), overwritten.
    static func forward(
        input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        geometry g: ConvolutionGeometry, output: UnsafeMutablePointer<Float>
    ) {
        if g.stride == 1 {
            forwardPadded(input: input, weight: weight, bias: bias, geometry: g, output: output)
            return
        }
        let multiplier = g.outputChannels / g.channels
        let work = g.kernelArea * g.outputPlane
        ImageParallelism.forEachSlice(count: g.batch * g.outputChannels, workPerItem: work) { planes in
            for item in planes {
                let (image, o) = item.quotientAndRemainder(dividingBy: g.outputChannels)
                let source = input + (image * g.channels + o / multiplier) * g.inputPlane
                let destination = output + item * g.outputPlane
                destination.initialize(repeating: bias?[o] ?? 0, count: g.outputPlane)
                forEachTap(g) { tap, rows, columns, offset in
                    let w = weight[o * g.kernelArea + tap]
                    for oh in rows {
                        let y = destination + oh * g.outputWidth
                        let x = source + oh * g.stride * g.width + offset
                        if g.stride == 1 {
                            for ow in columns { y[ow] += w * x[ow] }
                        } else {
                            for ow in columns { y[ow] += w * x[ow * g.stride] }
                        }
                    }
                }
            }
        }
    }

    /// The gradients of Y = depthwise(X, W) + b with respect to X, W and b, given dY.
    ///
    /// - Parameters:
    ///   - outputGradient: dY, (N, O, H', W').
    ///   - input: X, (N, C, H, W).
    ///   - weight: W, (O, 1, K, K).
    ///   - inputGradient: dX, (N, C, H, W), overwritten.
    ///   - weightGradient: dW, (O, 1, K, K), overwritten.
    ///   - biasGradient: db, (O), overwritten; nil when there is no bias.
    static func backward(
        outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        geometry g: ConvolutionGeometry, inputGradient: UnsafeMutablePointer<Float>,
        weightGradient: UnsafeMutablePointer<Float>, biasGradient: UnsafeMutablePointer<Float>?
    ) {
        if g.stride == 1 {
            backwardPadded(
                outputGradient: outputGradient, input: input, weight: weight, geometry: g,
                inputGradient: inputGradient, weightGradient: weightGradient, biasGradient: biasGradient)
            return
        }
        let multiplier = g.outputChannels / g.channels
        let work = g.kernelArea * g.outputPlane * multiplier

        // dX[n, c] = Σ over c's output channels and taps of w · dY shifted back: one task per input plane.
        ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: work) { planes in
            for item in planes {
                let (image, c) = item.quotientAndRemainder(dividingBy: g.channels)
                let destination = inputGradient + item * g.inputPlane
                destination.initialize(repeating: 0, count: g.inputPlane)
                for o in (c * multiplier)..<((c + 1) * multiplier) {
                    let source = outputGradient + (image * g.outputChannels + o) * g.outputPlane
                    forEachTap(g) { tap, rows, columns, offset in
                        let w = weight[o * g.kernelArea + tap]
                        for oh in rows {
                            let dy = source + oh * g.outputWidth
                            let dx = destination + oh * g.stride * g.width + offset
                            if g.stride == 1 {
                                for ow in columns { dx[ow] += w * dy[ow] }
                            } else {
                                for ow in columns { dx[ow * g.stride] += w * dy[ow] }
                            }
                        }
                    }
                }
            }
        }

        // dW[o, tap] = Σ over images and valid positions of dY · X shifted: one task per output channel.
        // Products are first summed elementwise into one row of W' per tap (vectorizable), then reduced.
        ImageParallelism.forEachSlice(count: g.outputChannels, workPerItem: g.batch * work) { channels in
            let rowSums = UnsafeMutablePointer<Float>.allocate(capacity: g.kernelArea * g.outputWidth)
            defer { rowSums.deallocate() }
            for o in channels {
                let c = o / multiplier
                rowSums.initialize(repeating: 0, count: g.kernelArea * g.outputWidth)
                var biasSum: Float = 0
                for image in 0..<g.batch {
                    let dyPlane = outputGradient + (image * g.outputChannels + o) * g.outputPlane
                    let xPlane = input + (image * g.channels + c) * g.inputPlane
                    if biasGradient != nil { biasSum += VectorSums.sum(dyPlane, count: g.outputPlane) }
                    forEachTap(g) { tap, rows, columns, offset in
                        let accumulator = rowSums + tap * g.outputWidth
                        for oh in rows {
                            let dy = dyPlane + oh * g.outputWidth
                            let x = xPlane + oh * g.stride * g.width + offset
                            if g.stride == 1 {
                                for ow in columns { accumulator[ow] += dy[ow] * x[ow] }
                            } else {
                                for ow in columns { accumulator[ow] += dy[ow] * x[ow * g.stride] }
                            }
                        }
                    }
                }
                for tap in 0..<g.kernelArea {
                    weightGradient[o * g.kernelArea + tap] = VectorSums.sum(
                        rowSums + tap * g.outputWidth, count: g.outputWidth)
                }
                biasGradient?[o] = biasSum
            }
        }
    }

    /// Calls `body` for every kernel tap `kh·K + kw` with the output rows and columns whose input lies inside
    /// the image, and the offset of input (row 0, column 0) for that tap: the input of output (oh, ow) is at
    /// `oh·stride·W + ow·stride + offset`.
    @inline(__always)
    static func forEachTap(
        _ g: ConvolutionGeometry, _ body: (_ tap: Int, _ rows: Range<Int>, _ columns: Range<Int>, _ offset: Int) -> Void
    ) {
        for kh in 0..<g.kernelSize {
            let rows = g.validRows(tap: kh)
            for kw in 0..<g.kernelSize {
                let columns = g.validColumns(tap: kw)
                let offset = (kh * g.dilation - g.padding) * g.width + (kw * g.dilation - g.padding)
                body(kh * g.kernelSize + kw, rows, columns, offset)
            }
        }
    }
}
