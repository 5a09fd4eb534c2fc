import Testing
import Tensors
import _TestSupport

@Suite("Straight-through estimator")
struct StraightThroughTests {
    @Test("the value is hard, exactly")
    func value() {
        let hard = Tensor(shape: [3], scalars: [0, 1, 0])
        let soft = Variable(Tensor(shape: [3], scalars: [0.2, 0.7, 0.1]))
        #expect(straightThrough(hard: hard, soft: soft).value == hard)
    }

    @Test("the gradient passes to soft unchanged (identity), also through an op before it")
    func gradient() {
        let point = Tensor(shape: [3], scalars: [1, -2, 3])
        let hard = Tensor(shape: [3], scalars: [5, 5, 5])
        let upstream = Tensor(shape: [3], scalars: [0.5, 2, -1])
        let tape = Tape()
        let x = tape.variable(point)
        let direct = tape.gradients(of: straightThrough(hard: hard, soft: x), seed: upstream)[x]
        #expect(direct == upstream)
        let secondTape = Tape()
        let y = secondTape.variable(point)
        let squared = secondTape.gradients(of: straightThrough(hard: hard, soft: y * y), seed: upstream)[y]
        #expect(squared.scalars == [1, -8, -6])  // 2x·g
    }

    @Test("hard and soft of different shapes name the op and both shapes")
    func badShapes() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = straightThrough(hard: Tensor(zeros: [2]), soft: Variable(Tensor(zeros: [3])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("straightThrough: hard shape [2] differs from soft shape [3]"))
        }
    }
}
