import Foundation
import Layers
import Tensors

/// Jacobian covariance (Mellor et al., "Neural Architecture Search without Training", 2020 preprint v1;
/// `jacob_cov` of Abdelfattah et al. 2021): how differently the network's input Jacobians vary across a batch.
///
/// Line mapping to zero-cost-nas `measures/jacob_cov.py`:
/// - `get_batch_jacobian`: `y = net(x)`, `y.backward(torch.ones_like(y))`, `jacob = x.grad` → J
///   (``InputJacobian``), row i the gradient of Σ_k f(x)_{i,k} with respect to image i (training mode, batch
///   statistics);
/// - `eval_score`: `corrs = np.corrcoef(jacob)` → C, the correlation of the rows (``correlation(of:rows:columns:)``);
///   `v = np.linalg.eig(corrs)`, `k = 1e-5` → the eigenvalues λ; `-np.sum(np.log(v + k) + 1./(v + k))` → the score.
///
/// A non-finite value (a constant row makes C undefined, a negative eigenvalue below −k makes the logarithm
/// undefined) is returned as NaN, as the reference's `np.nan`.
enum JacobianCovariance {
    /// k, added to the eigenvalues.
    static let eigenvalueOffset = 1e-5

    /// The score of `network` on `batch`.
    ///
    /// - Complexity: one forward and backward pass, O(N² D) for the correlation, O(N³) for the eigenvalues.
    static func score(_ network: some Layer, batch: ZeroCostBatch) -> Double {
        score(InputJacobian(network: network, batch: batch))
    }

    /// The score of a computed Jacobian pass (shared with ``EPENAS`` by ``ZeroCostScorer``).
    static func score(_ jacobian: InputJacobian) -> Double {
        score(jacobian: jacobian.values, rows: jacobian.rows, columns: jacobian.columns)
    }

    /// −Σ log(λ + k) + 1/(λ + k) for the eigenvalues λ of the row correlation of `jacobian` (rows x columns).
    static func score(jacobian: [Float], rows: Int, columns: Int) -> Double {
        let eigenvalues = correlation(of: jacobian, rows: rows, columns: columns).eigenvalues()
        let score = -eigenvalues.reduce(0) { total, value in
            total + Foundation.log(value + eigenvalueOffset) + 1 / (value + eigenvalueOffset)
        }
        return score.isFinite ? score : .nan
    }

    /// Pearson correlation between rows, as `np.corrcoef` (means over each row's columns), in Double.
    static func correlation(of matrix: [Float], rows: Int, columns: Int) -> SymmetricMatrix {
        var centered = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            let slice = matrix[(row * columns)..<((row + 1) * columns)]
            let mean = slice.reduce(0) { $0 + Double($1) } / Double(columns)
            for (offset, value) in slice.enumerated() { centered[row * columns + offset] = Double(value) - mean }
        }
        var covariance = SymmetricMatrix(size: rows, entries: [Double](repeating: 0, count: rows * rows))
        centered.withUnsafeBufferPointer { x in
            for i in 0..<rows {
                for j in i..<rows {
                    var sum = 0.0
                    for k in 0..<columns { sum += x[i * columns + k] * x[j * columns + k] }
                    covariance[i, j] = sum
                    covariance[j, i] = sum
                }
            }
        }
        var correlation = covariance
        for i in 0..<rows {
            for j in 0..<rows {
                correlation[i, j] = covariance[i, j] / (covariance[i, i] * covariance[j, j]).squareRoot()
            }
        }
        return correlation
    }
}
