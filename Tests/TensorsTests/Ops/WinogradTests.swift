import Testing
import Tensors
import _TestSupport

/// One 3x3 stride-1 convolution that conv2d computes with Winograd's F(2x2, 3x3).
struct WinogradCase: Sendable, CustomTestStringConvertible {
    var batch = 2
    var channels = 8
    var height = 6
    var width = 6
    var outputChannels = 8
    var padding = 1
    var hasBias = true

    var inputShape: [Int] { [batch, channels, height, width] }
    var weightShape: [Int] { [outputChannels, channels, 3, 3] }
    var outputHeight: Int { height + 2 * padding - 2 }
    var outputWidth: Int { width + 2 * padding - 2 }

    var testDescription: String {
        "\(inputShape) * \(weightShape) padding \(padding)" + (hasBias ? " + bias" : "")
    }

    func apply(_ x: Variable, _ w: Variable, _ b: Variable?) -> Variable {
        conv2d(x, weight: w, bias: b, padding: padding)
    }
}

@Suite("Winograd convolution")
struct WinogradTests {
    static let valueCases: [WinogradCase] = [
        WinogradCase(),
        WinogradCase(height: 7, width: 7, hasBias: false),  // odd: the last tiles hang over the edge
        WinogradCase(height: 5, width: 8, padding: 0),  // odd H', even W'
        WinogradCase(batch: 3, channels: 16, height: 9, width: 6, outputChannels: 8, padding: 0),
        WinogradCase(batch: 3, channels: 8, height: 3, width: 3, outputChannels: 24),  // one tile row
        WinogradCase(batch: 2, channels: 16, height: 32, width: 32, outputChannels: 16),  // NB201 stage 1
        WinogradCase(batch: 2, channels: 12, height: 21, width: 19, outputChannels: 20),  // vector blocks and tails
        // Two chunks of images, the second partial: 16·64·(8·8) transformed elements per image, 16 per chunk.
        WinogradCase(batch: 17, channels: 64, height: 16, width: 16, outputChannels: 8),
        WinogradCase(batch: 17, channels: 64, height: 15, width: 15, outputChannels: 8, padding: 0, hasBias: false),
    ]

    @Test("conv2d takes the Winograd path on these shapes", arguments: valueCases)
    func dispatch(of testCase: WinogradCase) {
        #expect(
            conv2dAlgorithm(inputShape: testCase.inputShape, weightShape: testCase.weightShape, padding: testCase.padding)
                == .winograd)
    }

    /// F(2x2, 3x3) in Float adds up to a few units in the last place per tile transform; measured against the
    /// output's scale, the error stays near 1e-7.
    @Test("the forward pass matches a direct seven-loop convolution within 1e-5 of the output scale", arguments: valueCases)
    func values(of testCase: WinogradCase) {
        let x = TestTensors.normal(testCase.inputShape, seed: 51)
        let w = TestTensors.normal(testCase.weightShape, seed: 52)
        let b = TestTensors.normal([testCase.outputChannels], seed: 53)
        let output = testCase.apply(Variable(x), Variable(w), testCase.hasBias ? Variable(b) : nil).value
        let expected = ReferenceConvolution.direct(
            x, w, bias: testCase.hasBias ? b.scalars : nil, padding: testCase.padding).values
        #expect(output.shape == [testCase.batch, testCase.outputChannels, testCase.outputHeight, testCase.outputWidth])
        let error = relativeError(output.scalars, expected)
        #expect(error <= 1e-5, "\(testCase.testDescription): maximum relative error \(error)")
    }

    @Test("the input gradient matches the direct transposed convolution within 1e-5 of its scale", arguments: valueCases)
    func inputGradient(of testCase: WinogradCase) {
        let x = TestTensors.normal(testCase.inputShape, seed: 61)
        let w = TestTensors.normal(testCase.weightShape, seed: 62)
        let tape = Tape()
        let input = tape.variable(x)
        let y = testCase.apply(input, Variable(w), nil)
        let dy = TestTensors.normal(y.shape, seed: 63)
        let gradient = tape.gradients(of: y, seed: dy)[input]
        let expected = directInputGradient(dy, w, testCase)
        let error = relativeError(gradient.scalars, expected)
        #expect(error <= 1e-5, "\(testCase.testDescription): maximum relative error \(error)")
    }

    @Test("the weight and bias gradients match the direct correlation within 1e-5 of their scale", arguments: valueCases)
    func weightGradient(of testCase: WinogradCase) {
        let x = TestTensors.normal(testCase.inputShape, seed: 65)
        let tape = Tape()
        let weight = tape.variable(TestTensors.normal(testCase.weightShape, seed: 66))
        let bias = tape.variable(TestTensors.normal([testCase.outputChannels], seed: 67))
        let y = testCase.apply(tape.variable(x), weight, bias)
        let dy = TestTensors.normal(y.shape, seed: 68)
        let gradients = tape.gradients(of: y, seed: dy)
        let (expectedWeight, expectedBias) = directWeightGradient(dy, x, testCase)
        let weightError = relativeError(gradients[weight].scalars, expectedWeight)
        let biasError = relativeError(gradients[bias].scalars, expectedBias)
        #expect(weightError <= 1e-5, "\(testCase.testDescription): maximum relative error \(weightError)")
        #expect(biasError <= 1e-5, "\(testCase.testDescription): maximum relative bias error \(biasError)")
    }

    static let gradientCases: [WinogradCase] = [
        WinogradCase(height: 5, width: 5),
        WinogradCase(height: 6, width: 5, padding: 0, hasBias: false),
        WinogradCase(batch: 1, channels: 9, height: 4, width: 7, outputChannels: 8),
    ]

    @Test("conv2d on the Winograd path passes the gradient check", arguments: gradientCases)
    func gradients(of testCase: WinogradCase) {
        #expect(
            conv2dAlgorithm(inputShape: testCase.inputShape, weightShape: testCase.weightShape, padding: testCase.padding)
                == .winograd)
        let x = TestTensors.normal(testCase.inputShape, seed: 71)
        let w = TestTensors.normal(testCase.weightShape, seed: 72, scale: 0.5)
        let b = TestTensors.normal([testCase.outputChannels], seed: 73)
        let inputs = testCase.hasBias ? [x, w, b] : [x, w]
        let reports = GradientCheck().run(inputs) { v in
            testCase.apply(v[0], v[1], testCase.hasBias ? v[2] : nil)
        }
        #expect(reports.count == inputs.count)
        for report in reports {
            #expect(report.passed, "\(testCase.testDescription): \(report)")
        }
    }

    @Test("a constant input (the data) gets no gradient and leaves the weight and bias gradients unchanged")
    func constantInput() {
        let testCase = WinogradCase(batch: 3, channels: 8, height: 7, width: 6, outputChannels: 12)
        let x = TestTensors.normal(testCase.inputShape, seed: 91)
        let w = TestTensors.normal(testCase.weightShape, seed: 92)
        let b = TestTensors.normal([testCase.outputChannels], seed: 93)
        func weightAndBiasGradients(recordingInput: Bool) -> (Tensor, Tensor) {
            let tape = Tape()
            let weight = tape.variable(w)
            let bias = tape.variable(b)
            let y = testCase.apply(recordingInput ? tape.variable(x) : Variable(x), weight, bias)
            let gradients = tape.gradients(of: y, seed: TestTensors.normal(y.shape, seed: 94))
            return (gradients[weight], gradients[bias])
        }
        let recorded = weightAndBiasGradients(recordingInput: true)
        let constant = weightAndBiasGradients(recordingInput: false)
        #expect(constant.0 == recorded.0)
        #expect(constant.1 == recorded.1)
    }

    @Test("repeated calls give bitwise-identical outputs and gradients")
    func determinism() {
        let testCase = WinogradCase(batch: 17, channels: 64, height: 16, width: 16, outputChannels: 8)
        let x = TestTensors.normal(testCase.inputShape, seed: 81)
        let w = TestTensors.normal(testCase.weightShape, seed: 82)
        let b = TestTensors.normal([testCase.outputChannels], seed: 83)
        let dy = TestTensors.normal(
            [testCase.batch, testCase.outputChannels, testCase.outputHeight, testCase.outputWidth], seed: 84)
        func run() -> [Tensor] {
            let tape = Tape()
            let variables = [tape.variable(x), tape.variable(w), tape.variable(b)]
            let y = testCase.apply(variables[0], variables[1], variables[2])
            let gradients = tape.gradients(of: y, seed: dy)
            return [y.value] + variables.map { gradients[$0] }
        }
        let first = run()
        for _ in 0..<3 { #expect(run() == first) }
    }

    @Test("the dispatch picks Winograd for NAS-Bench-201 cell convolutions and im2col or depthwise elsewhere")
    func algorithmChoice() {
        for (channels, size) in [(16, 32), (32, 16), (64, 8)] {
            #expect(
                conv2dAlgorithm(inputShape: [64, channels, size, size], weightShape: [channels, channels, 3, 3], padding: 1)
                    == .winograd)
        }
        // The 3-channel stem, strided, dilated, grouped, padded by 2, 1x1 and 5x5 convolutions.
        #expect(conv2dAlgorithm(inputShape: [64, 3, 32, 32], weightShape: [16, 3, 3, 3], padding: 1) == .matrixMultiplication)
        #expect(
            conv2dAlgorithm(inputShape: [64, 16, 32, 32], weightShape: [32, 16, 3, 3], stride: 2, padding: 1)
                == .matrixMultiplication)
        #expect(
            conv2dAlgorithm(inputShape: [2, 16, 8, 8], weightShape: [16, 16, 3, 3], padding: 2, dilation: 2)
                == .matrixMultiplication)
        #expect(
            conv2dAlgorithm(inputShape: [2, 16, 8, 8], weightShape: [16, 8, 3, 3], padding: 1, groups: 2)
                == .matrixMultiplication)
        #expect(conv2dAlgorithm(inputShape: [2, 16, 8, 8], weightShape: [16, 16, 3, 3], padding: 2) == .matrixMultiplication)
        #expect(conv2dAlgorithm(inputShape: [2, 16, 8, 8], weightShape: [16, 16, 1, 1]) == .matrixMultiplication)
        #expect(conv2dAlgorithm(inputShape: [2, 16, 8, 8], weightShape: [16, 16, 5, 5], padding: 2) == .matrixMultiplication)
        #expect(conv2dAlgorithm(inputShape: [2, 16, 8, 8], weightShape: [16, 1, 3, 3], padding: 1, groups: 16) == .depthwise)
    }
}

/// dx[n, c, r, s] = Σ_{o, kh, kw} dy[n, o, r − kh + p, s − kw + p] · w[o, c, kh, kw], over output positions
/// inside the output.
private func directInputGradient(_ dy: Tensor, _ w: Tensor, _ t: WinogradCase) -> [Double] {
    let (oh, ow) = (t.outputHeight, t.outputWidth)
    var dx = [Double](repeating: 0, count: t.batch * t.channels * t.height * t.width)
    for n in 0..<t.batch {
        for c in 0..<t.channels {
            for r in 0..<t.height {
                for s in 0..<t.width {
                    var sum = 0.0
                    for o in 0..<t.outputChannels {
                        for kh in 0..<3 {
                            for kw in 0..<3 {
                                let i = r - kh + t.padding
                                let j = s - kw + t.padding
                                guard i >= 0, i < oh, j >= 0, j < ow else { continue }
                                sum += Double(dy.scalars[((n * t.outputChannels + o) * oh + i) * ow + j])
                                    * Double(w.scalars[((o * t.channels + c) * 3 + kh) * 3 + kw])
                            }
                        }
                    }
                    dx[((n * t.channels + c) * t.height + r) * t.width + s] = sum
                }
            }
        }
    }
    return dx
}

/// dw[o, c, kh, kw] = Σ_{n, i, j} dy[n, o, i, j] · x[n, c, i + kh − p, j + kw − p] and db[o] = Σ_{n, i, j} dy[n, o, i, j].
private func directWeightGradient(_ dy: Tensor, _ x: Tensor, _ t: WinogradCase) -> ([Double], [Double]) {
    let (oh, ow) = (t.outputHeight, t.outputWidth)
    var dw = [Double](repeating: 0, count: t.outputChannels * t.channels * 9)
    var db = [Double](repeating: 0, count: t.outputChannels)
    for n in 0..<t.batch {
        for o in 0..<t.outputChannels {
            for i in 0..<oh {
                for j in 0..<ow {
                    let g = Double(dy.scalars[((n * t.outputChannels + o) * oh + i) * ow + j])
                    db[o] += g
                    for c in 0..<t.channels {
                        for kh in 0..<3 {
                            for kw in 0..<3 {
                                let row = i + kh - t.padding
                                let column = j + kw - t.padding
                                guard row >= 0, row < t.height, column >= 0, column < t.width else { continue }
                                dw[((o * t.channels + c) * 3 + kh) * 3 + kw] +=
                                    g * Double(x.scalars[((n * t.channels + c) * t.height + row) * t.width + column])
                            }
                        }
                    }
                }
            }
        }
    }
    return (dw, db)
}

/// max |actual − expected| / max |expected|: the error relative to the output's scale.
private func relativeError(_ actual: [Float], _ expected: [Double]) -> Double {
    precondition(actual.count == expected.count)
    let scale = expected.reduce(0) { max($0, Swift.abs($1)) }
    let error = zip(actual, expected).reduce(0) { max($0, Swift.abs(Double($1.0) - $1.1)) }
    return error / max(scale, .leastNormalMagnitude)
}
