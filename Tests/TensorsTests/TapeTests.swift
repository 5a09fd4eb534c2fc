import Testing
import Tensors
import _TestSupport

@Suite("Tape")
struct TapeTests {
    @Test("a variable used twice receives the sum of both gradients")
    func accumulation() {
        let tape = Tape()
        let x = tape.variable(Tensor(shape: [2], scalars: [3, -2]))
        let y = (x * x + x).sum()  // dy/dx = 2x + 1
        #expect(tape.gradients(of: y)[x] == Tensor(shape: [2], scalars: [7, -3]))
    }

    @Test("a computation without a tape records nothing")
    func noGradientPath() {
        let x = Variable(Tensor(shape: [2], scalars: [1, 2]))
        let y = relu(x * x)
        #expect(!y.isRecorded)
        #expect(y.value.scalars == [1, 4])
    }

    @Test("constants mixed with recorded variables get no gradient and do not break the pullback")
    func constants() {
        let tape = Tape()
        let x = tape.variable(Tensor(shape: [2], scalars: [1, 2]))
        let c = Variable(Tensor(shape: [2], scalars: [5, 7]))
        let y = (c * x).sum()
        #expect(tape.gradients(of: y)[x].scalars == [5, 7])
    }

    @Test("the same owner gives the same leaf")
    func ownedLeaves() {
        final class Owner {}
        let owner = Owner()
        let tape = Tape()
        let a = tape.variable(for: owner, value: Tensor(shape: [1], scalars: [2]))
        let b = tape.variable(for: owner, value: Tensor(shape: [1], scalars: [2]))
        let y = (a * b).sum()
        #expect(tape.gradients(of: y).gradient(for: owner)?.scalars == [4])  // d(a·a)/da = 2a
        #expect(tape.nodeCount == 3)  // one leaf, the product, the sum
    }
}

@Suite("Tape recorded scalars")
struct TapeRecordedScalarTests {
    /// Leaves count nothing; each op result counts its scalars: (2x3) + (2x3) + 1 for x·y, relu of it and the sum.
    @Test("counts the scalars of every op result, not of leaves or constants")
    func countsOpResults() {
        let tape = Tape()
        let x = tape.variable(Tensor(shape: [2, 3], scalars: [1, -2, 3, -4, 5, -6]))
        let y = tape.constant(Tensor(shape: [2, 3], scalars: [1, 1, 1, 1, 1, 1]))
        #expect(tape.recordedScalarCount == 0)
        _ = relu(x * y).sum()
        #expect(tape.recordedScalarCount == 6 + 6 + 1)
    }
}

@Suite("Tape constants")
struct TapeConstantTests {
    @Test("ops on a tape constant are recorded for the variables they meet, but the constant gets no gradient")
    func constantOnTape() {
        let tape = Tape()
        let image = tape.constant(Tensor(shape: [2], scalars: [3, 4]))
        let weight = tape.variable(Tensor(shape: [2], scalars: [0.5, 2]))
        #expect(!image.isRecorded)
        #expect((image * image).tape === tape)
        let y = (image * weight).sum()
        let gradients = tape.gradients(of: y)
        #expect(gradients[weight].scalars == [3, 4])
        #expect(gradients[image].scalars == [0, 0])
        #expect(tape.nodeCount == 3)  // the weight, the product, the sum: constants add no node
    }
}
