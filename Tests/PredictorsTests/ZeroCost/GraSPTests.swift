import Foundation
import Layers
import Seeding
import Tensors
import Testing

@testable import Predictors

/// GraSP on a ReLU perceptron (3072 → 16 → 10) and 8 real CIFAR-10 images against a Double reference: the
/// cross-entropy gradient written out by hand with the hidden units' masks fixed at θ (the linear piece that
/// autograd's double backward differentiates), and H g by central differences of it in Double (step 10⁻⁶·‖g‖⁻¹,
/// far below where a Float32 difference could go).
struct GraSPTests {
    struct Weights {
        var w1: [Double], b1: [Double], w2: [Double], b2: [Double]
    }

    static let (inputs, hidden, outputs) = (3 * 32 * 32, 16, 10)

    /// ∂L/∂W1 and ∂L/∂W2 (concatenated) of the mean cross-entropy, with hidden masks `masks` (N x hidden).
    static func gradient(_ p: Weights, _ x: [Double], _ labels: [Int32], masks: [Bool]) -> [Double] {
        let count = labels.count
        var g1 = [Double](repeating: 0, count: hidden * inputs)
        var g2 = [Double](repeating: 0, count: outputs * hidden)
        for n in 0..<count {
            var h = p.b1
            for j in 0..<hidden { for i in 0..<inputs { h[j] += p.w1[j * inputs + i] * x[n * inputs + i] } }
            for j in 0..<hidden where !masks[n * hidden + j] { h[j] = 0 }
            var logits = p.b2
            for k in 0..<outputs { for j in 0..<hidden { logits[k] += p.w2[k * hidden + j] * h[j] } }
            let largest = logits.max()!
            let e = logits.map { Foundation.exp($0 - largest) }
            let total = e.reduce(0, +)
            let error = (0..<outputs).map { e[$0] / total - (Int(labels[n]) == $0 ? 1 : 0) }
            for k in 0..<outputs { for j in 0..<hidden { g2[k * hidden + j] += error[k] * h[j] / Double(count) } }
            for j in 0..<hidden where masks[n * hidden + j] {
                var upstream = 0.0
                for k in 0..<outputs { upstream += error[k] * p.w2[k * hidden + j] }
                for i in 0..<inputs { g1[j * inputs + i] += upstream * x[n * inputs + i] / Double(count) }
            }
        }
        return g1 + g2
    }

    @Test func matchesTheHessianGradientProductWithFrozenMasks() throws {
        let batch = try ZeroCostFixtures.cifarBatch(8)
        var rng = Xoshiro256(seed: 9)
        let first = Linear(inputSize: Self.inputs, outputSize: Self.hidden, name: "net.1", using: &rng)
        let second = Linear(inputSize: Self.hidden, outputSize: Self.outputs, name: "net.3", using: &rng)
        let network = ObservedSequential(Sequential(name: "net", [Flatten(), first, ReLU(), second]))
        let p = Weights(
            w1: first.weight.value.scalars.map(Double.init), b1: first.bias!.value.scalars.map(Double.init),
            w2: second.weight.value.scalars.map(Double.init), b2: second.bias!.value.scalars.map(Double.init))
        let x = batch.images.scalars.map(Double.init)
        var masks: [Bool] = []
        for n in 0..<batch.count {
            for j in 0..<Self.hidden {
                var z = p.b1[j]
                for i in 0..<Self.inputs { z += p.w1[j * Self.inputs + i] * x[n * Self.inputs + i] }
                masks.append(z > 0)
            }
        }
        let g = Self.gradient(p, x, batch.labels, masks: masks)
        let step = 1e-6 / g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        func shifted(_ sign: Double) -> [Double] {
            var q = p
            let split = Self.hidden * Self.inputs
            for index in q.w1.indices { q.w1[index] += sign * step * g[index] }
            for index in q.w2.indices { q.w2[index] += sign * step * g[split + index] }
            return Self.gradient(q, x, batch.labels, masks: masks)
        }
        let (plus, minus) = (shifted(1), shifted(-1))
        let theta = p.w1 + p.w2
        var expected = 0.0
        for index in theta.indices { expected -= theta[index] * (plus[index] - minus[index]) / (2 * step) }
        let score = try ZeroCostScorer.scores([.grasp], of: network, inputShape: [3, 32, 32], batch: batch)[0]
        #expect(abs(score - expected) <= 0.02 * abs(expected), "grasp \(score), reference \(expected)")
    }
}

/// On a real (small) NB201 network the frozen-mask difference converges: perturbations of norm 0.01 and 0.001
/// give the same score within 3 %. Without frozen masks they differ by a factor of 3 or more (units changing
/// sign add gradient jumps that do not shrink with the step). C = 8, one cell per stage, 8 images: fast in debug.
struct GraSPConvergenceTests {
    @Test func scoreConvergesAsTheStepShrinks() throws {
        let batch = try ZeroCostFixtures.cifarBatch(8)
        let network = try ZeroCostScorerTests.smallNetwork(ZeroCostScorerTests.cell, seed: 4, stemChannels: 8)
        let pass = LossGradients(network: network, batch: batch)
        let coarse = GraSP.score(network, batch: batch, gradients: pass, perturbationNorm: 0.01)
        let fine = GraSP.score(network, batch: batch, gradients: pass, perturbationNorm: 0.001)
        #expect(abs(coarse - fine) <= 0.03 * abs(fine), "grasp at 0.01: \(coarse), at 0.001: \(fine)")
    }
}
