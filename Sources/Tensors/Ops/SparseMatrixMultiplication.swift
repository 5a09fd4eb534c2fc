/// The product of a sparse (rows × columns) matrix, given by `pattern` and `values`, and a dense
/// (columns, F) matrix: (rows, F).
///
/// Forward: out[r] = Σ_{e in row r} values[e] · dense[column(e)], a loop over the CSR rows.
/// Pullback, with upstream gradient G (rows, F):
/// - d values[e] = ⟨G[r], dense[column(e)]⟩ for the entry e at (r, column(e)): the per-edge dot product
///   (the gradient with respect to GAT attention coefficients);
/// - d dense = Aᵀ G, computed by scattering values[e] · G[r] into row column(e).
///
/// - Parameters:
///   - pattern: the stored entries A's values sit on.
///   - values: the stored values, (nnz) in the pattern's order.
///   - dense: (columns, F).
/// - Returns: (rows, F).
/// - Complexity: O(nnz · F) forward, and the same for each gradient.
public func sparseMatmul(_ pattern: SparsityPattern, values: Variable, _ dense: Variable) -> Variable {
    precondition(
        values.shape == [pattern.nonzeroCount],
        "sparseMatmul: values have shape \(values.shape) but the pattern stores \(pattern.nonzeroCount) entries")
    precondition(
        dense.rank == 2 && dense.shape[0] == pattern.columns,
        "sparseMatmul: dense has shape \(dense.shape) but a \(pattern.rows) x \(pattern.columns) sparse matrix needs (\(pattern.columns), F)")
    let (rows, width) = (pattern.rows, dense.shape[1])
    var result = [Float](repeating: 0, count: rows * width)  // (rows, F)
    pattern.rowOffsets.withUnsafeBufferPointer { offsets in
        pattern.columnIndices.withUnsafeBufferPointer { columns in
            values.value.scalars.withUnsafeBufferPointer { v in
                dense.value.scalars.withUnsafeBufferPointer { b in
                    result.withUnsafeMutableBufferPointer { output in
                        for row in 0..<rows {
                            let target = row * width
                            for e in Int(offsets[row])..<Int(offsets[row + 1]) {
                                let (weight, source) = (v[e], Int(columns[e]) * width)
                                for j in 0..<width { output[target + j] += weight * b[source + j] }
                            }
                        }
                    }
                }
            }
        }
    }
    let value = Tensor(shape: [rows, width], scalars: result)
    return Variable.recorded(value, from: [values, dense]) { g in
        var valueGradient = [Float](repeating: 0, count: pattern.nonzeroCount)  // (nnz)
        var denseGradient = [Float](repeating: 0, count: pattern.columns * width)  // (columns, F)
        pattern.rowOffsets.withUnsafeBufferPointer { offsets in
            pattern.columnIndices.withUnsafeBufferPointer { columns in
                values.value.scalars.withUnsafeBufferPointer { v in
                    dense.value.scalars.withUnsafeBufferPointer { b in
                        g.scalars.withUnsafeBufferPointer { upstream in
                            valueGradient.withUnsafeMutableBufferPointer { dv in
                                denseGradient.withUnsafeMutableBufferPointer { db in
                                    for row in 0..<rows {
                                        let target = row * width
                                        for e in Int(offsets[row])..<Int(offsets[row + 1]) {
                                            let (weight, source) = (v[e], Int(columns[e]) * width)
                                            var dot: Float = 0
                                            for j in 0..<width {
                                                dot += upstream[target + j] * b[source + j]
                                                db[source + j] += weight * upstream[target + j]
                                            }
                                            dv[e] = dot
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return [
            Tensor(shape: [pattern.nonzeroCount], scalars: valueGradient),
            Tensor(shape: [pattern.columns, width], scalars: denseGradient),
        ]
    }
}
