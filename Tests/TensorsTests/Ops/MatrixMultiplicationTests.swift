import Testing
import Tensors
import _TestSupport

@Suite("Matrix multiplication")
struct MatrixMultiplicationTests {
    @Test("matmul matches the definition")
    func values() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        #expect(matmul(Variable(a), Variable(b)).value == Tensor(shape: [2, 2], scalars: [58, 64, 139, 154]))
    }

    @Test("matmul passes the gradient check")
    func gradients() {
        let a = TestTensors.normal([3, 5], seed: 4)
        let b = TestTensors.normal([5, 2], seed: 5)
        for report in GradientCheck().run([a, b], function: { matmul($0[0], $0[1]) }) {
            #expect(report.passed, "\(report)")
        }
    }
}
