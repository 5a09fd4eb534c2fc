/// Unfolding image patches into the columns of a matrix (im2col) and its adjoint (col2im), so that a
/// convolution becomes one matrix product per group.
///
/// For one image (C, H, W) the unfolded matrix has C·K·K rows and H'·W' columns:
/// row `(c·K + kh)·K + kw`, column `oh·W' + ow` holds `input[c, oh·s + kh·d − p, ow·s + kw·d − p]`, or 0 where
/// that position lies in the padding. Several images may share one matrix side by side (image `i` starting at
/// column `i·H'·W'`), hence the explicit row stride.
enum Im2Col {
    /// Writes the rows of `channels` of one image's unfolded matrix.
    ///
    /// - Parameters:
    ///   - image: one image, (C, H, W).
    ///   - channels: the input channels whose K·K rows to write.
    ///   - columns: the unfolded matrix's element (0, 0) of this image; rows `c·K·K ..< (c + 1)·K·K` are written
    ///     for every `c` in `channels`.
    ///   - rowStride: the distance between rows of `columns`.
    /// - Complexity: O(|channels|·K²·H'·W').
    static func unfold(
        _ image: UnsafePointer<Float>, geometry g: ConvolutionGeometry, channels: Range<Int>,
        into columns: UnsafeMutablePointer<Float>, rowStride: Int
    ) {
        let outputWidth = g.outputWidth
        let stride = g.stride
        // With stride 1 and W' = W ("same" padding), output (oh, ow) reads input element oh·W + ow + delta of
        // the plane for one fixed tap: the whole valid block of rows is one shifted copy, after which only the
        // columns that fell into the padding are zeroed.
        let shiftedCopy = stride == 1 && outputWidth == g.width
        for c in channels {
            let plane = image + c * g.inputPlane
            for kh in 0..<g.kernelSize {
                let rows = g.validRows(tap: kh)
                let rowOffset = kh * g.dilation - g.padding
                for kw in 0..<g.kernelSize {
                    let valid = g.validColumns(tap: kw)
                    let columnOffset = kw * g.dilation - g.padding
                    let row = columns + ((c * g.kernelSize + kh) * g.kernelSize + kw) * rowStride
                    // Rows of the output whose input row is padding are zero.
                    row.initialize(repeating: 0, count: rows.lowerBound * outputWidth)
                    (row + rows.upperBound * outputWidth).initialize(
                        repeating: 0, count: (g.outputHeight - rows.upperBound) * outputWidth)
                    if rows.isEmpty { continue }
                    if shiftedCopy {
                        let delta = rowOffset * g.width + columnOffset
                        // Clamped to the plane: the elements left out are padding columns, zeroed below (all of
                        // them when the padding is wider than the image).
                        let first = max(rows.lowerBound * outputWidth, -delta)
                        let end = min(rows.upperBound * outputWidth, g.inputPlane - delta)
                        if first < end { (row + first).update(from: plane + first + delta, count: end - first) }
                        if valid.count < outputWidth {
                            for oh in rows {
                                let destination = row + oh * outputWidth
                                for ow in 0..<valid.lowerBound { destination[ow] = 0 }
                                for ow in valid.upperBound..<outputWidth { destination[ow] = 0 }
                            }
                        }
                        continue
                    }
                    for oh in rows {
                        let destination = row + oh * outputWidth
                        let source = plane + (oh * stride + rowOffset) * g.width + columnOffset
                        for ow in 0..<valid.lowerBound { destination[ow] = 0 }
                        if stride == 1 {
                            copy(source + valid.lowerBound, to: destination + valid.lowerBound, count: valid.count)
                        } else if stride == 2 {
                            gatherEven(source, to: destination, valid)
                        } else {
                            for ow in valid { destination[ow] = source[ow * stride] }
                        }
                        for ow in valid.upperBound..<outputWidth { destination[ow] = 0 }
                    }
                }
            }
        }
    }

    /// `destination[o] = source[2·o]` for `o` in `range`, eight at a time from sixteen loaded elements; it reads
    /// no element past `source[2·(range.upperBound − 1)]`.
    @inline(__always)
    static func gatherEven(_ source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, _ range: Range<Int>) {
        var o = range.lowerBound
        let raw = UnsafeRawPointer(source)
        let output = UnsafeMutableRawPointer(destination)
        // The last element loaded is source[2·o + 15], below 2·(upperBound − 1) while o + 8 < upperBound.
        while o + 8 < range.upperBound {
            let pairs = raw.loadUnaligned(fromByteOffset: 2 * o * 4, as: SIMD16<Float>.self)
            output.storeBytes(of: pairs.evenHalf, toByteOffset: o * 4, as: SIMD8<Float>.self)
            o += 8
        }
        while o < range.upperBound {
            destination[o] = source[2 * o]
            o += 1
        }
    }

    /// Copies a short run of elements inline: a library `memmove` call per row of a small feature map costs more
    /// than the copy.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, count: Int) {
        typealias Lanes = SIMD8<Float>
        let width = Lanes.scalarCount
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(destination)
        var i = 0
        while i + width <= count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: i * 4, as: Lanes.self), toByteOffset: i * 4, as: Lanes.self)
            i += width
        }
        while i < count {
            destination[i] = source[i]
            i += 1
        }
    }

    /// Adds every entry of the rows of `channels` back to the input position it was read from: the adjoint of
    /// ``unfold(_:geometry:channels:into:rowStride:)``, used for the input gradient.
    ///
    /// - Parameters:
    ///   - columns: the unfolded gradient's element (0, 0) of this image; the entries that read padding may be
    ///     overwritten with zeros.
    ///   - rowStride: the distance between rows of `columns`.
    ///   - image: the gradient of one image, (C, H, W), accumulated into.
    /// - Complexity: O(|channels|·K²·H'·W').
    static func fold(
        _ columns: UnsafeMutablePointer<Float>, rowStride: Int, geometry g: ConvolutionGeometry, channels: Range<Int>,
        into image: UnsafeMutablePointer<Float>
    ) {
        let outputWidth = g.outputWidth
        let stride = g.stride
        // As in unfold: with stride 1 and W' = W one tap's valid rows add to one shifted run of the plane, once the
        // entries of the columns that read padding are zeroed (they are ours to overwrite, and adding 0 is exact).
        let shiftedAdd = stride == 1 && outputWidth == g.width
        for c in channels {
            let plane = image + c * g.inputPlane
            for kh in 0..<g.kernelSize {
                let rows = g.validRows(tap: kh)
                let rowOffset = kh * g.dilation - g.padding
                if rows.isEmpty { continue }
                for kw in 0..<g.kernelSize {
                    let valid = g.validColumns(tap: kw)
                    let columnOffset = kw * g.dilation - g.padding
                    let row = columns + ((c * g.kernelSize + kh) * g.kernelSize + kw) * rowStride
                    if shiftedAdd {
                        if valid.count < outputWidth {
                            for oh in rows {
                                let entries = row + oh * outputWidth
                                for ow in 0..<valid.lowerBound { entries[ow] = 0 }
                                for ow in valid.upperBound..<outputWidth { entries[ow] = 0 }
                            }
                        }
                        let delta = rowOffset * g.width + columnOffset
                        let first = max(rows.lowerBound * outputWidth, -delta)
                        let end = min(rows.upperBound * outputWidth, g.inputPlane - delta)
                        let destination = plane + delta
                        if first < end {
                            for t in first..<end { destination[t] += row[t] }
                        }
                        continue
                    }
                    for oh in rows {
                        let source = row + oh * outputWidth
                        let destination = plane + (oh * stride + rowOffset) * g.width + columnOffset
                        if stride == 1 {
                            for ow in valid { destination[ow] += source[ow] }
                        } else if stride == 2 {
                            for ow in valid { destination[2 * ow] += source[ow] }
                        } else {
                            for ow in valid { destination[ow * stride] += source[ow] }
                        }
                    }
                }
            }
        }
    }
}
