/// Convolution as matrix products: im2col, then one sgemm per group on a chunk of images.
///
/// A chunk of `b` images is unfolded side by side into one matrix X of (C·K·K, b·H'·W'), so that small
/// feature maps (8x8) still give sgemm a wide right-hand side. With W the weight as (O, C/g·K·K), per group:
///
///     forward          Y_g  (O/g, b·H'W')     = W_g (O/g, C/g·K²) · X_g (C/g·K², b·H'W')
///     weight gradient  dW_g (O/g, C/g·K²)    += dY_g · X_gᵀ          (accumulated over chunks, beta = 1)
///     input gradient   dX_g (C/g·K², b·H'W')  = W_gᵀ · dY_g, then col2im
///
/// Groups are pointer offsets into W, X and Y; nothing is copied per group. Y is (O, b·H'W') and is scattered
/// to (b, O, H'·W') afterwards (a copy of the output, cheap next to the product); a chunk of one image writes
/// straight into the output. A pointwise convolution (1x1, stride 1, no padding) of one image needs no im2col.
/// ``ChunkPlan`` decides how chunks share the cores, depending on whether OpenBLAS is threaded.
enum ConvolutionGEMM {
    /// The number of unfolded elements (C·K²·b·H'W') to aim for per chunk: 4 MB, which stays in the last-level
    /// cache between im2col and sgemm. On NAS-Bench-201 shapes (batch 64; 16, 32, 64 channels at 32x32, 16x16,
    /// 8x8) 4 MB chunks beat 1 and 2 MB ones, and 8 and 16 MB ones were slower.
    static let elementsPerChunk = 1 << 20

    /// The fewest unfolded columns (b·H'W') per chunk: sgemm runs far below its peak on narrower matrices.
    static let minimumColumnsPerChunk = 1024

    /// From this output plane size on, a pointwise convolution multiplies each image in place: the gathering
    /// and scattering copies that chunks need would cost more than sgemm gains from the wider matrix.
    static let pointwiseInPlacePlane = 256

    /// The number of images per chunk for `geometry`, before balancing over workers.
    static func imagesPerChunk(_ g: ConvolutionGeometry) -> Int {
        if g.isPointwise && g.outputPlane >= pointwiseInPlacePlane { return 1 }
        let columns = max(minimumColumnsPerChunk, elementsPerChunk / (g.channels * g.kernelArea))
        return max(1, min(g.batch, columns / max(g.outputPlane, 1)))
    }

    /// How the batch is cut into chunks, and who runs them.
    ///
    /// When sgemm runs on OpenBLAS's threads (the default), chunks run one after another and each step inside
    /// a chunk is parallel: im2col over our threads, sgemm over OpenBLAS's. When OpenBLAS is single-threaded
    /// (`OPENBLAS_NUM_THREADS=1` or `openblas_set_num_threads(1)`), whole chunks run in parallel instead, one
    /// worker per core with its own buffers and everything inside a chunk serial: no thread hand-off between
    /// im2col and sgemm at all. On NAS-Bench-201 shapes (two cores) that made 3x3 layers up to 1.25 times and
    /// 1x1 layers up to 1.7 times faster (8x8 ones about as fast).
    ///
    /// Results are the same for the same core count and OpenBLAS thread count: workers sum their weight
    /// gradients privately and add them up in order, so the last bits of dW depend on how many there are.
    struct ChunkPlan {
        let imagesPerChunk: Int
        let chunkCount: Int
        /// 1: chunks in sequence, steps parallel; more: chunks split among this many workers.
        let workers: Int

        init(_ g: ConvolutionGeometry) {
            let preferred = ConvolutionGEMM.imagesPerChunk(g)
            let cores = min(ImageParallelism.processorCount, g.batch)
            guard cores > 1, GEMM.threadCount == 1 else {
                imagesPerChunk = preferred
                chunkCount = (g.batch + preferred - 1) / preferred
                workers = 1
                return
            }
            // Equal shares: a multiple of `cores` chunks of at most the preferred size.
            let rounds = (g.batch + cores * preferred - 1) / (cores * preferred)
            imagesPerChunk = (g.batch + cores * rounds - 1) / (cores * rounds)
            chunkCount = (g.batch + imagesPerChunk - 1) / imagesPerChunk
            workers = min(cores, chunkCount)
        }

        /// The chunks of one worker: a contiguous share.
        func chunks(of worker: Int) -> Range<Int> {
            (chunkCount * worker / workers)..<(chunkCount * (worker + 1) / workers)
        }

        /// The first image and the image count of one chunk.
        func images(of chunk: Int, batch: Int) -> (start: Int, count: Int) {
            let start = chunk * imagesPerChunk
            return (start, min(imagesPerChunk, batch - start))
        }
    }

    /// Y = conv(X, W) + b.
    ///
    /// - Parameters:
    ///   - input: (N, C, H, W).
    ///   - weight: (O, C/groups, K, K).
    ///   - bias: (O), or nil.
    ///   - output: (N, O, H', W'), overwritten.
    static func forward(
        input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        geometry g: ConvolutionGeometry, output: UnsafeMutablePointer<Float>
    ) {
        let plan = ChunkPlan(g)
        let plane = g.outputPlane
        let chunk = plan.imagesPerChunk
        let needsUnfolding = !(g.isPointwise && chunk == 1)
        let unfoldedCount = needsUnfolding ? g.channels * g.kernelArea * chunk * plane : 0
        let productCount = chunk > 1 ? g.outputChannels * chunk * plane : 0
        ImageParallelism.forEachWorker(plan.workers) { worker in
            let columns = UnsafeMutablePointer<Float>.allocate(capacity: unfoldedCount)
            defer { columns.deallocate() }
            let product = UnsafeMutablePointer<Float>.allocate(capacity: productCount)
            defer { product.deallocate() }
            for index in plan.chunks(of: worker) {
                let (start, images) = plan.images(of: index, batch: g.batch)
                let width = images * plane  // columns of the chunk's matrices
                let chunkInput = input + start * g.channels * g.inputPlane
                let chunkOutput = output + start * g.outputChannels * plane
                let unfolded: UnsafePointer<Float>
                if needsUnfolding {
                    unfold(chunkInput, images: images, geometry: g, into: columns, rowStride: width, parallel: plan.workers == 1)
                    unfolded = UnsafePointer(columns)
                } else {
                    unfolded = chunkInput
                }
                let result = images == 1 ? chunkOutput : product
                for group in 0..<g.groups {
                    GEMM.multiply(
                        m: g.outputChannelsPerGroup, n: width, k: g.rowsPerGroup,
                        a: weight + group * g.outputChannelsPerGroup * g.rowsPerGroup,
                        b: unfolded + group * g.rowsPerGroup * width,
                        c: result + group * g.outputChannelsPerGroup * width)
                }
                // (O, b·H'W') -> (b, O, H'W'), adding the bias on the way.
                for image in 0..<images {
                    for o in 0..<g.outputChannels {
                        let destination = chunkOutput + (image * g.outputChannels + o) * plane
                        let value = bias?[o] ?? 0
                        if images == 1 {
                            if bias != nil { for p in 0..<plane { destination[p] += value } }
                        } else {
                            let source = product + o * width + image * plane
                            for p in 0..<plane { destination[p] = source[p] + value }
                        }
                    }
                }
            }
        }
    }

    /// The gradients of Y = conv(X, W) + b with respect to X, W and b, given dY.
    ///
    /// - Parameters:
    ///   - outputGradient: dY, (N, O, H', W').
    ///   - input: X, (N, C, H, W): unfolded again here rather than kept from the forward pass, which would cost
    ///     K² times the input's memory per layer.
    ///   - weight: W, (O, C/groups, K, K).
    ///   - inputGradient: dX, (N, C, H, W), overwritten; nil when it is not needed (then neither its sgemm nor
    ///     col2im runs).
    ///   - weightGradient: dW, (O, C/groups, K, K), overwritten.
    ///   - biasGradient: db, (O), overwritten; nil when there is no bias.
    static func backward(
        outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        geometry g: ConvolutionGeometry, inputGradient: UnsafeMutablePointer<Float>?,
        weightGradient: UnsafeMutablePointer<Float>, biasGradient: UnsafeMutablePointer<Float>?
    ) {
        let plan = ChunkPlan(g)
        let plane = g.outputPlane
        let chunk = plan.imagesPerChunk
        let direct = g.isPointwise && chunk == 1  // X and dX serve as their own unfolded matrices
        let unfoldedCount = direct ? 0 : g.channels * g.kernelArea * chunk * plane
        let gatheredCount = chunk > 1 ? g.outputChannels * chunk * plane : 0
        let weightCount = g.outputChannels * g.rowsPerGroup
        // Workers after the first accumulate dW and db privately; they are added up at the end.
        let privateCount = weightCount + g.outputChannels
        let privateSums = UnsafeMutablePointer<Float>.allocate(capacity: (plan.workers - 1) * privateCount)
        defer { privateSums.deallocate() }

        ImageParallelism.forEachWorker(plan.workers) { worker in
            let columns = UnsafeMutablePointer<Float>.allocate(capacity: (inputGradient == nil ? 1 : 2) * unfoldedCount)
            defer { columns.deallocate() }
            let columnGradient = columns + unfoldedCount
            let gathered = UnsafeMutablePointer<Float>.allocate(capacity: gatheredCount)
            defer { gathered.deallocate() }
            let dW = worker == 0 ? weightGradient : privateSums + (worker - 1) * privateCount
            let db = biasGradient == nil ? nil : (worker == 0 ? biasGradient : dW + weightCount)
            dW.initialize(repeating: 0, count: weightCount)
            db?.initialize(repeating: 0, count: g.outputChannels)

            for index in plan.chunks(of: worker) {
                let (start, images) = plan.images(of: index, batch: g.batch)
                let width = images * plane
                let chunkInput = input + start * g.channels * g.inputPlane
                let chunkInputGradient = inputGradient.map { $0 + start * g.channels * g.inputPlane }
                let chunkOutputGradient = outputGradient + start * g.outputChannels * plane

                // dY as (O, b·H'W').
                let dY: UnsafePointer<Float>
                if images == 1 {
                    dY = chunkOutputGradient
                } else {
                    for image in 0..<images {
                        for o in 0..<g.outputChannels {
                            (gathered + o * width + image * plane).update(
                                from: chunkOutputGradient + (image * g.outputChannels + o) * plane, count: plane)
                        }
                    }
                    dY = UnsafePointer(gathered)
                }
                if let db {
                    for o in 0..<g.outputChannels { db[o] += VectorSums.sum(dY + o * width, count: width) }
                }

                let unfolded: UnsafePointer<Float>
                if direct {
                    unfolded = chunkInput
                } else {
                    unfold(chunkInput, images: images, geometry: g, into: columns, rowStride: width, parallel: plan.workers == 1)
                    unfolded = UnsafePointer(columns)
                }
                for group in 0..<g.groups {
                    let weightOffset = group * g.outputChannelsPerGroup * g.rowsPerGroup
                    let dYGroup = dY + group * g.outputChannelsPerGroup * width
                    GEMM.multiply(
                        m: g.outputChannelsPerGroup, n: g.rowsPerGroup, k: width,
                        a: dYGroup, b: unfolded + group * g.rowsPerGroup * width, transposeB: true,
                        c: dW + weightOffset, beta: 1)
                    guard let chunkInputGradient else { continue }
                    let unfoldedGradient = direct ? chunkInputGradient : columnGradient
                    GEMM.multiply(
                        m: g.rowsPerGroup, n: width, k: g.outputChannelsPerGroup,
                        a: weight + weightOffset, transposeA: true, b: dYGroup,
                        c: unfoldedGradient + group * g.rowsPerGroup * width)
                }
                if !direct, let chunkInputGradient {
                    chunkInputGradient.initialize(repeating: 0, count: images * g.channels * g.inputPlane)
                    fold(
                        columnGradient, rowStride: width, images: images, geometry: g, into: chunkInputGradient,
                        parallel: plan.workers == 1)
                }
            }
        }
        for worker in 1..<max(plan.workers, 1) {
            let dW = privateSums + (worker - 1) * privateCount
            for i in 0..<weightCount { weightGradient[i] += dW[i] }
            if let biasGradient {
                for o in 0..<g.outputChannels { biasGradient[o] += dW[weightCount + o] }
            }
        }
    }

    /// im2col of `images` consecutive images into one matrix, image `i` at column `i·H'·W'`, split over cores
    /// by (image, channel) when `parallel`.
    static func unfold(
        _ input: UnsafePointer<Float>, images: Int, geometry g: ConvolutionGeometry,
        into columns: UnsafeMutablePointer<Float>, rowStride: Int, parallel: Bool
    ) {
        let work = parallel ? g.kernelArea * g.outputPlane : 0
        ImageParallelism.forEachSlice(count: images * g.channels, workPerItem: work) { items in
            forEachImageChannelRun(items, channels: g.channels) { image, channels in
                Im2Col.unfold(
                    input + image * g.channels * g.inputPlane, geometry: g, channels: channels,
                    into: columns + image * g.outputPlane, rowStride: rowStride)
            }
        }
    }

    /// col2im of `images` consecutive images, the adjoint of ``unfold(_:images:geometry:into:rowStride:parallel:)``.
    static func fold(
        _ columns: UnsafeMutablePointer<Float>, rowStride: Int, images: Int, geometry g: ConvolutionGeometry,
        into inputGradient: UnsafeMutablePointer<Float>, parallel: Bool
    ) {
        let work = parallel ? g.kernelArea * g.outputPlane : 0
        ImageParallelism.forEachSlice(count: images * g.channels, workPerItem: work) { items in
            forEachImageChannelRun(items, channels: g.channels) { image, channels in
                Im2Col.fold(
                    columns + image * g.outputPlane, rowStride: rowStride, geometry: g, channels: channels,
                    into: inputGradient + image * g.channels * g.inputPlane)
            }
        }
    }

    /// Splits a range of flattened (image, channel) items into runs of channels within one image.
    @inline(__always)
    static func forEachImageChannelRun(
        _ items: Range<Int>, channels: Int, _ body: (_ image: Int, _ channels: Range<Int>) -> Void
    ) {
        var item = items.lowerBound
        while item < items.upperBound {
            let image = item / channels
            let first = item % channels
            let last = min(channels, first + (items.upperBound - item))
            body(image, first..<last)
            item += last - first
        }
    }
}
