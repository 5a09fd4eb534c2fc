import Layers
import Seeding
import Tensors
import Testing

@Suite("Linear")
struct LinearTests {
    @Test("names and shapes: weight (out, in) as in PyTorch, bias (out)")
    func parameters() {
        var rng = Xoshiro256(seed: 1)
        let layer = Linear(inputSize: 3, outputSize: 2, name: "head", using: &rng)
        #expect(layer.parameters.map(\.name) == ["head.weight", "head.bias"])
        #expect(layer.parameters.map(\.shape) == [[2, 3], [2]])
        #expect(layer.trainableParameterCount == 8)
        let bare = Linear(inputSize: 3, outputSize: 2, bias: false, name: "p", using: &rng)
        #expect(bare.parameters.map(\.name) == ["p.weight"])
    }

    @Test("forward is x Wᵀ + b, by hand")
    func forward() {
        var rng = Xoshiro256(seed: 1)
        let layer = Linear(inputSize: 3, outputSize: 2, name: "fc", using: &rng)
        layer.weight.value = Tensor(shape: [2, 3], scalars: [1, 2, 3, -1, 0, 1])
        layer.bias!.value = Tensor(shape: [2], scalars: [0.5, -2])
        let x = Variable(Tensor(shape: [2, 3], scalars: [1, 1, 1, 2, 0, -1]))
        let y = layer(x, mode: .evaluation)
        // Row 0: (1+2+3+0.5, -1+0+1-2) = (6.5, -2); row 1: (2+0-3+0.5, -2+0-1-2) = (-0.5, -5).
        #expect(y.value == Tensor(shape: [2, 2], scalars: [6.5, -2, -0.5, -5]))
        #expect(!y.isRecorded)
    }

    @Test("default initialization is uniform in ±1/√inputs for weight and bias")
    func initialization() {
        var rng = Xoshiro256(seed: 2)
        let layer = Linear(inputSize: 16, outputSize: 64, name: "fc", using: &rng)
        #expect(layer.weight.value.scalars.allSatisfy { Swift.abs($0) <= 0.25 })
        #expect(layer.bias!.value.scalars.allSatisfy { Swift.abs($0) <= 0.25 })
        #expect(layer.weight.value.scalars.map(Swift.abs).max()! > 0.24)
    }

    @Test("gradients with respect to input, weight and bias pass the central-difference check")
    func gradients() {
        var rng = Xoshiro256(seed: 3)
        let layer = Linear(inputSize: 4, outputSize: 3, name: "fc", using: &rng)
        let x = TestInputs.normal([5, 4], seed: 4)
        #expect(LayerGradientCheck().failures(of: layer, input: x, mode: .training(seed: 0)) == [])
    }

    @Test("a wrong input width names the layer and both shapes")
    func wrongWidth() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var rng = Xoshiro256(seed: 1)
            let layer = Linear(inputSize: 3, outputSize: 2, name: "fc", using: &rng)
            _ = layer(Variable(Tensor(zeros: [4, 5])), mode: .evaluation)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("Linear 'fc': input [4, 5] does not match weight [2, 3]"))
        }
    }
}
