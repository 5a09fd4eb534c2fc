import Testing
import Tensors
import _TestSupport

/// Whether writing to `tensor` copies its storage: true while another owner (such as a pullback on a tape)
/// still holds the same elements.
private func storageIsShared(_ tensor: inout Tensor) -> Bool {
    let before = tensor.scalars.withUnsafeBufferPointer { $0.baseAddress }
    tensor.scalars[0] += 0  // a write: copy on write when the storage is shared
    let after = tensor.scalars.withUnsafeBufferPointer { $0.baseAddress }
    return before != after
}

/// A pullback stays on the tape until the backward pass reaches it, so whatever it captures stays in memory for
/// the whole forward pass. These tests check that pullbacks keep only what their gradients read, and that the
/// gradients stay right.
@Suite("What pullbacks keep")
struct PullbackCaptureTests {
    @Test("a sum and a difference keep neither operand")
    func sumsKeepNoOperand() {
        let tape = Tape()
        let x = tape.variable(TestTensors.normal([4, 5], seed: 1))
        func record() -> (output: Variable, operand: Tensor) {
            let y = x.scaled(by: 2)
            return ((y + x) - y.scaled(by: 0.5), y.value)
        }
        var (output, operand) = record()
        #expect(!storageIsShared(&operand))
        let gradient = tape.gradients(of: output.sum())[x]
        #expect(gradient.scalars.allSatisfy { $0 == 2 })  // d(2x + x − x)/dx
    }

    @Test("relu keeps its output, not its input, and its gradient is 1 exactly where the input is positive")
    func reluKeepsNoInput() {
        let tape = Tape()
        let input = TestTensors.normal([3, 4], seed: 2, margin: 0.05)
        let x = tape.variable(input)
        func record() -> (output: Variable, operand: Tensor) {
            let y = x.scaled(by: 1)
            return (relu(y), y.value)
        }
        var (output, operand) = record()
        #expect(!storageIsShared(&operand))
        let gradient = tape.gradients(of: output.sum())[x]
        #expect(gradient.scalars == input.scalars.map { $0 > 0 ? 1 : 0 })
    }

    @Test("a product with a constant keeps only the constant")
    func productKeepsOnlyWhatGradientsRead() {
        let tape = Tape()
        let constant = TestTensors.normal([2, 3], seed: 3)
        let x = tape.variable(TestTensors.normal([2, 3], seed: 4))
        func record() -> (output: Variable, operand: Tensor) {
            let y = x.scaled(by: 1)
            return (y * Variable(constant), y.value)
        }
        var (output, operand) = record()
        #expect(!storageIsShared(&operand))
        #expect(tape.gradients(of: output.sum())[x] == constant)
    }

    @Test("a quotient by a constant keeps neither the dividend nor the quotient")
    func quotientByConstant() {
        let tape = Tape()
        let divisor = TestTensors.uniform([3], seed: 5, from: 0.5, to: 2)
        let x = tape.variable(TestTensors.normal([2, 3], seed: 6))
        func record() -> (output: Variable, operand: Tensor, quotient: Tensor) {
            let y = x.scaled(by: 1)
            let quotient = y / Variable(divisor)
            return (quotient.scaled(by: 1), y.value, quotient.value)
        }
        var (output, operand, quotient) = record()
        #expect(!storageIsShared(&operand))
        #expect(!storageIsShared(&quotient))
        let gradient = tape.gradients(of: output.sum())[x]
        #expect(gradient.scalars == (0..<6).map { 1 / divisor.scalars[$0 % 3] })
    }

    @Test("a scalar weight times a tensor passes the gradient check", arguments: [
        ([1], [2, 3, 4]), ([2, 3, 4], [1]), ([], [3, 5]), ([1, 1], [4, 1]),
    ])
    func scalarWeightGradients(shapes: ([Int], [Int])) {
        let a = TestTensors.normal(shapes.0, seed: 7)
        let b = TestTensors.normal(shapes.1, seed: 8)
        for report in GradientCheck().run([a, b], function: { $0[0] * $0[1] }) {
            #expect(report.passed, "\(shapes): \(report)")
        }
    }

    @Test("a scalar weight's gradient is the sum of upstream times the tensor, to the bit")
    func scalarWeightGradientIsExactSum() {
        let upstream = TestTensors.normal([4, 3, 5, 7], seed: 9)
        let tensor = TestTensors.normal([4, 3, 5, 7], seed: 10)
        let tape = Tape()
        let weight = tape.variable(Tensor(shape: [1], scalars: [0.3]))
        let product = weight * tape.constant(tensor)
        let gradient = tape.gradients(of: product, seed: upstream)[weight]
        // The same sum through the general path: the elementwise products, then a reduction over every axis.
        let expected = (Variable(upstream) * Variable(tensor)).sum(keepingDimensions: true).value
        #expect(gradient.shape == [1])
        #expect(gradient.scalars == expected.scalars)
    }
}
