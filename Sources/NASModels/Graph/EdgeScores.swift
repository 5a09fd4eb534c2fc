import Tensors

/// The score of every stored entry (i, j) of a sparse pattern from per-node scores: target[i] + source[j].
///
/// Graph attention (Veličković et al. 2018; PyTorch Geometric's `GATConv`) scores the edge from node j to node
/// i as a_dstᵀ W x_i + a_srcᵀ W x_j; this op lays the two node terms out on the edges, in the pattern's order,
/// ready for a leaky ReLU and ``sparseSoftmax(_:values:)``.
///
/// Pullback, with upstream gradient g (nnz): d target[i] = Σ_{e in row i} g[e] and d source[j] = Σ_{e with
/// column j} g[e] (scatter-adds).
///
/// - Parameters:
///   - pattern: the (N × N) entries; row i is the target, column j the source.
///   - target: (N), the score of each node as a target.
///   - source: (N), the score of each node as a source.
/// - Returns: (nnz).
/// - Complexity: O(nnz) forward and backward.
public func edgeScores(_ pattern: SparsityPattern, target: Variable, source: Variable) -> Variable {
    precondition(
        target.shape == [pattern.rows] && source.shape == [pattern.columns],
        "edgeScores: target \(target.shape) and source \(source.shape) do not match a \(pattern.rows) x \(pattern.columns) pattern; expected (\(pattern.rows)) and (\(pattern.columns))")
    var result = [Float](repeating: 0, count: pattern.nonzeroCount)  // (nnz)
    let (targetScores, sourceScores) = (target.value.scalars, source.value.scalars)
    for row in 0..<pattern.rows {
        for e in Int(pattern.rowOffsets[row])..<Int(pattern.rowOffsets[row + 1]) {
            result[e] = targetScores[row] + sourceScores[Int(pattern.columnIndices[e])]
        }
    }
    let value = Tensor(shape: [pattern.nonzeroCount], scalars: result)
    return Variable.recorded(value, from: [target, source]) { g in
        var targetGradient = [Float](repeating: 0, count: pattern.rows)  // (N)
        var sourceGradient = [Float](repeating: 0, count: pattern.columns)  // (N)
        for row in 0..<pattern.rows {
            for e in Int(pattern.rowOffsets[row])..<Int(pattern.rowOffsets[row + 1]) {
                targetGradient[row] += g.scalars[e]
                sourceGradient[Int(pattern.columnIndices[e])] += g.scalars[e]
            }
        }
        return [
            Tensor(shape: [pattern.rows], scalars: targetGradient),
            Tensor(shape: [pattern.columns], scalars: sourceGradient),
        ]
    }
}
