#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Softmax and log-softmax along one axis, both shifted by the maximum along that axis so that exp never
// overflows: softmax(x) = e^(x - m) / Σ e^(x - m) with m = max x.

/// The softmax along `axis`: e^xᵢ / Σⱼ e^xⱼ, so every slice along the axis is a probability vector.
///
/// Pullback: dx = y ⊙ (g − Σ g ⊙ y), the sum taken along the axis.
///
/// - Parameters:
///   - x: a tensor of rank at least 1.
///   - axis: the axis to normalize; negative values count from the end (the default is the last axis).
/// - Returns: a variable of the same shape as `x`.
/// - Complexity: O(count) time, one exp per element.
public func softmax(_ x: Variable, axis: Int = -1) -> Variable {
    let layout = AxisLayout(shape: x.shape, axis: axis, op: "softmax")
    let value = Softmax.forward(x.value, layout: layout, logarithm: false)
    return Variable.recorded(value, from: [x]) { g in
        // dx = y ⊙ (g − s) with s = Σ_axis g ⊙ y.
        [Softmax.backward(g, value, layout: layout) { g, y, s in y * (g - s) } sum: { g, y in g * y }]
    }
}

/// The logarithm of the softmax along `axis`, computed stably as x − m − log Σ e^(x − m) with m = max x.
///
/// Pullback: dx = g − softmax(x) ⊙ Σ g, the sum taken along the axis.
///
/// - Parameters:
///   - x: a tensor of rank at least 1.
///   - axis: the axis to normalize; negative values count from the end (the default is the last axis).
/// - Returns: a variable of the same shape as `x`, every entry ≤ 0.
/// - Complexity: O(count) time, one exp per element.
public func logSoftmax(_ x: Variable, axis: Int = -1) -> Variable {
    let layout = AxisLayout(shape: x.shape, axis: axis, op: "logSoftmax")
    let value = Softmax.forward(x.value, layout: layout, logarithm: true)
    return Variable.recorded(value, from: [x]) { g in
        // dx = g − e^y ⊙ s with s = Σ_axis g.
        [Softmax.backward(g, value, layout: layout) { g, y, s in g - expf(y) * s } sum: { g, _ in g }]
    }
}

/// Softmax loops over the (outer, extent, inner) view of a tensor. Each outer block is (extent, inner) and is
/// walked row by row, with one running maximum and total per inner position, so that every pass reads
/// contiguous memory whichever axis is normalized.
enum Softmax {
    /// Softmax (or log-softmax when `logarithm`) of `x` along the layout's axis.
    static func forward(_ x: Tensor, layout: AxisLayout, logarithm: Bool) -> Tensor {
        let (extent, inner) = (layout.extent, layout.inner)
        guard extent > 0, inner > 0 else { return x }
        var result = [Float](repeating: 0, count: x.count)
        if inner == 1 { return forwardAlongRows(x, extent: extent, logarithm: logarithm) }
        var maxima = [Float](repeating: 0, count: inner)
        var totals = [Float](repeating: 0, count: inner)
        x.scalars.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                maxima.withUnsafeMutableBufferPointer { maximum in
                    totals.withUnsafeMutableBufferPointer { total in
                        for o in 0..<layout.outer {
                            let block = o * extent * inner
                            for i in 0..<inner { maximum[i] = input[block + i] }
                            for a in 1..<extent {
                                let row = block + a * inner
                                for i in 0..<inner { maximum[i] = max(maximum[i], input[row + i]) }
                            }
                            for i in 0..<inner { total[i] = 0 }
                            for a in 0..<extent {
                                let row = block + a * inner
                                for i in 0..<inner {
                                    let e = expf(input[row + i] - maximum[i])
                                    output[row + i] = e
                                    total[i] += e
                                }
                            }
                            if logarithm {
                                for i in 0..<inner { total[i] = maximum[i] + logf(total[i]) }  // the shift
                                for a in 0..<extent {
                                    let row = block + a * inner
                                    for i in 0..<inner { output[row + i] = input[row + i] - total[i] }
                                }
                            } else {
                                for i in 0..<inner { total[i] = 1 / total[i] }
                                for a in 0..<extent {
                                    let row = block + a * inner
                                    for i in 0..<inner { output[row + i] *= total[i] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: x.shape, scalars: result)
    }

    /// The forward pass along the last axis: contiguous rows of `extent` elements.
    static func forwardAlongRows(_ x: Tensor, extent: Int, logarithm: Bool) -> Tensor {
        var result = [Float](repeating: 0, count: x.count)
        x.scalars.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                for row in stride(from: 0, to: input.count, by: extent) {
                    var maximum = input[row]
                    for a in 1..<extent { maximum = max(maximum, input[row + a]) }
                    var total: Float = 0
                    for a in 0..<extent {
                        let e = expf(input[row + a] - maximum)
                        output[row + a] = e
                        total += e
                    }
                    if logarithm {
                        let shift = maximum + logf(total)
                        for a in 0..<extent { output[row + a] = input[row + a] - shift }
                    } else {
                        let scale = 1 / total
                        for a in 0..<extent { output[row + a] *= scale }
                    }
                }
            }
        }
        return Tensor(shape: x.shape, scalars: result)
    }

    /// dx[a] = combine(g[a], y[a], Σ_b term(g[b], y[b])) along the layout's axis.
    @inline(__always)
    static func backward(
        _ g: Tensor, _ y: Tensor, layout: AxisLayout,
        combine: (Float, Float, Float) -> Float, sum term: (Float, Float) -> Float
    ) -> Tensor {
        let (extent, inner) = (layout.extent, layout.inner)
        var result = [Float](repeating: 0, count: g.count)
        guard extent > 0, inner > 0 else { return Tensor(shape: g.shape, scalars: result) }
        if inner == 1 {
            g.scalars.withUnsafeBufferPointer { gradient in
                y.scalars.withUnsafeBufferPointer { value in
                    result.withUnsafeMutableBufferPointer { output in
                        for row in stride(from: 0, to: gradient.count, by: extent) {
                            var total: Float = 0
                            for a in 0..<extent { total += term(gradient[row + a], value[row + a]) }
                            for a in 0..<extent {
                                output[row + a] = combine(gradient[row + a], value[row + a], total)
                            }
                        }
                    }
                }
            }
            return Tensor(shape: g.shape, scalars: result)
        }
        var totals = [Float](repeating: 0, count: inner)
        g.scalars.withUnsafeBufferPointer { gradient in
            y.scalars.withUnsafeBufferPointer { value in
                result.withUnsafeMutableBufferPointer { output in
                    totals.withUnsafeMutableBufferPointer { total in
                        for o in 0..<layout.outer {
                            let block = o * extent * inner
                            for i in 0..<inner { total[i] = 0 }
                            for a in 0..<extent {
                                let row = block + a * inner
                                for i in 0..<inner { total[i] += term(gradient[row + i], value[row + i]) }
                            }
                            for a in 0..<extent {
                                let row = block + a * inner
                                for i in 0..<inner {
                                    output[row + i] = combine(gradient[row + i], value[row + i], total[i])
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: g.shape, scalars: result)
    }
}

/// The softmax over the stored entries of each row of a sparse matrix: row r's values become
/// e^vₑ / Σ_{e' in row r} e^vₑ' (shifted by the row's maximum). Graph attention normalizes its per-edge scores
/// this way before ``sparseMatmul(_:values:_:)``.
///
/// Pullback: dvₑ = yₑ (gₑ − Σ_{e' in row r} gₑ' yₑ'), as for the dense softmax.
///
/// - Parameters:
///   - pattern: the stored entries; a row without entries contributes nothing.
///   - values: (nnz) in the pattern's order.
/// - Returns: (nnz); the entries of every non-empty row sum to 1.
/// - Complexity: O(nnz).
public func sparseSoftmax(_ pattern: SparsityPattern, values: Variable) -> Variable {
    precondition(
        values.shape == [pattern.nonzeroCount],
        "sparseSoftmax: values have shape \(values.shape) but the pattern stores \(pattern.nonzeroCount) entries")
    var result = [Float](repeating: 0, count: pattern.nonzeroCount)
    values.value.scalars.withUnsafeBufferPointer { v in
        for row in 0..<pattern.rows {
            let entries = Int(pattern.rowOffsets[row])..<Int(pattern.rowOffsets[row + 1])
            guard !entries.isEmpty else { continue }
            var maximum = -Float.infinity
            for e in entries { maximum = max(maximum, v[e]) }
            var total: Float = 0
            for e in entries {
                result[e] = expf(v[e] - maximum)
                total += result[e]
            }
            for e in entries { result[e] /= total }
        }
    }
    let value = Tensor(shape: [pattern.nonzeroCount], scalars: result)
    return Variable.recorded(value, from: [values]) { g in
        var gradient = [Float](repeating: 0, count: pattern.nonzeroCount)
        for row in 0..<pattern.rows {
            let entries = Int(pattern.rowOffsets[row])..<Int(pattern.rowOffsets[row + 1])
            var total: Float = 0
            for e in entries { total += g.scalars[e] * value.scalars[e] }
            for e in entries { gradient[e] = value.scalars[e] * (g.scalars[e] - total) }
        }
        return [Tensor(shape: [pattern.nonzeroCount], scalars: gradient)]
    }
}
