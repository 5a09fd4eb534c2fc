/// A row-major shape seen as (outer, extent, inner) around one axis: element (o, a, i) sits at
/// `(o * extent + a) * inner + i`. Softmax, concatenation and slicing loop over this view.
struct AxisLayout {
    /// The product of the extents before the axis.
    let outer: Int
    /// The extent of the axis.
    let extent: Int
    /// The product of the extents after the axis.
    let inner: Int
    /// The axis, normalized to `0..<rank`.
    let axis: Int

    /// The layout of `shape` around `axis` (negative values count from the end).
    ///
    /// - Precondition: `axis` is in `-rank..<rank`; the message names `op`.
    init(shape: [Int], axis: Int, op: String) {
        let normalized = axis < 0 ? axis + shape.count : axis
        precondition(
            normalized >= 0 && normalized < shape.count,
            "\(op): axis \(axis) is out of range for shape \(shape)")
        self.axis = normalized
        outer = shape[..<normalized].reduce(1, *)
        extent = shape[normalized]
        inner = shape[(normalized + 1)...].reduce(1, *)
    }
}
