import Foundation

/// A small dense symmetric matrix in Double, with the two factorisations the kernel proxies need (eigenvalues
/// for ``JacobianCovariance``, the log-determinant for ``NASWOT``). Sizes are the batch size (tens), so plain
/// loops suffice.
struct SymmetricMatrix: Hashable {
    /// n.
    let size: Int
    /// Row-major entries, (n, n).
    var entries: [Double]

    init(size: Int, entries: [Double]) {
        precondition(entries.count == size * size, "SymmetricMatrix: \(entries.count) entries for size \(size)")
        self.size = size
        self.entries = entries
    }

    subscript(row: Int, column: Int) -> Double {
        get { entries[row * size + column] }
        set { entries[row * size + column] = newValue }
    }

    /// The eigenvalues, ascending, by cyclic Jacobi rotations until the off-diagonal mass is below 1e-22 of the
    /// total (or 100 sweeps).
    ///
    /// - Complexity: O(n³) per sweep; a handful of sweeps.
    func eigenvalues() -> [Double] {
        var a = self
        let n = size
        let total = entries.reduce(0) { $0 + $1 * $1 }
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for p in 0..<n { for q in 0..<n where p != q { offDiagonal += a[p, q] * a[p, q] } }
            if offDiagonal <= 1e-22 * total || offDiagonal == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p, q] != 0 {
                    // The rotation that zeroes a[p, q] (Golub & Van Loan, Algorithm 8.5.1).
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let (akp, akq) = (a[k, p], a[k, q])
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let (apk, aqk) = (a[p, k], a[q, k])
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                }
            }
        }
        return (0..<n).map { a[$0, $0] }.sorted()
    }

    /// log |det|, by LU decomposition with partial pivoting (numpy's `slogdet`'s second value); −∞ when singular.
    ///
    /// - Complexity: O(n³).
    func logAbsoluteDeterminant() -> Double {
        var a = entries
        let n = size
        var result = 0.0
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<n where Swift.abs(a[row * n + column]) > Swift.abs(a[pivot * n + column]) {
                pivot = row
            }
            if a[pivot * n + column] == 0 { return -.infinity }
            if pivot != column {
                for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
            }
            let diagonal = a[column * n + column]
            result += Foundation.log(Swift.abs(diagonal))
            for row in (column + 1)..<n {
                let factor = a[row * n + column] / diagonal
                if factor == 0 { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
            }
        }
        return result
    }
}
