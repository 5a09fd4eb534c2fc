import Foundation
import Layers
import Seeding
import Tensors
import Testing

@testable import Predictors

/// SNIP, plain and grad_norm on one linear layer against the cross-entropy gradient written out in Double:
/// ∂L/∂W_ki = (1/N) Σ_n (softmax(W x_n + b)_k − [y_n = k]) x_ni, on real CIFAR-10 images (8 of them, 3x32x32
/// flattened).
struct LossGradientsTests {
    static func linearModel() -> (ObservedSequential, Linear) {
        var rng = Xoshiro256(seed: 5)
        let linear = Linear(inputSize: 3 * 32 * 32, outputSize: 10, name: "classifier", using: &rng)
        return (ObservedSequential(Sequential(name: "", [Flatten(), linear])), linear)
    }

    /// The exact gradient of the mean cross-entropy with respect to W, (10, 3072), in Double.
    static func referenceGradient(_ linear: Linear, _ batch: ZeroCostBatch) -> [Double] {
        let (outputs, inputs) = (10, 3 * 32 * 32)
        let w = linear.weight.value.scalars.map(Double.init)
        let b = linear.bias!.value.scalars.map(Double.init)
        let x = batch.images.scalars.map(Double.init)
        var gradient = [Double](repeating: 0, count: outputs * inputs)
        for n in 0..<batch.count {
            var logits = b
            for k in 0..<outputs { for i in 0..<inputs { logits[k] += w[k * inputs + i] * x[n * inputs + i] } }
            let largest = logits.max()!
            let exponentials = logits.map { Foundation.exp($0 - largest) }
            let total = exponentials.reduce(0, +)
            for k in 0..<outputs {
                let error = exponentials[k] / total - (Int(batch.labels[n]) == k ? 1 : 0)
                for i in 0..<inputs { gradient[k * inputs + i] += error * x[n * inputs + i] / Double(batch.count) }
            }
        }
        return gradient
    }

    @Test func snipPlainAndGradientNormMatchTheirDefinitions() throws {
        let batch = try ZeroCostFixtures.cifarBatch(8)
        let (network, linear) = Self.linearModel()
        let g = Self.referenceGradient(linear, batch)
        let w = linear.weight.value.scalars.map(Double.init)
        let snip = zip(w, g).reduce(0) { $0 + abs($1.0 * $1.1) }
        let plain = zip(w, g).reduce(0) { $0 + $1.0 * $1.1 }
        let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let scores = try ZeroCostScorer.scores(
            [.snip, .plain, .gradNorm], of: network, inputShape: [3, 32, 32], batch: batch)
        #expect(abs(scores[0] - snip) <= 1e-4 * snip, "snip \(scores[0]) vs \(snip)")
        #expect(abs(scores[1] - plain) <= 1e-4 * abs(snip), "plain \(scores[1]) vs \(plain)")
        #expect(abs(scores[2] - norm) <= 1e-4 * norm, "grad_norm \(scores[2]) vs \(norm)")
    }

    /// GraSP's −Σ θ ⊙ Hg against H g by central differences of the Double gradient above (step 1e-4·‖g‖⁻¹).
    @Test func graspMatchesTheHessianGradientProduct() throws {
        let batch = try ZeroCostFixtures.cifarBatch(8)
        let (network, linear) = Self.linearModel()
        let g = Self.referenceGradient(linear, batch)
        let w = linear.weight.value.scalars
        let step = 1e-4 / g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        func gradient(at sign: Double) -> [Double] {
            linear.weight.value = Tensor(
                shape: linear.weight.shape, scalars: zip(w, g).map { Float(Double($0) + sign * step * $1) })
            return Self.referenceGradient(linear, batch)
        }
        let (plus, minus) = (gradient(at: 1), gradient(at: -1))
        linear.weight.value = Tensor(shape: linear.weight.shape, scalars: w)
        var expected = 0.0
        for index in w.indices { expected -= Double(w[index]) * (plus[index] - minus[index]) / (2 * step) }
        let score = try ZeroCostScorer.scores([.grasp], of: network, inputShape: [3, 32, 32], batch: batch)[0]
        #expect(abs(score - expected) <= 0.05 * abs(expected), "grasp \(score) vs \(expected)")
    }
}

