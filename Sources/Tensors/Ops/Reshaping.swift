// Ops that move elements without changing them.

extension Variable {
    /// The same elements under another shape; one extent may be -1 to be inferred.
    public func reshaped(_ newShape: [Int]) -> Variable {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != inferred }.reduce(1) { $0 * $1.element }
            precondition(
                known > 0 && value.count % known == 0,
                "reshape: cannot view shape \(shape) as \(newShape)")
            resolved[inferred] = value.count / known
        }
        let inputShape = shape
        return Variable.recorded(value.reshaped(resolved), from: [self]) { g in [g.reshaped(inputShape)] }
    }

    /// Flattens every axis after the first: (N, ...) to (N, rest).
    public func flattened() -> Variable {
        reshaped([shape.first ?? 1, -1])
    }

    /// The transpose of a rank-2 variable.
    public func transposed() -> Variable {
        precondition(rank == 2, "transposed: needs a rank-2 variable, got shape \(shape)")
        return Variable.recorded(Transposition.transpose(value), from: [self]) { g in [Transposition.transpose(g)] }
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }
}

/// Transposition of rank-2 tensors.
public enum Transposition {
    /// The transpose of a (rows, columns) tensor.
    public static func transpose(_ x: Tensor) -> Tensor {
        precondition(x.rank == 2, "transpose: needs rank 2, got shape \(x.shape)")
        let rows = x.shape[0]
        let columns = x.shape[1]
        var result = [Float](repeating: 0, count: x.count)
        x.scalars.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                for i in 0..<rows {
                    for j in 0..<columns { output[j * rows + i] = input[i * columns + j] }
                }
            }
        }
        return Tensor(shape: [columns, rows], scalars: result)
    }
}
