import Layers
import Tensors
import Testing

@testable import Predictors

/// Synflow against its definition written out with loops in Double on a two-layer perceptron:
/// R = Σ_k (Σ_j |W2|_kj relu(Σ_i |W1|_ji + |b1|_j) + |b2|_k), score = Σ |W1 ⊙ ∂R/∂W1| + Σ |W2 ⊙ ∂R/∂W2|.
struct SynflowTests {
    /// The definition, in Double, with the weights multiplied by `factor` (to push R past Float32's range).
    static func reference(_ network: ObservedSequential, factor: Double) -> Double {
        let first = network.layers[0] as! Linear
        let second = network.layers[2] as! Linear
        let w1 = first.weight.value.scalars.map { abs(Double($0)) * factor }
        let b1 = first.bias!.value.scalars.map { abs(Double($0)) }
        let w2 = second.weight.value.scalars.map { abs(Double($0)) * factor }
        let (hidden, inputs, outputs) = (first.weight.shape[0], first.weight.shape[1], second.weight.shape[0])
        var score = 0.0
        for j in 0..<hidden {
            var preActivation = b1[j]
            for i in 0..<inputs { preActivation += w1[j * inputs + i] }
            let active = preActivation > 0
            var downstream = 0.0  // ∂R/∂h_j = Σ_k |W2|_kj
            for k in 0..<outputs {
                downstream += w2[k * hidden + j]
                score += w2[k * hidden + j] * max(preActivation, 0)  // |W2|_kj · ∂R/∂W2_kj
            }
            if active { for i in 0..<inputs { score += w1[j * inputs + i] * downstream } }  // · 1 (the input)
        }
        return score
    }

    @Test func equalsTheDefinitionOnATwoLayerPerceptron() {
        let network = ZeroCostFixtures.perceptron(inputs: 7, hidden: 5, outputs: 3, seed: 11)
        let score = Synflow.score(network, inputShape: [7])
        let expected = Self.reference(network, factor: 1)
        #expect(abs(score - expected) <= 1e-5 * expected, "synflow \(score), definition \(expected)")
    }

    /// Weights ×10²⁰ make R ≈ 10⁴⁰, past Float32's 3.4·10³⁸: the rescaled pass still gives the definition's
    /// value (the reference computes in Double for this reason).
    @Test func staysExactWhereFloat32WouldOverflow() {
        let network = ZeroCostFixtures.perceptron(inputs: 7, hidden: 5, outputs: 3, seed: 11)
        for layer in network.layers.compactMap({ $0 as? Linear }) {
            layer.weight.value = Tensor(
                shape: layer.weight.shape, scalars: layer.weight.value.scalars.map { $0 * 1e20 })
        }
        let score = Synflow.score(network, inputShape: [7])
        let expected = Self.reference(
            ZeroCostFixtures.perceptron(inputs: 7, hidden: 5, outputs: 3, seed: 11), factor: 1e20)
        #expect(expected > 1e39)
        #expect(abs(score - expected) <= 1e-5 * expected, "synflow \(score), definition \(expected)")
    }

    @Test func restoresTheParametersBitForBit() {
        let network = ZeroCostFixtures.perceptron(inputs: 7, hidden: 5, outputs: 3, seed: 11)
        let before = network.parameters.map(\.value)
        _ = Synflow.score(network, inputShape: [7])
        #expect(network.parameters.map(\.value) == before)
    }
}
