/// NumPy broadcasting rules: shapes are aligned at their last dimension; each pair of extents must be equal or
/// one of them 1.
enum Broadcasting {
    /// The broadcast shape of `a` and `b`, or a precondition failure naming the op and both shapes.
    static func shape(_ a: [Int], _ b: [Int], op: String) -> [Int] {
        switch result(a, b) {
        case .success(let shape): return shape
        case .failure(let error): preconditionFailure("\(op): \(error.message)")
        }
    }

    /// The broadcast shape of `a` and `b`, or why they cannot be broadcast.
    static func result(_ a: [Int], _ b: [Int]) -> Result<[Int], ShapeError> {
        let rank = max(a.count, b.count)
        var shape = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let x = axis - (rank - a.count) >= 0 ? a[axis - (rank - a.count)] : 1
            let y = axis - (rank - b.count) >= 0 ? b[axis - (rank - b.count)] : 1
            if x == y || y == 1 {
                shape[axis] = x
            } else if x == 1 {
                shape[axis] = y
            } else {
                return .failure(ShapeError(
                    message: "shapes \(a) and \(b) cannot be broadcast: axis \(axis) of the aligned shapes is \(x) in one and \(y) in the other"))
            }
        }
        return .success(shape)
    }

    /// Row-major strides of `shape` as seen from a broadcast `target` shape: 0 on broadcast (or missing) axes.
    static func strides(of shape: [Int], in target: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: target.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            let targetAxis = axis + target.count - shape.count
            strides[targetAxis] = shape[axis] == 1 ? 0 : step
            step *= shape[axis]
        }
        return strides
    }
}

/// A description of incompatible shapes, for error messages.
public struct ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the shapes involved.
    public let message: String
    public var description: String { message }
}
