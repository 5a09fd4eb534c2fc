import Foundation
import Testing

@testable import Predictors

/// The Jacobian-covariance score's pieces against hand computations.
struct JacobianCovarianceTests {
    /// Rows (1,2,3), (2,4,6) and (3,2,1): the first two correlate fully, the third is their negation's order.
    @Test func correlationIsNumpysCorrcoef() {
        let correlation = JacobianCovariance.correlation(of: [1, 2, 3, 2, 4, 6, 3, 2, 1], rows: 3, columns: 3)
        let expected: [Double] = [1, 1, -1, 1, 1, -1, -1, -1, 1]
        for (value, target) in zip(correlation.entries, expected) { #expect(abs(value - target) < 1e-12) }
    }

    /// [[2,1],[1,2]] has eigenvalues 1 and 3; a diagonal matrix its diagonal.
    @Test func eigenvaluesOfKnownMatrices() {
        let values = SymmetricMatrix(size: 2, entries: [2, 1, 1, 2]).eigenvalues()
        #expect(abs(values[0] - 1) < 1e-12 && abs(values[1] - 3) < 1e-12)
        let diagonal = SymmetricMatrix(size: 3, entries: [5, 0, 0, 0, -1, 0, 0, 0, 2]).eigenvalues()
        #expect(diagonal == [-1, 2, 5])
    }

    /// Orthogonal centred rows give C = I, λ = 1: the score is −n(log(1 + k) + 1/(1 + k)).
    @Test func uncorrelatedJacobiansScoreTheIdentity() {
        let rows: [Float] = [1, -1, 0, 0, 0, 0, 1, -1]
        let k = JacobianCovariance.eigenvalueOffset
        let score = JacobianCovariance.score(jacobian: rows, rows: 2, columns: 4)
        #expect(abs(score - -2 * (log(1 + k) + 1 / (1 + k))) < 1e-9)
    }

    /// A constant row has no correlation: NaN, as the reference's np.nan.
    @Test func constantRowGivesNaN() {
        #expect(JacobianCovariance.score(jacobian: [1, 1, 1, 1, 2, 3], rows: 2, columns: 3).isNaN)
    }
}
