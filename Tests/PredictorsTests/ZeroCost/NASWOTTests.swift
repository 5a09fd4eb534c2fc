import Foundation
import Layers
import Tensors
import Testing

@testable import Predictors

/// NASWOT's kernel on known codes, its log-determinant, and the observed forward pass of the NB201 network.
struct NASWOTTests {
    /// Three examples, two rectifiers: codes (1,0,1,1 | 0,1), (1,1,0,1 | 0,0), (0,0,0,0 | 1,1). K_H[i, j] counts
    /// agreeing positions over both rectifiers (6 in all): K_01 = 2 + 1, K_02 = 1 + 1, K_12 = 1 + 0, so
    /// K = [[6,3,2],[3,6,1],[2,1,6]] by hand.
    @Test func kernelCountsAgreeingCodes() {
        let observer = NASWOT.Observer(count: 3)
        observer.observeRectifierInput(Variable(Tensor(shape: [3, 4], scalars: [
            0.5, -1, 2, 0.1, 3, 1, -2, 4, 0, -1, -0.5, 0,
        ])))
        observer.observeRectifierInput(Variable(Tensor(shape: [3, 2], scalars: [-1, 1, 0, -3, 2, 5])))
        #expect(observer.kernel.entries == [6, 3, 2, 3, 6, 1, 2, 1, 6])
        // det = 6(36 − 1) − 3(18 − 2) + 2(3 − 12) = 144.
        #expect(abs(observer.kernel.logAbsoluteDeterminant() - Foundation.log(144.0)) < 1e-12)
    }

    @Test func codesLongerThanOneWordAreCounted() {
        let observer = NASWOT.Observer(count: 2)
        let first = (0..<130).map { Float($0 % 3 == 0 ? 1 : -1) }
        let second = (0..<130).map { Float($0 % 2 == 0 ? 1 : -1) }
        observer.observeRectifierInput(Variable(Tensor(shape: [2, 130], scalars: first + second)))
        let agreements = (0..<130).filter { ($0 % 3 == 0) == ($0 % 2 == 0) }.count
        #expect(observer.kernel.entries == [130, Double(agreements), Double(agreements), 130])
    }

    @Test func logDeterminantOfASingularMatrixIsMinusInfinity() {
        let matrix = SymmetricMatrix(size: 2, entries: [2, 2, 2, 2])
        #expect(matrix.logAbsoluteDeterminant() == -.infinity)
    }
}
