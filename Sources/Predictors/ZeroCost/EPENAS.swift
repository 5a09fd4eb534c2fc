import Foundation

/// EPE-NAS (Lopes, Alirezazadeh & Alexandre, "EPE-NAS: Efficient Performance Estimation Without Training for
/// Neural Architecture Search", ICANN 2021; `epe_nas` of NAS-Bench-Suite-Zero): how differently the input
/// Jacobians of the images of each class vary, summed over classes.
///
/// With J the per-example input Jacobians (``InputJacobian``, as for ``JacobianCovariance``) and C_c the row
/// correlation of the Jacobians of class c's images, class c scores s_c = Σ_{i,j} log(|C_c[i, j]| + k), k = 1e-5.
/// With at most 100 classes (the network's outputs) the score is Σ_c |s_c|; with more, s_c is divided by the
/// class's image count and the score is Σ_c Σ_c' |s_c − s_c'| / (classes seen).
///
/// Line mapping to NASLib `measures/epe_nas.py` (from the authors' `search.py`):
/// - `get_batch_jacobian`: `y.backward(torch.ones_like(y))`, `x.grad`, `n_classes = y.shape[-1]` →
///   ``InputJacobian`` (training mode, batch statistics);
/// - `eval_score_perclass`: `per_class[label]`, rows stacked by label in order of first appearance →
///   ``classRows(labels:)``; `np.corrcoef(per_class[c])` → ``JacobianCovariance/correlation(of:rows:columns:)``,
///   clipped to [−1, 1] as NumPy does; a class with one image has the 1-D array's correlation 1 (NaN for a
///   constant row), so s_c = log(1 + k); `np.sum(np.log(abs(corrs) + k))` → s_c; `if n_classes > 100:
///   s /= len(corrs)`, where `len` of a one-image class's 0-d array raises and the `except: continue` leaves the
///   class out → the same here;
/// - `score += np.absolute(...)` (B) for n_classes ≤ 100, the pairwise differences divided by the classes seen
///   (A) otherwise → ``score(jacobian:rows:columns:labels:outputCount:)``;
/// - a constant Jacobian row makes its class's correlation NaN, which propagates to the score (NumPy's `nan`);
///   the score is returned as NaN, as the reference's (NASLib's `ZeroCost.query` later maps NaN to −10⁸; here
///   rank correlations leave NaN pairs out).
enum EPENAS {
    /// k, added to |C| before the logarithm.
    static let correlationOffset = 1e-5
    /// Above this many classes (the network's outputs) the reference normalises per class and compares classes
    /// pairwise (its branch A).
    static let pairwiseClassThreshold = 100

    /// The score of a computed Jacobian pass for the labels of its batch.
    static func score(_ jacobian: InputJacobian, labels: [Int32]) -> Double {
        score(
            jacobian: jacobian.values, rows: jacobian.rows, columns: jacobian.columns, labels: labels,
            outputCount: jacobian.outputCount)
    }

    /// The score of `jacobian` (rows x columns), row i belonging to class `labels[i]`.
    ///
    /// - Complexity: O(Σ_c n_c² · columns) for the per-class correlations, O(classes²) for branch A.
    static func score(jacobian: [Float], rows: Int, columns: Int, labels: [Int32], outputCount: Int) -> Double {
        precondition(labels.count == rows, "EPENAS: \(labels.count) labels for \(rows) Jacobian rows")
        let isPairwise = outputCount > pairwiseClassThreshold
        var classScores: [Double] = []
        for members in classRows(labels: labels) {
            if isPairwise && members.count == 1 { continue }  // the reference's len() of a 0-d array raises
            var matrix: [Float] = []
            matrix.reserveCapacity(members.count * columns)
            for row in members { matrix += jacobian[(row * columns)..<((row + 1) * columns)] }
            let correlation = JacobianCovariance.correlation(of: matrix, rows: members.count, columns: columns)
            var classScore = correlation.entries.reduce(0.0) { total, value in
                total + Foundation.log(Swift.min(Swift.abs(value), 1) + correlationOffset)
            }
            if correlation.entries.contains(where: \.isNaN) { classScore = .nan }
            if isPairwise { classScore /= Double(members.count) }
            classScores.append(classScore)
        }
        var score = 0.0
        if isPairwise {
            for first in classScores {
                for second in classScores { score += Swift.abs(first - second) }
            }
            if !classScores.isEmpty { score /= Double(classScores.count) }
        } else {
            score = classScores.reduce(0) { $0 + Swift.abs($1) }
        }
        return score.isFinite ? score : .nan
    }

    /// The rows of each class, classes in order of their first row (the reference's dictionary order).
    static func classRows(labels: [Int32]) -> [[Int]] {
        var order: [Int32] = []
        var rowsByClass: [Int32: [Int]] = [:]
        for (row, label) in labels.enumerated() {
            if rowsByClass[label] == nil { order.append(label) }
            rowsByClass[label, default: []].append(row)
        }
        return order.map { rowsByClass[$0]! }
    }
}
