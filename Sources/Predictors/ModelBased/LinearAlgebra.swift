import CLAPACKE

/// Dense symmetric positive-definite solves through LAPACK (OpenBLAS's), for the Gaussian process and Bayesian
/// linear regression predictors.
enum LinearAlgebra {
    /// The lower Cholesky factor L of the symmetric positive-definite `matrix` (n × n, row-major), with
    /// `matrix = L Lᵀ`, or `nil` when the matrix is not positive definite.
    ///
    /// - Complexity: O(n³).
    static func choleskyFactor(_ matrix: [Double], size n: Int) -> [Double]? {
        precondition(matrix.count == n * n, "LinearAlgebra: a \(n) x \(n) matrix needs \(n * n) values")
        var factor = matrix
        let status = factor.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_dpotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), buffer.baseAddress, Int32(n))
        }
        guard status == 0 else { return nil }
        for row in 0..<n { for column in (row + 1)..<n { factor[row * n + column] = 0 } }
        return factor
    }
}
