import Foundation
import Layers
import Tensors
import Testing
import Training

// Adam, step t: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − η (m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε),
// with β = (0.9, 0.999), ε = 1e-8, η = 0.1, w = (1, −2), g₁ = (0.5, 1), g₂ = (0.2, −0.4).
@Suite("Adam and AdamW")
struct AdamTests {
    @Test("Adam: the first step moves each weight by η·sign(g); the second by hand")
    func adam() {
        var adam = Adam()
        let trajectory = OptimizerFixture.twoSteps(&adam)
        // Step 1: m/(1 − 0.9) = g, v/(1 − 0.999) = g², so the step is η·g/|g| (up to ε).
        expectClose(trajectory[0], [0.9, -2.1])
        // Step 2, element 0: m = 0.9·0.05 + 0.1·0.2 = 0.065, v = 0.999·0.00025 + 0.001·0.04 = 0.00028975;
        // m̂ = 0.065/0.19, v̂ = 0.00028975/0.001999; w = 0.9 − 0.1·m̂/√v̂ = 0.8101425.
        expectClose(trajectory[1], [0.8101424839, -2.1345605833])
        #expect(adam.moments["w"]?.step == 2)
        expectClose(adam.moments["w"]!.firstMoment, [0.065, 0.05])
    }

    @Test("Adam's weight decay is an L2 term in the gradient: d = g + λw")
    func adamL2() {
        var adam = Adam(weightDecay: 0.1)
        let trajectory = OptimizerFixture.twoSteps(&adam)
        // Step 1: d = (0.6, 0.8), both positive: w = (0.9, −2.1). Step 2: d = (0.2 + 0.09, −0.4 − 0.21).
        expectClose(trajectory[1], [0.8072814605, -2.1081390001])
    }

    @Test("AdamW decays decoupled: w ← w(1 − ηλ) before the Adam step")
    func adamW() {
        var adamW = AdamW(weightDecay: 0.1)
        let trajectory = OptimizerFixture.twoSteps(&adamW)
        // Step 1: w·0.99 = (0.99, −1.98), then the Adam step ±0.1.
        expectClose(trajectory[0], [0.89, -2.08])
        expectClose(trajectory[1], [0.7912424839, -2.0937605833])
    }

    @Test("Adam and AdamW minimize a convex quadratic")
    func quadratic() {
        var adam = Adam()
        #expect(OptimizerFixture.quadraticDistance(&adam, learningRate: 0.05, steps: 1500) < 1e-3)
        var adamW = AdamW(weightDecay: 0)
        #expect(OptimizerFixture.quadraticDistance(&adamW, learningRate: 0.05, steps: 1500) < 1e-3)
    }

    @Test("state survives a Codable round trip: resuming gives the same weights bit for bit")
    func codable() throws {
        var uninterrupted = AdamW()
        let reference = OptimizerFixture.twoSteps(&uninterrupted)
        var first = AdamW()
        let weight = Parameter(name: "w", value: Tensor(shape: [2], scalars: [1, -2]))
        first.update([weight], gradients: ParameterGradients(["w": Tensor(shape: [2], scalars: [0.5, 1])]), learningRate: 0.1)
        var resumed = try JSONDecoder().decode(AdamW.self, from: JSONEncoder().encode(first))
        resumed.update([weight], gradients: ParameterGradients(["w": Tensor(shape: [2], scalars: [0.2, -0.4])]), learningRate: 0.1)
        #expect(weight.value.scalars == reference[1])
        #expect(resumed == uninterrupted)
    }

    @Test("a parameter without a gradient keeps its value and gets no state")
    func skipped() {
        var adam = Adam()
        let idle = Parameter(name: "idle", value: Tensor(shape: [1], scalars: [3]))
        adam.update([idle], gradients: ParameterGradients(), learningRate: 0.1)
        #expect(idle.value.scalars == [3])
        #expect(adam.moments.isEmpty)
    }
}
