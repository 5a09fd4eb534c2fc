import Tensors

/// The node features as a sparse matrix, as stored (0/1) or row-normalised.
///
/// PyTorch Geometric's `NormalizeFeatures` transform (in PyG's own Planetoid examples) divides every row of the
/// feature matrix by its sum, clamped below at 1 so that an all-zero row stays zero: x[i, :] / max(1, Σⱼ x[i, j]).
/// The Planetoid features are 0/1, so each of a node's k ones becomes 1/k. The matrix is about 1% dense (Cora:
/// 49,216 ones in 2,708 × 1,433), so it is kept sparse: the first layer multiplies it with
/// ``sparseMatmul(_:values:_:)`` in O(nnz · width).
extension PlanetoidGraph {
    /// The (N × F) feature matrix: its pattern (each node's feature columns) and values in the pattern's order,
    /// 1 for the stored 0/1 features, or 1/k for a node with k features when `normalized` (PyG's
    /// `NormalizeFeatures`).
    ///
    /// - Complexity: O(nnz).
    public func features(normalized: Bool) -> (pattern: SparsityPattern, values: Tensor) {
        var offsets: [Int32] = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        for row in featureColumns {
            columns += row
            values += [Float](repeating: normalized ? 1 / Float(max(1, row.count)) : 1, count: row.count)
            offsets.append(Int32(columns.count))
        }
        let pattern = SparsityPattern(
            rows: nodeCount, columns: featureCount, rowOffsets: offsets, columnIndices: columns)
        return (pattern, Tensor(shape: [values.count], scalars: values))
    }
}
