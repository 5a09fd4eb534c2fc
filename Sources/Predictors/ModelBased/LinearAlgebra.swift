import CLAPACKE
import Foundation

/// Dense symmetric positive-definite solves through LAPACK (OpenBLAS's), for the Gaussian process and Bayesian
/// linear regression predictors. All matrices are row-major `[Double]`.
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

    /// X with `A X = right` for A = L Lᵀ given its lower Cholesky `factor` (n × n); `right` is n × k (dpotrs).
    ///
    /// - Complexity: O(n² k).
    static func choleskySolve(factor: [Double], size n: Int, right: [Double], columns k: Int) -> [Double] {
        precondition(factor.count == n * n && right.count == n * k, "LinearAlgebra: choleskySolve shapes")
        guard n > 0, k > 0 else { return right }
        var solution = right
        let status = factor.withUnsafeBufferPointer { factorBuffer in
            solution.withUnsafeMutableBufferPointer { buffer in
                LAPACKE_dpotrs(
                    LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), Int32(k), factorBuffer.baseAddress,
                    Int32(n), buffer.baseAddress, Int32(k))
            }
        }
        precondition(status == 0, "LinearAlgebra: dpotrs failed with status \(status)")
        return solution
    }

    /// X with `L X = right` for the lower-triangular `factor` L (n × n); `right` is n × k (dtrtrs).
    ///
    /// - Complexity: O(n² k).
    static func lowerTriangularSolve(factor: [Double], size n: Int, right: [Double], columns k: Int) -> [Double] {
        precondition(factor.count == n * n && right.count == n * k, "LinearAlgebra: lowerTriangularSolve shapes")
        guard n > 0, k > 0 else { return right }
        var solution = right
        let status = factor.withUnsafeBufferPointer { factorBuffer in
            solution.withUnsafeMutableBufferPointer { buffer in
                LAPACKE_dtrtrs(
                    LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "N")),
                    Int32(n), Int32(k), factorBuffer.baseAddress, Int32(n), buffer.baseAddress, Int32(k))
            }
        }
        precondition(status == 0, "LinearAlgebra: dtrtrs failed with status \(status) (a zero on the diagonal)")
        return solution
    }

    /// The inverse of A = L Lᵀ from its lower Cholesky `factor` (n × n).
    ///
    /// - Complexity: O(n³).
    static func choleskyInverse(factor: [Double], size n: Int) -> [Double] {
        var identity = [Double](repeating: 0, count: n * n)
        for index in 0..<n { identity[index * n + index] = 1 }
        return choleskySolve(factor: factor, size: n, right: identity, columns: n)
    }

    /// log det A = 2 Σ log Lᵢᵢ for A = L Lᵀ from its lower Cholesky `factor` (n × n).
    static func logDeterminant(factor: [Double], size n: Int) -> Double {
        (0..<n).reduce(0) { $0 + 2 * log(factor[$1 * n + $1]) }
    }
}
