import Testing
import Tensors
import _TestSupport

@Suite("Concatenation, split and slice")
struct ConcatenationTests {
    /// Shapes of three parts that differ only along the axis.
    static let partShapes: [(axis: Int, shapes: [[Int]])] = [
        (0, [[2, 3, 4], [1, 3, 4], [3, 3, 4]]),
        (1, [[2, 3, 4], [2, 1, 4], [2, 2, 4]]),
        (-1, [[2, 3, 4], [2, 3, 2], [2, 3, 1]]),
    ]

    @Test("concatenate passes the gradient check on axis 0, 1 and the last", arguments: [0, 1, 2])
    func concatenateGradients(caseIndex: Int) {
        let (axis, shapes) = Self.partShapes[caseIndex]
        let parts = shapes.enumerated().map { TestTensors.normal($0.element, seed: UInt64(30 + $0.offset)) }
        for report in GradientCheck().run(parts, function: { concatenate($0, axis: axis) }) {
            #expect(report.passed, "axis \(axis): \(report)")
        }
    }

    @Test("split passes the gradient check on axis 0, 1 and the last", arguments: [0, 1, -1])
    func splitGradients(axis: Int) {
        let x = TestTensors.normal([4, 5, 6], seed: 33)
        let extent = x.shape[axis < 0 ? axis + 3 : axis]
        let sizes = [1, extent - 3, 2]
        for report in GradientCheck().run([x], function: { v in
            let pieces = split(v[0], sizes: sizes, axis: axis)
            // Reordered, and the middle piece scaled, so that each piece's gradient is distinguishable.
            return concatenate([pieces[2], pieces[0], pieces[1] * 3], axis: axis)
        }) {
            #expect(report.passed, "axis \(axis): \(report)")
        }
    }

    @Test("slice passes the gradient check on axis 0, 1 and the last", arguments: [0, 1, 2])
    func sliceGradients(axis: Int) {
        let x = TestTensors.normal([3, 4, 5], seed: 34)
        for report in GradientCheck().run([x], function: { $0[0].slice(axis: axis, range: 1..<3) }) {
            #expect(report.passed, "axis \(axis): \(report)")
        }
    }

    @Test("concatenate, split and slice move the right elements")
    func values() {
        let a = Variable(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
        let b = Variable(Tensor(shape: [2, 1], scalars: [5, 6]))
        let joined = concatenate([a, b], axis: 1)
        #expect(joined.value == Tensor(shape: [2, 3], scalars: [1, 2, 5, 3, 4, 6]))
        #expect(concatenate([a, a], axis: 0).value == Tensor(shape: [4, 2], scalars: [1, 2, 3, 4, 1, 2, 3, 4]))
        let pieces = split(joined, sizes: [2, 1], axis: -1)
        #expect(pieces.map(\.value) == [a.value, b.value])
        #expect(joined.slice(axis: 1, range: 1..<3).value == Tensor(shape: [2, 2], scalars: [2, 5, 4, 6]))
        #expect(joined.slice(axis: 0, range: 1..<1).value.shape == [0, 3])
    }

    @Test("the slice's gradient is placed into its range and zero elsewhere")
    func sliceGradientPlacement() {
        let tape = Tape()
        let x = tape.variable(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
        let y = x.slice(axis: 1, range: 1..<2).sum()
        #expect(tape.gradients(of: y)[x].scalars == [0, 1, 0, 0, 1, 0])
    }

    @Test("concatenating parts that differ off the axis names the op and both shapes")
    func badConcatenation() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = concatenate([Variable(Tensor(zeros: [2, 3])), Variable(Tensor(zeros: [3, 2]))], axis: 1)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("concatenate: part 1 has shape [3, 2] but part 0 has shape [2, 3]"))
        }
    }

    @Test("split sizes that do not cover the axis name the op and the extent")
    func badSplit() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = split(Variable(Tensor(zeros: [2, 5])), sizes: [2, 2], axis: 1)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("split: sizes [2, 2] do not sum to extent 5 of axis 1 of shape [2, 5]"))
        }
    }

    @Test("a slice past the end names the op, the range and the shape")
    func badSlice() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Variable(Tensor(zeros: [2, 5])).slice(axis: 0, range: 1..<3)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("slice: range 1..<3 is out of bounds for extent 2 of axis 0 of shape [2, 5]"))
        }
    }
}
