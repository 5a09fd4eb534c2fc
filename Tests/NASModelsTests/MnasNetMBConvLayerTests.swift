import Layers
import NASModels
import Seeding
import Tensors
import Testing
import _TestSupport

@Suite("MBConvLayer")
struct MnasNetMBConvLayerTests {
    func layer(residual: Bool, seed: UInt64 = 3) -> MBConvLayer {
        var rng = Xoshiro256(seed: seed)
        return MBConvLayer(
            inputChannels: 6, outputChannels: 6, stride: 1, expansion: 3, kernelSize: 5, squeezeExcitation: true,
            residual: residual, name: "layer", using: &rng)
    }

    @Test("the residual adds exactly the input; stride 2 halves the side (rounded up)")
    func residualAndStride() {
        let input = Variable(TestTensors.normal([2, 6, 5, 5], seed: 1))
        let plain = layer(residual: false)(input, mode: .evaluation)
        let residual = layer(residual: true)(input, mode: .evaluation)
        #expect(plain.shape == [2, 6, 5, 5])
        let expected = zip(plain.value.scalars, input.value.scalars).map { $0 + $1 }
        #expect(residual.value.scalars == expected)
        var rng = Xoshiro256(seed: 4)
        let strided = MBConvLayer(
            inputChannels: 6, outputChannels: 10, stride: 2, expansion: 1, kernelSize: 3, squeezeExcitation: false,
            residual: false, name: "strided", using: &rng)
        #expect(strided(input, mode: .evaluation).shape == [2, 10, 3, 3])
        #expect(strided.parameters.map(\.name).first == "strided.depthwise.weight")
    }

    @Test("squeeze width is max(1, ⌊C · 0.25⌋) of the layer's input channels")
    func squeezeWidth() {
        #expect([1, 3, 4, 6, 16, 40].map { MBConvLayer.squeezedChannels(inputChannels: $0) } == [1, 1, 1, 1, 4, 10])
        let parameters = layer(residual: false).parameters
        // Input 6 channels: squeeze 1; hidden 18 -> reduce (1, 18, 1, 1), expand (18, 1, 1, 1).
        #expect(parameters.first { $0.name == "layer.se.reduce.weight" }?.shape == [1, 18, 1, 1])
        #expect(parameters.first { $0.name == "layer.se.expand.weight" }?.shape == [18, 1, 1, 1])
    }

    @Test("squeeze-and-excitation's gradient, through the broadcasting (N, C, 1, 1) · (N, C, H, W) product, matches finite differences")
    func squeezeExcitationGradient() {
        // x: (2, 3, 3, 3); reduce weight (2, 3, 1, 1) and bias (2); expand weight (3, 2, 1, 1) and bias (3).
        let inputs = [
            TestTensors.normal([2, 3, 3, 3], seed: 5), TestTensors.normal([2, 3, 1, 1], seed: 6),
            TestTensors.normal([2], seed: 7), TestTensors.normal([3, 2, 1, 1], seed: 8), TestTensors.normal([3], seed: 9),
        ]
        let reports = GradientCheck().run(inputs) { v in
            let squeezed = globalAveragePool(v[0]).reshaped([2, 3, 1, 1])
            let gate = sigmoid(conv2d(relu(conv2d(squeezed, weight: v[1], bias: v[2])), weight: v[3], bias: v[4]))
            return v[0] * gate
        }
        #expect(reports.count == 5)
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test("the whole layer's input gradient matches finite differences (evaluation mode, running statistics)")
    func layerGradient() {
        let model = layer(residual: true)
        let reports = GradientCheck().run([TestTensors.normal([1, 6, 4, 4], seed: 10)]) { v in
            model(v[0], mode: .evaluation)
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }
}
