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

/// Softmax loops over the (outer, extent, inner) view of a tensor.
enum Softmax {
    /// Softmax (or log-softmax when `logarithm`) of `x` along the layout's axis.
    static func forward(_ x: Tensor, layout: AxisLayout, logarithm: Bool) -> Tensor {
        var result = [Float](repeating: 0, count: x.count)
        let (extent, inner) = (layout.extent, layout.inner)
        guard extent > 0 else { return x }
        x.scalars.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                for o in 0..<layout.outer {
                    for i in 0..<inner {
                        let start = o * extent * inner + i
                        var maximum = -Float.infinity
                        for a in 0..<extent { maximum = max(maximum, input[start + a * inner]) }
                        var total: Float = 0
                        for a in 0..<extent {
                            let e = expf(input[start + a * inner] - maximum)
                            output[start + a * inner] = e
                            total += e
                        }
                        if logarithm {
                            let shift = maximum + logf(total)
                            for a in 0..<extent { output[start + a * inner] = input[start + a * inner] - shift }
                        } else {
                            let scale = 1 / total
                            for a in 0..<extent { output[start + a * inner] *= scale }
                        }
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
        var result = [Float](repeating: 0, count: g.count)
        let (extent, inner) = (layout.extent, layout.inner)
        g.scalars.withUnsafeBufferPointer { gradient in
            y.scalars.withUnsafeBufferPointer { value in
                result.withUnsafeMutableBufferPointer { output in
                    for o in 0..<layout.outer {
                        for i in 0..<inner {
                            let start = o * extent * inner + i
                            var total: Float = 0
                            for a in 0..<extent {
                                total += term(gradient[start + a * inner], value[start + a * inner])
                            }
                            for a in 0..<extent {
                                let index = start + a * inner
                                output[index] = combine(gradient[index], value[index], total)
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
