/// Max pooling with stride 1 as separable maxima on a padded copy of each plane (padding is −∞): the maximum
/// of K along rows, then of K of those along columns, with their positions. 2(K − 1) vectorized merges per
/// output instead of K² − 1.
///
/// The first maximum in row-major window order survives, as in ``PoolingKernels/maximum(_:geometry:output:argmax:)``:
/// the row pass keeps the first maximum of each window row, the column pass the first row that holds the
/// window's maximum, both by strict comparison.
extension PoolingKernels {
    /// ``maximum(_:geometry:output:argmax:)`` for stride 1.
    static func maximumPadded(
        _ input: UnsafePointer<Float>, geometry g: ConvolutionGeometry,
        output: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>
    ) {
        let p = ConvolutionDepthwise.PaddedPlane(g)
        let k = g.kernelSize
        let rowSpan = p.span + (k - 1) * p.width
        ImageParallelism.forEachSlice(count: g.batch * g.channels, workPerItem: 4 * k * p.span) { planes in
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: p.count)
            defer { padded.deallocate() }
            let rows = UnsafeMutablePointer<Float>.allocate(capacity: rowSpan)
            defer { rows.deallocate() }
            let rowTaps = UnsafeMutablePointer<Int32>.allocate(capacity: rowSpan)
            defer { rowTaps.deallocate() }
            let grid = UnsafeMutablePointer<Float>.allocate(capacity: p.span)
            defer { grid.deallocate() }
            let gridTaps = UnsafeMutablePointer<Int32>.allocate(capacity: p.span)
            defer { gridTaps.deallocate() }
            for plane in planes {
                let x = input + plane * g.inputPlane
                padded.initialize(repeating: -.infinity, count: p.count)
                for h in 0..<g.height {
                    Im2Col.copy(x + h * g.width, to: padded + (h + g.padding) * p.width + g.padding, count: g.width)
                }
                // Each maximum's tap (kh, kw) is kept as kh·W + kw: its offset in the input plane from the
                // window's top-left corner, so that the argmax needs no division.
                rows.update(from: padded, count: rowSpan)
                rowTaps.initialize(repeating: 0, count: rowSpan)
                for kw in 1..<k {
                    maximumMerge(
                        padded + kw, positions: nil, adding: Int32(kw), count: rowSpan, best: rows, position: rowTaps)
                }
                grid.update(from: rows, count: p.span)
                gridTaps.update(from: rowTaps, count: p.span)
                for kh in 1..<k {
                    maximumMerge(
                        rows + kh * p.width, positions: rowTaps + kh * p.width, adding: Int32(kh * g.width),
                        count: p.span, best: grid, position: gridTaps)
                }
                let y = output + plane * g.outputPlane
                let at = argmax + plane * g.outputPlane
                for oh in 0..<g.outputHeight {
                    let corner = (oh - g.padding) * g.width - g.padding  // the window's top-left in the plane
                    for ow in 0..<g.outputWidth {
                        let t = oh * p.width + ow
                        let value = grid[t]
                        y[oh * g.outputWidth + ow] = value
                        if value > -.infinity {
                            at[oh * g.outputWidth + ow] = Int32(truncatingIfNeeded: corner + ow) &+ gridTaps[t]
                        } else {
                            // A window of −∞ and NaN may keep a padding position; route its gradient inside.
                            let inside = max(oh - g.padding, 0) * g.width + max(ow - g.padding, 0)
                            at[oh * g.outputWidth + ow] = Int32(truncatingIfNeeded: inside)
                        }
                    }
                }
            }
        }
    }

    /// For `i` in `0..<count`: where `values[i]` exceeds `best[i]`, takes it and `positions[i] + adding` (or
    /// `adding` alone when `positions` is nil). Eight lanes at a time; the last step may overlap the previous
    /// one (merging a value twice changes nothing).
    @inline(__always)
    static func maximumMerge(
        _ values: UnsafePointer<Float>, positions: UnsafePointer<Int32>?, adding offset: Int32, count: Int,
        best: UnsafeMutablePointer<Float>, position: UnsafeMutablePointer<Int32>
    ) {
        let valueBytes = UnsafeRawPointer(values)
        let bestBytes = UnsafeMutableRawPointer(best)
        let bestPositionBytes = UnsafeMutableRawPointer(position)
        let offsets = SIMD8<Int32>(repeating: offset)
        func step(_ i: Int) {
            let bytes = i * 4
            let candidates = valueBytes.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Float>.self)
            let current = bestBytes.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Float>.self)
            let greater = candidates .> current
            bestBytes.storeBytes(
                of: current.replacing(with: candidates, where: greater), toByteOffset: bytes, as: SIMD8<Float>.self)
            var candidatePositions = offsets
            if let positions {
                candidatePositions &+= UnsafeRawPointer(positions).loadUnaligned(
                    fromByteOffset: bytes, as: SIMD8<Int32>.self)
            }
            let currentPositions = bestPositionBytes.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Int32>.self)
            bestPositionBytes.storeBytes(
                of: currentPositions.replacing(with: candidatePositions, where: greater), toByteOffset: bytes,
                as: SIMD8<Int32>.self)
        }
        var i = 0
        if count >= 8 {
            while i + 8 <= count {
                step(i)
                i += 8
            }
            if i < count { step(count - 8) }
            return
        }
        while i < count {
            if values[i] > best[i] {
                best[i] = values[i]
                position[i] = (positions?[i] ?? 0) &+ offset
            }
            i += 1
        }
    }
}
