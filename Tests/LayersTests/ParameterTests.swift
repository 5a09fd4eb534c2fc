import Layers
import Tensors
import Testing

@Suite("Parameter")
struct ParameterTests {
    @Test("a parameter used twice on one tape gets one leaf and the summed gradient")
    func sharedLeaf() {
        let weight = Parameter(name: "w", value: Tensor(shape: [2], scalars: [1, 3]))
        let tape = Tape()
        let y = (weight.variable(on: tape) * weight.variable(on: tape)).sum()
        #expect(tape.gradients(of: y)[weight]?.scalars == [2, 6])
    }

    @Test("a buffer is never differentiated")
    func buffer() {
        let runningMean = Parameter(name: "bn.running_mean", value: Tensor(zeros: [3]), isTrainable: false)
        #expect(!runningMean.variable(on: Tape()).isRecorded)
    }
}
