// Sums and means over axes.

extension Variable {
    /// The sum over `axes` (all axes when `nil`).
    ///
    /// - Parameters:
    ///   - axes: the axes to reduce; negative values count from the end.
    ///   - keepingDimensions: keep reduced axes with extent 1 (for broadcasting against the input).
    public func sum(axes: [Int]? = nil, keepingDimensions: Bool = false) -> Variable {
        let axes = normalizedAxes(axes, op: "sum")
        let value = Reduction.sum(self.value, axes: axes, keepingDimensions: keepingDimensions)
        let inputShape = shape
        return Variable.recorded(value, from: [self]) { g in
            var kept = inputShape
            for axis in axes { kept[axis] = 1 }
            let expanded = g.reshaped(kept)
            return [Kernels.broadcast(expanded, Tensor(zeros: inputShape), op: "sum") { x, _ in x }]
        }
    }

    /// The mean over `axes` (all axes when `nil`).
    public func mean(axes: [Int]? = nil, keepingDimensions: Bool = false) -> Variable {
        let axes = normalizedAxes(axes, op: "mean")
        let count = axes.reduce(1) { $0 * shape[$1] }
        return sum(axes: axes, keepingDimensions: keepingDimensions).scaled(by: 1 / Float(max(count, 1)))
    }

    func normalizedAxes(_ axes: [Int]?, op: String) -> [Int] {
        guard let axes else { return Array(0..<shape.count) }
        return axes.map { axis in
            let normalized = axis < 0 ? axis + shape.count : axis
            precondition(
                normalized >= 0 && normalized < shape.count,
                "\(op): axis \(axis) is out of range for shape \(shape)")
            return normalized
        }
    }
}
