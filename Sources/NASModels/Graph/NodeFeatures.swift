import Tensors

/// The features of every node: the graph's sparse input matrix, or a dense matrix computed by a layer.
///
/// A network's input (Planetoid's row-normalised bag of words) is about 1% dense, so the layers that read it
/// multiply it as a sparse matrix; every layer's output is dense (N, width).
public enum NodeFeatures {
    /// A sparse (N × F) matrix: its pattern and values (nnz), the values possibly recorded (after dropout).
    case sparse(SparsityPattern, values: Variable)
    /// A dense (N, F) matrix.
    case dense(Variable)

    /// The number of features F.
    public var width: Int {
        switch self {
        case .sparse(let pattern, _): pattern.columns
        case .dense(let matrix): matrix.shape[1]
        }
    }

    /// The tape the features are recorded on, if any.
    var tape: Tape? {
        switch self {
        case .sparse(_, let values): values.tape
        case .dense(let matrix): matrix.tape
        }
    }

    /// X · W for a weight W (F, out): (N, out).
    ///
    /// - Complexity: O(nnz · out) for sparse features, O(N · F · out) for dense ones.
    func multiplied(by weight: Variable) -> Variable {
        switch self {
        case .sparse(let pattern, let values): sparseMatmul(pattern, values: values, weight)
        case .dense(let matrix): matmul(matrix, weight)
        }
    }
}
