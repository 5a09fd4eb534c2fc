import Testing
import Tensors
import _TestSupport

@Suite("Batch normalization")
struct BatchNormalizationTests {
    static let shapes: [[Int]] = [[6, 3], [3, 2, 3, 3], [2, 3, 1, 5]]

    @Test("training mode passes the gradient check, with and without scale and offset", arguments: shapes, [true, false])
    func trainingGradients(shape: [Int], affine: Bool) {
        let x = TestTensors.normal(shape, seed: 51, scale: 2)
        let gamma = TestTensors.uniform([shape[1]], seed: 52, from: 0.5, to: 1.5)
        let beta = TestTensors.normal([shape[1]], seed: 53)
        let inputs = affine ? [x, gamma, beta] : [x]
        let reports = GradientCheck().run(inputs) { v in
            batchNormalization(v[0], scale: affine ? v[1] : nil, offset: affine ? v[2] : nil).output
        }
        #expect(reports.count == inputs.count)
        for report in reports { #expect(report.passed, "\(shape) affine \(affine): \(report)") }
    }

    @Test("evaluation mode passes the gradient check, with and without scale and offset", arguments: shapes, [true, false])
    func evaluationGradients(shape: [Int], affine: Bool) {
        let x = TestTensors.normal(shape, seed: 54)
        let mean = TestTensors.normal([shape[1]], seed: 55)
        let variance = TestTensors.uniform([shape[1]], seed: 56, from: 0.5, to: 2)
        let gamma = TestTensors.uniform([shape[1]], seed: 57, from: 0.5, to: 1.5)
        let beta = TestTensors.normal([shape[1]], seed: 58)
        let inputs = affine ? [x, gamma, beta] : [x]
        let reports = GradientCheck().run(inputs) { v in
            batchNormalization(
                v[0], mean: mean, variance: variance, scale: affine ? v[1] : nil, offset: affine ? v[2] : nil)
        }
        for report in reports { #expect(report.passed, "\(shape) affine \(affine): \(report)") }
    }

    @Test("only the scale, or only the offset, gets a gradient when only it is given")
    func partialAffine() {
        let x = TestTensors.normal([4, 2, 2, 2], seed: 59)
        let gamma = TestTensors.uniform([2], seed: 60, from: 0.5, to: 1.5)
        for report in GradientCheck().run([x, gamma], function: { v in
            batchNormalization(v[0], scale: v[1], offset: nil).output
        }) { #expect(report.passed, "scale only: \(report)") }
        for report in GradientCheck().run([x, gamma], function: { v in
            batchNormalization(v[0], scale: nil, offset: v[1]).output
        }) { #expect(report.passed, "offset only: \(report)") }
    }

    @Test("training-mode output has mean 0 and variance 1 per channel, and reports the batch statistics",
          arguments: [[64, 5], [8, 4, 7, 9], [3, 6, 32, 32]])
    func normalizes(shape: [Int]) {
        // Offset from 0 and scaled, so that a missing centring or scaling shows.
        let x = TestTensors.normal(shape, seed: 61, scale: 3, margin: 0)
        var shifted = x
        for i in shifted.scalars.indices { shifted.scalars[i] += 10 }
        let (output, statistics) = batchNormalization(Variable(shifted), scale: nil, offset: nil)
        let channels = shape[1]
        let inner = shape.count == 4 ? shape[2] * shape[3] : 1
        let count = shape[0] * inner
        #expect(statistics.count == count)
        for c in 0..<channels {
            var values: [Double] = []
            var inputs: [Double] = []
            for n in 0..<shape[0] {
                for p in 0..<inner {
                    let index = (n * channels + c) * inner + p
                    values.append(Double(output.value.scalars[index]))
                    inputs.append(Double(shifted.scalars[index]))
                }
            }
            let (mean, variance) = moments(values)
            #expect(Swift.abs(mean) < 1e-4, "channel \(c) mean \(mean)")
            #expect(Swift.abs(variance - 1) < 1e-3, "channel \(c) variance \(variance)")
            let (inputMean, inputVariance) = moments(inputs)
            #expect(Swift.abs(Double(statistics.mean.scalars[c]) - inputMean) < 1e-4)
            #expect(Swift.abs(Double(statistics.variance.scalars[c]) - inputVariance) < 1e-3 * inputVariance)
        }
    }

    /// On shapes too large for finite differences (where the kernels split channels over threads): the input
    /// gradient of a normalization is orthogonal to the constant and to x̂ in every channel (the output's mean
    /// and variance do not move), and the scale and offset gradients are Σ dy·x̂ and Σ dy.
    @Test("training-mode gradients of a large batch are orthogonal to 1 and x̂ per channel")
    func largeGradients() {
        let shape = [4, 8, 32, 32]
        let x = TestTensors.normal(shape, seed: 63, scale: 2)
        let tape = Tape()
        let input = tape.variable(x)
        let gamma = tape.variable(TestTensors.uniform([8], seed: 64, from: 0.5, to: 1.5))
        let beta = tape.variable(TestTensors.normal([8], seed: 65))
        let (output, statistics) = batchNormalization(input, scale: gamma, offset: beta)
        let dy = TestTensors.normal(shape, seed: 66)
        let gradients = tape.gradients(of: output, seed: dy)
        let dx = gradients[input]
        for c in 0..<8 {
            let deviation = 1 / (Double(statistics.variance.scalars[c]) + 1e-5).squareRoot()
            var (dxSum, dxDot, dyDot, dySum, scale) = (0.0, 0.0, 0.0, 0.0, 0.0)
            for n in 0..<4 {
                for p in 0..<1024 {
                    let index = (n * 8 + c) * 1024 + p
                    let normalized = (Double(x.scalars[index]) - Double(statistics.mean.scalars[c])) * deviation
                    dxSum += Double(dx.scalars[index])
                    dxDot += Double(dx.scalars[index]) * normalized
                    dyDot += Double(dy.scalars[index]) * normalized
                    dySum += Double(dy.scalars[index])
                    scale += Swift.abs(Double(dy.scalars[index]))
                }
            }
            #expect(Swift.abs(dxSum) < 1e-5 * scale, "channel \(c): Σ dx = \(dxSum)")
            #expect(Swift.abs(dxDot) < 1e-5 * scale, "channel \(c): Σ dx·x̂ = \(dxDot)")
            #expect(Swift.abs(Double(gradients[gamma].scalars[c]) - dyDot) < 1e-5 * scale)
            #expect(Swift.abs(Double(gradients[beta].scalars[c]) - dySum) < 1e-5 * scale)
        }
    }

    @Test("training mode applies scale and offset after normalizing")
    func affineValues() {
        let x = Tensor(shape: [4, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        let (output, statistics) = batchNormalization(
            Variable(x), scale: Variable(Tensor(shape: [2], scalars: [2, 1])),
            offset: Variable(Tensor(shape: [2], scalars: [0, 5])), epsilon: 0)
        #expect(statistics.mean.scalars == [2.5, 25])
        #expect(statistics.variance.scalars == [1.25, 125])
        // Channel 0: (x − 2.5) / √1.25 · 2; channel 1: (x − 25) / √125 + 5.
        let expected: [Float] = [-1.5, -1.5, -0.5, -0.5, 0.5, 0.5, 1.5, 1.5].enumerated().map { i, z in
            i % 2 == 0 ? 2 * z / Float(1.25).squareRoot() : 10 * z / Float(125).squareRoot() + 5
        }
        for (actual, wanted) in zip(output.value.scalars, expected) { #expect(Swift.abs(actual - wanted) < 1e-5) }
    }

    @Test("evaluation mode normalizes with the given statistics")
    func evaluationValues() {
        let x = TestTensors.normal([2, 3, 2, 2], seed: 62)
        let mean = Tensor(shape: [3], scalars: [0.5, -1, 2])
        let variance = Tensor(shape: [3], scalars: [4, 0.25, 1])
        let gamma = Tensor(shape: [3], scalars: [1, 2, -1])
        let beta = Tensor(shape: [3], scalars: [0, 1, 3])
        let y = batchNormalization(
            Variable(x), mean: mean, variance: variance, scale: Variable(gamma), offset: Variable(beta), epsilon: 0)
        for index in 0..<x.count {
            let c = (index / 4) % 3
            let expected = gamma.scalars[c] * (x.scalars[index] - mean.scalars[c])
                / variance.scalars[c].squareRoot() + beta.scalars[c]
            #expect(Swift.abs(y.value.scalars[index] - expected) < 1e-5)
        }
    }

    @Test("a scale of the wrong size names the op and both shapes")
    func scaleMismatch() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = batchNormalization(
                Variable(Tensor(zeros: [2, 4, 3, 3])), scale: Variable(Tensor(zeros: [5])), offset: nil)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("batchNormalization: scale [5] does not match the 4 channels of input [2, 4, 3, 3]"))
        }
    }

    @Test("running statistics of the wrong size name the op and both shapes")
    func statisticsMismatch() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = batchNormalization(
                Variable(Tensor(zeros: [2, 4])), mean: Tensor(zeros: [3]), variance: Tensor(zeros: [4]),
                scale: nil, offset: nil)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("batchNormalization: mean [3] does not match the 4 channels of input [2, 4]"))
        }
    }

    @Test("training mode with one value per channel names the op and the shape")
    func singleValue() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = batchNormalization(Variable(Tensor(zeros: [1, 4])), scale: nil, offset: nil)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("batchNormalization: input [1, 4] has only one value per channel"))
        }
    }
}

/// The mean and the biased variance, in Double.
private func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    return (mean, variance)
}
