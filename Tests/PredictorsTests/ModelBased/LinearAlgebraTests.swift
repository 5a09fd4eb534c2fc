import Foundation
import Testing

@testable import Predictors

@Suite("LinearAlgebra")
struct LinearAlgebraTests {
    // A = L Lᵀ with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]], the textbook example (Trefethen & Bau's form).
    static let matrix: [Double] = [4, 12, -16, 12, 37, -43, -16, -43, 98]
    static let factor: [Double] = [2, 0, 0, 6, 1, 0, -8, 5, 3]

    @Test("dpotrf gives the known lower factor; a matrix that is not positive definite gives nil")
    func cholesky() {
        #expect(LinearAlgebra.choleskyFactor(Self.matrix, size: 3) == Self.factor)
        #expect(LinearAlgebra.choleskyFactor([1, 2, 2, 1], size: 2) == nil)
        #expect(abs(LinearAlgebra.logDeterminant(factor: Self.factor, size: 3) - log(36)) < 1e-12)  // det A = (2·1·3)²
    }

    @Test("dpotrs solves A X = B for two right-hand sides; dtrtrs solves L X = B; the inverse is A⁻¹")
    func solves() {
        // x = (1, -1, 2) and (0, 1, 0): B = A x column by column.
        let solutions: [[Double]] = [[1, -1, 2], [0, 1, 0]]
        var right = [Double](repeating: 0, count: 6)
        var lowerRight = [Double](repeating: 0, count: 6)
        for row in 0..<3 {
            for (column, x) in solutions.enumerated() {
                right[row * 2 + column] = (0..<3).reduce(0) { $0 + Self.matrix[row * 3 + $1] * x[$1] }
                lowerRight[row * 2 + column] = (0..<3).reduce(0) { $0 + Self.factor[row * 3 + $1] * x[$1] }
            }
        }
        let solved = LinearAlgebra.choleskySolve(factor: Self.factor, size: 3, right: right, columns: 2)
        let lower = LinearAlgebra.lowerTriangularSolve(factor: Self.factor, size: 3, right: lowerRight, columns: 2)
        for row in 0..<3 {
            for column in 0..<2 {
                #expect(abs(solved[row * 2 + column] - solutions[column][row]) < 1e-12)
                #expect(abs(lower[row * 2 + column] - solutions[column][row]) < 1e-12)
            }
        }
        let inverse = LinearAlgebra.choleskyInverse(factor: Self.factor, size: 3)
        for row in 0..<3 {
            for column in 0..<3 {
                let product = (0..<3).reduce(0) { $0 + Self.matrix[row * 3 + $1] * inverse[$1 * 3 + column] }
                #expect(abs(product - (row == column ? 1 : 0)) < 1e-10)
            }
        }
    }
}
