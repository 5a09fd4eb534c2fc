#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Tensors
import _TestSupport

@Suite("Softmax and log-softmax")
struct SoftmaxTests {
    @Test("softmax and logSoftmax pass the gradient check on every axis", arguments: [0, 1, 2, -1])
    func gradients(axis: Int) {
        let x = TestTensors.normal([2, 3, 4], seed: 11, scale: 2)
        for report in GradientCheck().run([x], function: { softmax($0[0], axis: axis) }) {
            #expect(report.passed, "softmax axis \(axis): \(report)")
        }
        for report in GradientCheck().run([x], function: { logSoftmax($0[0], axis: axis) }) {
            #expect(report.passed, "logSoftmax axis \(axis): \(report)")
        }
    }

    @Test("softmax of [1, 2, 3] equals e^x / Σ e^x computed by hand")
    func handComputed() {
        let y = softmax(Variable(Tensor(shape: [1, 3], scalars: [1, 2, 3])))
        // e^1, e^2, e^3 = 2.718282, 7.389056, 20.085537; sum 30.192875.
        let expected: [Float] = [0.09003057, 0.24472847, 0.66524096]
        for (value, reference) in zip(y.value.scalars, expected) {
            #expect(Swift.abs(value - reference) < 1e-6, "\(y.value)")
        }
        let logY = logSoftmax(Variable(Tensor(shape: [3], scalars: [1, 2, 3])))
        for (value, reference) in zip(logY.value.scalars, expected) {
            #expect(Swift.abs(value - logf(reference)) < 1e-6, "\(logY.value)")
        }
    }

    @Test("every slice along the axis sums to 1", arguments: [0, 1, 2])
    func normalization(axis: Int) {
        let x = TestTensors.normal([3, 4, 5], seed: 12, scale: 3)
        let y = softmax(Variable(x), axis: axis).sum(axes: [axis]).value
        for total in y.scalars { #expect(Swift.abs(total - 1) < 1e-5, "axis \(axis): \(y)") }
        #expect(y.count == 60 / x.shape[axis])
    }

    @Test("a large shift does not overflow: softmax(x + 1000) = softmax(x)")
    func stability() {
        let x = Tensor(shape: [2, 2], scalars: [0, 1, -3, 2])
        let shifted = Tensor(shape: [2, 2], scalars: x.scalars.map { $0 + 1000 })
        let a = softmax(Variable(x)).value
        let b = softmax(Variable(shifted)).value
        let c = logSoftmax(Variable(shifted)).value
        #expect(b.isFinite && c.isFinite)
        for i in 0..<4 {
            #expect(Swift.abs(a.scalars[i] - b.scalars[i]) < 1e-6)
            #expect(Swift.abs(logf(a.scalars[i]) - c.scalars[i]) < 1e-4)
        }
    }

    @Test("sparseSoftmax normalizes each row's stored entries and passes the gradient check")
    func sparse() {
        // Row 0 stores columns 0, 2; row 1 nothing; row 2 columns 0, 1, 2.
        let pattern = SparsityPattern(rows: 3, columns: 3, edges: [(2, 1), (0, 2), (2, 0), (0, 0), (2, 2)])
        let values = TestTensors.normal([5], seed: 13, scale: 2)
        let y = sparseSoftmax(pattern, values: Variable(values)).value
        let row0 = softmax(Variable(Tensor(shape: [2], scalars: Array(values.scalars[0..<2])))).value
        let row2 = softmax(Variable(Tensor(shape: [3], scalars: Array(values.scalars[2..<5])))).value
        for (value, reference) in zip(y.scalars, row0.scalars + row2.scalars) {
            #expect(Swift.abs(value - reference) < 1e-6, "\(y)")
        }
        for report in GradientCheck().run([values], function: { sparseSoftmax(pattern, values: $0[0]) }) {
            #expect(report.passed, "\(report)")
        }
    }

    @Test("an axis out of range names the op and the shape")
    func badAxis() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = softmax(Variable(Tensor(zeros: [2, 3])), axis: 2)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("softmax: axis 2 is out of range for shape [2, 3]"))
        }
    }
}
