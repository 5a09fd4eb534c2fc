import Testing
import Tensors
import _TestSupport

@Suite("Reductions")
struct ReductionTests {
    @Test("sum and mean over axes pass the gradient check", arguments: [[0], [1], [2], [0, 2], [-1]])
    func gradients(axes: [Int]) {
        let x = TestTensors.normal([2, 3, 4], seed: 3)
        for keep in [false, true] {
            for report in GradientCheck().run([x], function: { $0[0].sum(axes: axes, keepingDimensions: keep) }) {
                #expect(report.passed, "sum \(axes) keep \(keep): \(report)")
            }
            for report in GradientCheck().run([x], function: { $0[0].mean(axes: axes, keepingDimensions: keep) }) {
                #expect(report.passed, "mean \(axes) keep \(keep): \(report)")
            }
        }
    }

    @Test("sum over axis 1 of a (2,3) tensor")
    func values() {
        let x = Variable(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
        #expect(x.sum(axes: [1]).value == Tensor(shape: [2], scalars: [6, 15]))
        #expect(x.sum(axes: [0], keepingDimensions: true).value == Tensor(shape: [1, 3], scalars: [5, 7, 9]))
        #expect(x.mean().value.scalar == 3.5)
    }
}
