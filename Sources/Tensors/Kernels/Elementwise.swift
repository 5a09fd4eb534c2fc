/// Elementwise loops over contiguous buffers, with broadcasting for binary operations.
enum Kernels {
    /// Applies `body` to every element.
    @inline(__always)
    static func map(_ x: Tensor, _ body: (Float) -> Float) -> Tensor {
        var result = [Float](repeating: 0, count: x.count)
        x.scalars.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                for i in 0..<input.count { output[i] = body(input[i]) }
            }
        }
        return Tensor(shape: x.shape, scalars: result)
    }

    /// Applies `body` to pairs of elements of two tensors of equal shape.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, op: String, _ body: (Float, Float) -> Float) -> Tensor {
        precondition(a.shape == b.shape, "\(op): shapes \(a.shape) and \(b.shape) differ")
        var result = [Float](repeating: 0, count: a.count)
        a.scalars.withUnsafeBufferPointer { x in
            b.scalars.withUnsafeBufferPointer { y in
                result.withUnsafeMutableBufferPointer { output in
                    for i in 0..<x.count { output[i] = body(x[i], y[i]) }
                }
            }
        }
        return Tensor(shape: a.shape, scalars: result)
    }

    /// Applies `body` to pairs of elements of two broadcast-compatible tensors.
    @inline(__always)
    static func broadcast(_ a: Tensor, _ b: Tensor, op: String, _ body: (Float, Float) -> Float) -> Tensor {
        if a.shape == b.shape { return zip(a, b, op: op, body) }
        let shape = Broadcasting.shape(a.shape, b.shape, op: op)
        let count = shape.reduce(1, *)
        var result = [Float](repeating: 0, count: count)
        // Fast paths: one side is a single element, or one side's shape is a suffix that repeats.
        if b.count == 1, a.count == count {
            let y = b.scalars[0]
            return map(a) { body($0, y) }.reshaped(shape)
        }
        if a.count == 1, b.count == count {
            let x = a.scalars[0]
            return map(b) { body(x, $0) }.reshaped(shape)
        }
        let aStrides = Broadcasting.strides(of: a.shape, in: shape)
        let bStrides = Broadcasting.strides(of: b.shape, in: shape)
        let rank = shape.count
        let inner = shape[rank - 1]
        let aInner = aStrides[rank - 1]
        let bInner = bStrides[rank - 1]
        a.scalars.withUnsafeBufferPointer { x in
            b.scalars.withUnsafeBufferPointer { y in
                result.withUnsafeMutableBufferPointer { output in
                    var index = [Int](repeating: 0, count: rank)
                    var aOffset = 0
                    var bOffset = 0
                    var position = 0
                    while position < count {
                        for j in 0..<inner {
                            output[position + j] = body(x[aOffset + j * aInner], y[bOffset + j * bInner])
                        }
                        position += inner
                        // Advance the multi-index over the outer axes.
                        var axis = rank - 2
                        while axis >= 0 {
                            index[axis] += 1
                            aOffset += aStrides[axis]
                            bOffset += bStrides[axis]
                            if index[axis] < shape[axis] { break }
                            aOffset -= aStrides[axis] * shape[axis]
                            bOffset -= bStrides[axis] * shape[axis]
                            index[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
        }
        return Tensor(shape: shape, scalars: result)
    }

    /// `a + b` for equal shapes (gradient accumulation).
    static func add(_ a: Tensor, _ b: Tensor) -> Tensor {
        zip(a, b, op: "add") { $0 + $1 }
    }

    /// `a += b` for equal shapes, in place (gradient accumulation).
    static func addInPlace(_ a: inout Tensor, _ b: Tensor) {
        enforce(a.shape == b.shape, "add: shapes \(a.shape) and \(b.shape) differ")
        a.scalars.withUnsafeMutableBufferPointer { x in
            b.scalars.withUnsafeBufferPointer { y in
                for i in 0..<x.count { x[i] += y[i] }
            }
        }
    }

    /// `g · x` (broadcast) summed back to `shape`: the gradient of one factor of a product, given the other.
    ///
    /// When `shape` has one element and `g` and `x` have the same shape (a scalar weight times a tensor), it
    /// sums the products directly instead of materialising them, in the order ``sum(_:toShape:)`` would (row
    /// totals over the last axis, added up row by row), so the result is the same to the bit.
    static func product(_ g: Tensor, _ x: Tensor, summedTo shape: [Int]) -> Tensor {
        guard shape.reduce(1, *) == 1, g.shape == x.shape, g.shape != shape, g.rank > 0, g.count > 0 else {
            return sum(broadcast(g, x, op: "multiply") { $0 * $1 }, toShape: shape)
        }
        let inner = g.shape[g.rank - 1]
        var result: Float = 0
        g.scalars.withUnsafeBufferPointer { g in
            x.scalars.withUnsafeBufferPointer { x in
                var position = 0
                while position < g.count {
                    var total: Float = 0
                    for j in position..<(position + inner) { total += g[j] * x[j] }
                    result += total
                    position += inner
                }
            }
        }
        return Tensor(shape: shape, scalars: [result])
    }

    /// Sums `gradient` over the axes along which `shape` was broadcast to `gradient.shape`: the adjoint of
    /// broadcasting.
    static func sum(_ gradient: Tensor, toShape shape: [Int]) -> Tensor {
        if gradient.shape == shape { return gradient }
        let rank = gradient.rank
        let padded = [Int](repeating: 1, count: rank - shape.count) + shape
        let axes = (0..<rank).filter { padded[$0] == 1 && gradient.shape[$0] != 1 }
        return Reduction.sum(gradient, axes: axes, keepingDimensions: true).reshaped(shape)
    }
}
