import Foundation
import Layers
import Tensors
import Testing
import Training

@Suite("SGD")
struct SGDTests {
    @Test("plain: w ← w − η g")
    func plain() {
        var sgd = SGD()
        let trajectory = OptimizerFixture.twoSteps(&sgd)
        expectClose(trajectory[0], [1 - 0.05, -2 - 0.1])
        expectClose(trajectory[1], [0.95 - 0.02, -2.1 + 0.04])
        #expect(sgd.momentumBuffers.isEmpty)
    }

    @Test("momentum 0.9 and weight decay 0.01: d = g + λw, b ← d then μb + d, w ← w − ηb")
    func momentum() {
        var sgd = SGD(momentum: 0.9, weightDecay: 0.01)
        let trajectory = OptimizerFixture.twoSteps(&sgd)
        // Step 1: d = (0.5 + 0.01, 1 − 0.02) = (0.51, 0.98); b = d; w = (1 − 0.051, −2 − 0.098).
        expectClose(trajectory[0], [0.949, -2.098])
        // Step 2: d = (0.2 + 0.00949, −0.4 − 0.02098); b = 0.9·(0.51, 0.98) + d = (0.66849, 0.46102);
        // w = (0.949 − 0.066849, −2.098 − 0.046102).
        expectClose(trajectory[1], [0.882151, -2.144102])
        expectClose(sgd.momentumBuffers["w"]!, [0.66849, 0.46102])
    }

    @Test("Nesterov: the step is d + μb")
    func nesterov() {
        var sgd = SGD(momentum: 0.9, nesterov: true, weightDecay: 0.01)
        let trajectory = OptimizerFixture.twoSteps(&sgd)
        // Step 1: d = (0.51, 0.98), b = d, step = 1.9·d = (0.969, 1.862).
        expectClose(trajectory[0], [0.9031, -2.1862])
        // Step 2: d = (0.209031, −0.421862); b = 0.9·(0.51, 0.98) + d = (0.668031, 0.460138);
        // step = d + 0.9·b = (0.8102589, −0.0077378).
        expectClose(trajectory[1], [0.82207411, -2.18542622])
    }

    @Test("dampening τ scales new gradients into the buffer after the first step")
    func dampening() {
        var sgd = SGD(momentum: 0.5, dampening: 0.5)
        let trajectory = OptimizerFixture.twoSteps(&sgd)
        // Step 1: b = g = (0.5, 1). Step 2: b = 0.5·(0.5, 1) + 0.5·(0.2, −0.4) = (0.35, 0.3).
        expectClose(trajectory[1], [0.95 - 0.035, -2.1 - 0.03])
    }

    @Test("minimizes a convex quadratic, with and without (Nesterov) momentum; buffers are not touched")
    func quadratic() {
        var plain = SGD()
        #expect(OptimizerFixture.quadraticDistance(&plain, learningRate: 0.15, steps: 200) < 1e-4)
        var heavy = SGD(momentum: 0.9)
        #expect(OptimizerFixture.quadraticDistance(&heavy, learningRate: 0.05, steps: 300) < 1e-4)
        var nesterov = SGD(momentum: 0.9, nesterov: true)
        #expect(OptimizerFixture.quadraticDistance(&nesterov, learningRate: 0.05, steps: 300) < 1e-4)
        #expect(nesterov.momentumBuffers.keys.sorted() == ["w"])
    }

    @Test("state survives a Codable round trip: resuming gives the same weights bit for bit")
    func codable() throws {
        var uninterrupted = SGD(momentum: 0.9, nesterov: true)
        let reference = OptimizerFixture.twoSteps(&uninterrupted)

        var first = SGD(momentum: 0.9, nesterov: true)
        let weight = Parameter(name: "w", value: Tensor(shape: [2], scalars: [1, -2]))
        first.update([weight], gradients: ParameterGradients(["w": Tensor(shape: [2], scalars: [0.5, 1])]), learningRate: 0.1)
        var resumed = try JSONDecoder().decode(SGD.self, from: JSONEncoder().encode(first))
        resumed.update([weight], gradients: ParameterGradients(["w": Tensor(shape: [2], scalars: [0.2, -0.4])]), learningRate: 0.1)
        #expect(weight.value.scalars == reference[1])
        #expect(resumed == uninterrupted)
    }
}
