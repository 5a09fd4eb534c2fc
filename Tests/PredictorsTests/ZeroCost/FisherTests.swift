import Foundation
import Layers
import NASModels
import Seeding
import Tensors
import Testing

@testable import Predictors

/// Fisher against its definition written out in Double loops, on a ReLU perceptron (3072 → 16 → 10) and 8 real
/// CIFAR-10 images: the output a of each linear layer, g = ∂L/∂a of the mean cross-entropy by hand,
/// Δ_k = ½ mean_n (a_nk g_nk)², and the score Σ_layers (inputs per output) · Σ_k Δ_k.
struct FisherTests {
    static let (inputs, hidden, outputs) = (3 * 32 * 32, 16, 10)

    static func reference(first: Linear, second: Linear, batch: ZeroCostBatch) -> Double {
        let (w1, b1) = (first.weight.value.scalars.map(Double.init), first.bias!.value.scalars.map(Double.init))
        let (w2, b2) = (second.weight.value.scalars.map(Double.init), second.bias!.value.scalars.map(Double.init))
        let x = batch.images.scalars.map(Double.init)
        let count = batch.count
        var hiddenSaliency = [Double](repeating: 0, count: hidden)
        var outputSaliency = [Double](repeating: 0, count: outputs)
        for n in 0..<count {
            var a1 = b1  // the first layer's output
            for j in 0..<hidden { for i in 0..<inputs { a1[j] += w1[j * inputs + i] * x[n * inputs + i] } }
            var a2 = b2  // the logits
            for k in 0..<outputs { for j in 0..<hidden { a2[k] += w2[k * hidden + j] * max(a1[j], 0) } }
            let largest = a2.max()!
            let e = a2.map { Foundation.exp($0 - largest) }
            let total = e.reduce(0, +)
            let g2 = (0..<outputs).map { (e[$0] / total - (Int(batch.labels[n]) == $0 ? 1 : 0)) / Double(count) }
            for k in 0..<outputs { outputSaliency[k] += (a2[k] * g2[k]) * (a2[k] * g2[k]) }
            for j in 0..<hidden where a1[j] > 0 {
                var g1 = 0.0
                for k in 0..<outputs { g1 += g2[k] * w2[k * hidden + j] }
                hiddenSaliency[j] += (a1[j] * g1) * (a1[j] * g1)
            }
        }
        let first = hiddenSaliency.reduce(0, +) * 0.5 / Double(count) * Double(inputs)
        let second = outputSaliency.reduce(0, +) * 0.5 / Double(count) * Double(hidden)
        return first + second
    }

    @Test func equalsTheDefinitionOnAPerceptron() throws {
        let batch = try ZeroCostFixtures.cifarBatch(8)
        var rng = Xoshiro256(seed: 5)
        let first = Linear(inputSize: Self.inputs, outputSize: Self.hidden, name: "net.1", using: &rng)
        let second = Linear(inputSize: Self.hidden, outputSize: Self.outputs, name: "net.3", using: &rng)
        let network = ObservedSequential(Sequential(name: "net", [Flatten(), first, ReLU(), second]))
        let score = Fisher.score(network, batch: batch)
        let expected = Self.reference(first: first, second: second, batch: batch)
        #expect(expected > 0)
        #expect(abs(score - expected) <= 1e-4 * expected, "fisher \(score), definition \(expected)")
    }

    /// Two examples, two channels of two positions: (a ⊙ g) sums per example and channel are
    /// n0: (1·2 + 3·(−1), 0.5·4 + 0·1) = (−1, 2), n1: (2·1 + 1·1, −1·2 + 1·0) = (3, −2);
    /// Δ = ½ · ((1 + 9) / 2, (4 + 4) / 2) = (2.5, 2).
    @Test func channelSaliencyByHand() {
        let activation: [Float] = [1, 3, 0.5, 0, 2, 1, -1, 1]
        let gradient: [Float] = [2, -1, 4, 1, 1, 1, 2, 0]
        #expect(Fisher.channelSaliencies(activation: activation, gradient: gradient, shape: [2, 2, 2]) == [2.5, 2])
    }

    /// The observer sees every convolution the benchmark runs and the classifier: the stem, 3 convolution edges
    /// in each of the 3 cells, 3 per reduction block, 1 classifier; the leaves leave the logits unchanged.
    @Test func observesEveryConvolutionAndTheClassifier() throws {
        let batch = try ZeroCostFixtures.cifarBatch(2)
        let network = try ZeroCostScorerTests.smallNetwork(ZeroCostScorerTests.cell, seed: 3)
        let observer = Fisher.Observer()
        let tape = Tape()
        let observed = network(tape.constant(batch.images), mode: .evaluation, observer: observer)
        let plain = network(Variable(batch.images), mode: .evaluation)
        #expect(observed.value == plain.value)
        #expect(observer.outputs.count == 1 + 3 * 3 + 2 * 3 + 1)
        #expect(observer.outputs.last?.weight.name == "classifier.weight")
    }
}
