// Joining tensors along an axis and cutting them apart again. Each is a block copy over the
// (outer, extent, inner) view; the pullback of one is the other.

/// Joins `parts` along `axis`.
///
/// Pullback: each part receives its slice of the gradient.
///
/// - Parameters:
///   - parts: one or more variables of equal rank whose extents agree on every axis except `axis`.
///   - axis: the axis to join along; negative values count from the end.
/// - Returns: a variable whose extent along `axis` is the sum of the parts' extents.
/// - Complexity: O(total count).
public func concatenate(_ parts: [Variable], axis: Int) -> Variable {
    precondition(!parts.isEmpty, "concatenate: needs at least one part")
    let first = parts[0].shape
    let layout = AxisLayout(shape: first, axis: axis, op: "concatenate")
    for (position, part) in parts.enumerated() {
        let matches = part.rank == first.count
            && part.shape.indices.allSatisfy { $0 == layout.axis || part.shape[$0] == first[$0] }
        precondition(
            matches,
            "concatenate: part \(position) has shape \(part.shape) but part 0 has shape \(first); "
                + "they may differ only along axis \(layout.axis)")
    }
    let extents = parts.map { $0.shape[layout.axis] }
    var shape = first
    shape[layout.axis] = extents.reduce(0, +)
    var result = [Float](repeating: 0, count: shape.reduce(1, *))
    var offset = 0
    for (part, extent) in zip(parts, extents) {
        BlockCopy.copy(
            part.value.scalars, extent: extent, into: &result, at: offset, extent: shape[layout.axis],
            outer: layout.outer, inner: layout.inner)
        offset += extent
    }
    let value = Tensor(shape: shape, scalars: result)
    let joinedLayout = AxisLayout(shape: shape, axis: layout.axis, op: "concatenate")
    return Variable.recorded(value, from: parts) { g in
        var start = 0
        return extents.map { extent in
            defer { start += extent }
            return BlockCopy.slice(g, layout: joinedLayout, range: start..<(start + extent))
        }
    }
}

/// Cuts `x` along `axis` into consecutive pieces of the given sizes.
///
/// - Parameters:
///   - x: a variable of rank at least 1.
///   - sizes: non-negative extents that sum to `x`'s extent along `axis`.
///   - axis: the axis to cut; negative values count from the end.
/// - Returns: one variable per size, each a ``Variable/slice(axis:range:)`` of `x`.
/// - Complexity: O(count of x).
public func split(_ x: Variable, sizes: [Int], axis: Int) -> [Variable] {
    let layout = AxisLayout(shape: x.shape, axis: axis, op: "split")
    precondition(
        sizes.allSatisfy { $0 >= 0 } && sizes.reduce(0, +) == layout.extent,
        "split: sizes \(sizes) do not sum to extent \(layout.extent) of axis \(layout.axis) of shape \(x.shape)")
    var start = 0
    return sizes.map { size in
        defer { start += size }
        return x.slice(axis: layout.axis, range: start..<(start + size))
    }
}

extension Variable {
    /// The elements whose index along `axis` lies in `range`.
    ///
    /// Pullback: the gradient placed into the range, zeros elsewhere.
    ///
    /// - Parameters:
    ///   - axis: the axis to cut; negative values count from the end.
    ///   - range: a (possibly empty) range within `0...extent`.
    /// - Returns: a variable whose extent along `axis` is `range.count`.
    /// - Complexity: O(count of the result) forward, O(count of self) backward.
    public func slice(axis: Int, range: Range<Int>) -> Variable {
        let layout = AxisLayout(shape: shape, axis: axis, op: "slice")
        precondition(
            range.lowerBound >= 0 && range.upperBound <= layout.extent,
            "slice: range \(range) is out of bounds for extent \(layout.extent) of axis \(layout.axis) of shape \(shape)")
        let value = BlockCopy.slice(self.value, layout: layout, range: range)
        let inputShape = shape
        return Variable.recorded(value, from: [self]) { g in
            var result = [Float](repeating: 0, count: inputShape.reduce(1, *))
            BlockCopy.copy(
                g.scalars, extent: range.count, into: &result, at: range.lowerBound, extent: layout.extent,
                outer: layout.outer, inner: layout.inner)
            return [Tensor(shape: inputShape, scalars: result)]
        }
    }
}

/// Copies of blocks along an axis of the (outer, extent, inner) view.
enum BlockCopy {
    /// Copies `source` (outer, sourceExtent, inner) into `destination` (outer, destinationExtent, inner) at
    /// `offset` along the middle axis.
    static func copy(
        _ source: [Float], extent sourceExtent: Int, into destination: inout [Float], at offset: Int,
        extent destinationExtent: Int, outer: Int, inner: Int
    ) {
        let block = sourceExtent * inner
        guard block > 0 else { return }
        source.withUnsafeBufferPointer { input in
            destination.withUnsafeMutableBufferPointer { output in
                for o in 0..<outer {
                    let from = input.baseAddress! + o * block
                    let to = output.baseAddress! + (o * destinationExtent + offset) * inner
                    to.update(from: from, count: block)
                }
            }
        }
    }

    /// The part of `x` whose index along the layout's axis lies in `range`.
    static func slice(_ x: Tensor, layout: AxisLayout, range: Range<Int>) -> Tensor {
        var shape = x.shape
        shape[layout.axis] = range.count
        let block = range.count * layout.inner
        var result = [Float](repeating: 0, count: layout.outer * block)
        if block > 0 {
            x.scalars.withUnsafeBufferPointer { input in
                result.withUnsafeMutableBufferPointer { output in
                    for o in 0..<layout.outer {
                        let from = input.baseAddress! + (o * layout.extent + range.lowerBound) * layout.inner
                        (output.baseAddress! + o * block).update(from: from, count: block)
                    }
                }
            }
        }
        return Tensor(shape: shape, scalars: result)
    }
}
