import Layers
import Seeding
import Tensors
import Testing

@Suite("LSTMCell")
struct LSTMCellTests {
    @Test("names and shapes, and default initialization uniform in ±1/√H")
    func parameters() {
        var rng = Xoshiro256(seed: 1)
        let cell = LSTMCell(inputSize: 5, hiddenSize: 4, name: "controller.lstm", using: &rng)
        #expect(cell.parameters.map(\.name) == [
            "controller.lstm.input_weight", "controller.lstm.hidden_weight", "controller.lstm.bias",
        ])
        #expect(cell.parameters.map(\.shape) == [[5, 16], [4, 16], [16]])
        #expect(cell.parameters.allSatisfy { $0.value.scalars.allSatisfy { Swift.abs($0) <= 0.5 } })
    }

    @Test("a step is the lstmCell op on the cell's parameters")
    func step() {
        var rng = Xoshiro256(seed: 2)
        let cell = LSTMCell(inputSize: 3, hiddenSize: 2, name: "l", using: &rng)
        let x = Variable(TestInputs.normal([4, 3], seed: 3))
        let h = Variable(TestInputs.normal([4, 2], seed: 4))
        let c = Variable(TestInputs.normal([4, 2], seed: 5))
        let next = cell.step(input: x, state: LSTMState(hidden: h, cell: c), on: nil)
        let direct = lstmCell(
            input: x, hidden: h, cell: c, inputWeight: Variable(cell.inputWeight.value),
            hiddenWeight: Variable(cell.hiddenWeight.value), bias: Variable(cell.bias.value))
        #expect(next.hidden.value == direct.hidden.value)
        #expect(next.cell.value == direct.cell.value)
    }

    @Test("with zero weights and zero state a step gives c' = σ(0)·tanh(0) = 0 and h' = 0")
    func zeroWeights() {
        var rng = Xoshiro256(seed: 2)
        let cell = LSTMCell(inputSize: 3, hiddenSize: 2, initializer: .zeros, name: "l", using: &rng)
        let next = cell.step(input: Variable(TestInputs.normal([1, 3], seed: 1)), state: cell.zeroState(batchSize: 1), on: nil)
        #expect(next.hidden.value.scalars == [0, 0])
        #expect(next.cell.value.scalars == [0, 0])
    }

    @Test("unrolled from constant inputs and state, the tape still reaches every parameter")
    func unrolled() {
        var rng = Xoshiro256(seed: 6)
        let cell = LSTMCell(inputSize: 3, hiddenSize: 2, name: "l", using: &rng)
        let tape = Tape()
        var state = cell.zeroState(batchSize: 1)
        for t in 0..<3 {
            state = cell.step(input: Variable(TestInputs.normal([1, 3], seed: UInt64(t))), state: state, on: tape)
        }
        let gradients = tape.gradients(of: state.hidden.sum())
        for parameter in cell.parameters {
            let gradient = gradients[parameter]
            #expect(gradient != nil && gradient!.scalars.contains { $0 != 0 }, "\(parameter.name)")
        }
    }

    @Test("gradients through one step pass the central-difference check")
    func gradients() {
        var rng = Xoshiro256(seed: 7)
        let cell = LSTMCell(inputSize: 3, hiddenSize: 2, name: "l", using: &rng)
        #expect(LayerGradientCheck().failures(of: cell, input: TestInputs.normal([2, 3], seed: 8), mode: .evaluation) == [])
    }
}
