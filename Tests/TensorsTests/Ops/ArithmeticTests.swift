import Testing
import Tensors
import _TestSupport

@Suite("Broadcasting arithmetic")
struct ArithmeticTests {
    @Test("add, subtract, multiply, divide pass the gradient check with broadcasting", arguments: [
        ([2, 3, 4], [2, 3, 4]), ([2, 3, 4], [4]), ([2, 1, 4], [3, 1]), ([1], [3, 2]),
    ])
    func gradients(shapes: ([Int], [Int])) {
        let a = TestTensors.normal(shapes.0, seed: 1)
        let b = TestTensors.uniform(shapes.1, seed: 2, from: 0.5, to: 2)  // away from 0 for division
        let check = GradientCheck()
        for (name, op) in [
            ("add", { (x: [Variable]) in x[0] + x[1] }),
            ("subtract", { (x: [Variable]) in x[0] - x[1] }),
            ("multiply", { (x: [Variable]) in x[0] * x[1] }),
            ("divide", { (x: [Variable]) in x[0] / x[1] }),
        ] {
            for report in check.run([a, b], function: op) {
                #expect(report.passed, "\(name) \(shapes): \(report)")
            }
        }
    }

    @Test("broadcasting follows NumPy: (2,1,4) + (3,1) is (2,3,4)")
    func broadcastShape() {
        let a = Variable(Tensor(shape: [2, 1, 4], scalars: (0..<8).map(Float.init)))
        let b = Variable(Tensor(shape: [3, 1], scalars: [100, 200, 300]))
        let sum = (a + b).value
        #expect(sum.shape == [2, 3, 4])
        #expect(sum.scalars[0] == 100)
        #expect(sum.scalars[4] == 200)  // [0, 1, 0]
        #expect(sum.scalars[12 + 8 + 3] == 307)  // [1, 2, 3] = a[1,0,3] + b[2,0]
    }

    @Test("an incompatible broadcast names the op and both shapes")
    func incompatibleShapes() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Variable(Tensor(zeros: [2, 3])) + Variable(Tensor(zeros: [4]))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("add: shapes [2, 3] and [4] cannot be broadcast"))
        }
    }
}
