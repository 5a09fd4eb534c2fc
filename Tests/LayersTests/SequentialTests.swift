import Layers
import Seeding
import Tensors
import Testing

@Suite("Sequential")
struct SequentialTests {
    func network() -> (Sequential, Linear, Linear) {
        var rng = Xoshiro256(seed: 1)
        let first = Linear(inputSize: 3, outputSize: 4, name: "stage2.cell0", using: &rng)
        let second = Linear(inputSize: 4, outputSize: 2, name: "stage2.cell1", using: &rng)
        return (Sequential(name: "stage2", [first, ReLU(), second, ReLU()]), first, second)
    }

    @Test("parameters are the layers' parameters in layer order")
    func parameters() {
        let (model, _, _) = network()
        #expect(model.parameters.map(\.name) == [
            "stage2.cell0.weight", "stage2.cell0.bias", "stage2.cell1.weight", "stage2.cell1.bias",
        ])
    }

    @Test("forward composes the layers")
    func forward() throws {
        let (model, first, second) = network()
        let x = Variable(TestInputs.normal([2, 3], seed: 2))
        let expected = relu(second(relu(first(x, mode: .evaluation)), mode: .evaluation))
        #expect(model(x, mode: .evaluation).value == expected.value)
        #expect(try model(x, mode: .evaluation, checkingAtStep: 0).value == expected.value)
    }

    @Test("a checking pass names the first layer that produced NaN")
    func nan() {
        let (model, _, second) = network()
        second.weight.value.scalars[3] = .nan
        let x = Variable(TestInputs.normal([2, 3], seed: 2))
        #expect(throws: NonFiniteError(step: 12, location: .layerOutput("stage2.cell1"), kind: .nan)) {
            try model(x, mode: .training(seed: 1), checkingAtStep: 12)
        }
        do {
            _ = try model(x, mode: .training(seed: 1), checkingAtStep: 12)
        } catch {
            #expect(error.description == "step 12: layer 'stage2.cell1' produced NaN")
        }
    }

    @Test("an infinity is reported as Inf, and an unnamed layer by its position")
    func infinity() {
        let (model, first, _) = network()
        let inner = Sequential(name: "stem", [ReLU()])
        let outer = Sequential(name: "net", [inner, model])
        first.bias!.value = Tensor(repeating: .infinity, shape: [4])
        let x = Variable(TestInputs.normal([2, 3], seed: 2))
        #expect(throws: NonFiniteError(step: 3, location: .layerOutput("stage2.cell0"), kind: .infinity)) {
            try outer(x, mode: .evaluation, checkingAtStep: 3)
        }
        // relu(Inf) is Inf: the first unnamed layer after it is reported by position inside "stage2".
        first.bias!.value = Tensor(zeros: [4])
        let nan = Variable(Tensor(repeating: .nan, shape: [2, 3]))
        #expect(throws: NonFiniteError(step: 3, location: .layerOutput("stem.0"), kind: .nan)) {
            try outer(nan, mode: .evaluation, checkingAtStep: 3)
        }
        let unnamed = Sequential([Sequential([ReLU()])])
        #expect(throws: NonFiniteError(step: 0, location: .layerOutput("0.0"), kind: .nan)) {
            try unnamed(nan, mode: .evaluation, checkingAtStep: 0)
        }
    }
}
