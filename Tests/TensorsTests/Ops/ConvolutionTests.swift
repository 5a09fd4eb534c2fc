import Testing
import Tensors
import _TestSupport

/// One convolution to test: shapes and hyper-parameters.
struct ConvolutionCase: Sendable, CustomTestStringConvertible {
    var batch = 2
    var channels = 4
    var size = 6  // H = W
    var outputChannels = 4
    var kernelSize = 3
    var stride = 1
    var padding = 0
    var dilation = 1
    var groups = 1
    var hasBias = true

    var inputShape: [Int] { [batch, channels, size, size] }
    var weightShape: [Int] { [outputChannels, channels / groups, kernelSize, kernelSize] }

    var testDescription: String {
        "\(inputShape) * \(weightShape) stride \(stride) padding \(padding) dilation \(dilation) groups \(groups)"
            + (hasBias ? " + bias" : "")
    }

    func apply(_ x: Variable, _ w: Variable, _ b: Variable?) -> Variable {
        conv2d(x, weight: w, bias: b, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }
}

@Suite("Convolution")
struct ConvolutionTests {
    static let gradientCases: [ConvolutionCase] = [
        ConvolutionCase(),
        ConvolutionCase(stride: 2, padding: 1, hasBias: false),
        ConvolutionCase(padding: 2, dilation: 2),
        ConvolutionCase(stride: 2, padding: 2, dilation: 2, hasBias: false),
        ConvolutionCase(outputChannels: 6, padding: 1, groups: 2),
        ConvolutionCase(outputChannels: 6, stride: 2, padding: 0, groups: 2, hasBias: false),
        ConvolutionCase(padding: 1, groups: 4),  // depthwise
        ConvolutionCase(stride: 2, padding: 2, dilation: 2, groups: 4, hasBias: false),  // DARTS dil_conv
        ConvolutionCase(outputChannels: 8, kernelSize: 5, padding: 2, groups: 4),  // depthwise, multiplier 2
        ConvolutionCase(outputChannels: 3, kernelSize: 1),  // pointwise
        ConvolutionCase(outputChannels: 3, kernelSize: 1, stride: 2, hasBias: false),  // factorized reduce
        ConvolutionCase(batch: 1, channels: 2, size: 16, outputChannels: 3, kernelSize: 1),  // pointwise, 1 image
        ConvolutionCase(channels: 2, size: 2, outputChannels: 3, kernelSize: 5, padding: 2),  // padding = size
        ConvolutionCase(size: 2, kernelSize: 5, padding: 2, groups: 4),  // depthwise, padding = size
        ConvolutionCase(size: 1, outputChannels: 2, kernelSize: 5, padding: 2),  // padding > size
        ConvolutionCase(channels: 1, outputChannels: 3, padding: 1),  // one input channel
    ]

    @Test("conv2d passes the gradient check", arguments: gradientCases)
    func gradients(of testCase: ConvolutionCase) {
        let x = TestTensors.normal(testCase.inputShape, seed: 11)
        let w = TestTensors.normal(testCase.weightShape, seed: 12, scale: 0.5)
        let b = TestTensors.normal([testCase.outputChannels], seed: 13)
        let inputs = testCase.hasBias ? [x, w, b] : [x, w]
        let reports = GradientCheck().run(inputs) { v in
            testCase.apply(v[0], v[1], testCase.hasBias ? v[2] : nil)
        }
        #expect(reports.count == inputs.count)
        for report in reports {
            #expect(report.passed, "\(testCase.testDescription): \(report)")
        }
    }

    static let referenceCases: [ConvolutionCase] = gradientCases + [
        // Several chunks of images in im2col, the last one partial (64·3² = 576 unfolded rows and 100 columns
        // per image: a chunk of 2^20 elements holds 18 images).
        ConvolutionCase(batch: 20, channels: 64, size: 10, outputChannels: 4, padding: 1),
        ConvolutionCase(batch: 19, channels: 64, size: 19, outputChannels: 6, stride: 2, padding: 1, groups: 2),
        ConvolutionCase(batch: 9, channels: 3, size: 20, outputChannels: 5, padding: 1),
        ConvolutionCase(batch: 5, channels: 6, size: 24, outputChannels: 4, kernelSize: 1),
        ConvolutionCase(batch: 3, channels: 4, size: 9, outputChannels: 4, kernelSize: 3, padding: 0),
        ConvolutionCase(batch: 3, channels: 6, size: 11, outputChannels: 6, padding: 4, dilation: 2, groups: 6),
    ]

    @Test("conv2d matches a direct seven-loop convolution", arguments: referenceCases)
    func values(of testCase: ConvolutionCase) {
        let x = TestTensors.normal(testCase.inputShape, seed: 21)
        let w = TestTensors.normal(testCase.weightShape, seed: 22)
        let b = TestTensors.normal([testCase.outputChannels], seed: 23)
        let output = testCase.apply(Variable(x), Variable(w), testCase.hasBias ? Variable(b) : nil).value
        let expected = directConvolution(x, w, testCase.hasBias ? b : nil, testCase)
        #expect(output.shape == expected.shape)
        #expect(maximumDifference(output, expected) < 1e-4, "\(testCase.testDescription)")
    }

    /// The pullback of a linear map is its adjoint: ⟨dY, conv(V, W)⟩ = ⟨dX, V⟩ and ⟨dY, conv(X, U)⟩ = ⟨dW, U⟩
    /// for any V, U. This checks the input and weight gradients of shapes too large for finite differences,
    /// where im2col works on several chunks of images.
    @Test("conv2d's pullback is the adjoint of the convolution", arguments: referenceCases)
    func adjoint(of testCase: ConvolutionCase) {
        let x = TestTensors.normal(testCase.inputShape, seed: 31)
        let w = TestTensors.normal(testCase.weightShape, seed: 32)
        let v = TestTensors.normal(testCase.inputShape, seed: 33)
        let u = TestTensors.normal(testCase.weightShape, seed: 34)
        let tape = Tape()
        let xVariable = tape.variable(x)
        let wVariable = tape.variable(w)
        let y = testCase.apply(xVariable, wVariable, nil)
        let dy = TestTensors.normal(y.shape, seed: 35)
        let gradients = tape.gradients(of: y, seed: dy)
        let inputSide = dot(dy, testCase.apply(Variable(v), Variable(w), nil).value)
        let weightSide = dot(dy, testCase.apply(Variable(x), Variable(u), nil).value)
        #expect(Swift.abs(inputSide - dot(gradients[xVariable], v)) <= 1e-4 * max(1, Swift.abs(inputSide)))
        #expect(Swift.abs(weightSide - dot(gradients[wVariable], u)) <= 1e-4 * max(1, Swift.abs(weightSide)))
    }

    @Test("a constant input (the data) gets no gradient and leaves the weight and bias gradients unchanged",
          arguments: [
            gradientCases[0], gradientCases[4], gradientCases[9], gradientCases[11], referenceCases[gradientCases.count],
        ])
    func constantInput(of testCase: ConvolutionCase) {
        let x = TestTensors.normal(testCase.inputShape, seed: 45)
        let w = TestTensors.normal(testCase.weightShape, seed: 46)
        let b = TestTensors.normal([testCase.outputChannels], seed: 47)
        func weightAndBiasGradients(recordingInput: Bool) -> (Tensor, Tensor) {
            let tape = Tape()
            let input = recordingInput ? tape.variable(x) : Variable(x)
            let weight = tape.variable(w)
            let bias = tape.variable(b)
            let y = testCase.apply(input, weight, bias)
            let gradients = tape.gradients(of: y, seed: TestTensors.normal(y.shape, seed: 48))
            return (gradients[weight], gradients[bias])
        }
        let recorded = weightAndBiasGradients(recordingInput: true)
        let constant = weightAndBiasGradients(recordingInput: false)
        #expect(constant.0 == recorded.0, "\(testCase.testDescription)")
        #expect(constant.1 == recorded.1, "\(testCase.testDescription)")
    }

    @Test("the bias gradient sums the output gradient over images and positions, across chunks")
    func biasGradient() {
        let testCase = ConvolutionCase(batch: 20, channels: 64, size: 10, outputChannels: 5, padding: 1)
        let tape = Tape()
        let b = tape.variable(TestTensors.normal([5], seed: 41))
        let y = testCase.apply(
            Variable(TestTensors.normal(testCase.inputShape, seed: 42)),
            Variable(TestTensors.normal(testCase.weightShape, seed: 43)), b)
        let dy = TestTensors.normal(y.shape, seed: 44)
        let gradient = tape.gradients(of: y, seed: dy)[b]
        for o in 0..<5 {
            var expected = 0.0
            for n in 0..<20 {
                for p in 0..<100 { expected += Double(dy.scalars[(n * 5 + o) * 100 + p]) }
            }
            #expect(Swift.abs(Double(gradient.scalars[o]) - expected) < 1e-3)
        }
    }

    @Test("a 3x3 averaging kernel over a constant image gives the count of in-bounds neighbours")
    func borders() {
        let x = Variable(Tensor(repeating: 1, shape: [1, 1, 4, 4]))
        let w = Variable(Tensor(repeating: 1, shape: [1, 1, 3, 3]))
        let y = conv2d(x, weight: w, padding: 1).value
        #expect(y.scalars == [4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4])
        let strided = conv2d(x, weight: w, stride: 2, padding: 1).value
        #expect(strided.shape == [1, 1, 2, 2])
        #expect(strided.scalars == [4, 6, 6, 9])
    }

    @Test("a channel mismatch names the op and both shapes")
    func channelMismatch() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = conv2d(Variable(Tensor(zeros: [2, 3, 8, 8])), weight: Variable(Tensor(zeros: [16, 4, 3, 3])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("conv2d: input [2, 3, 8, 8] has 3 channels but weight [16, 4, 3, 3] expects 4 (groups 1)"))
        }
    }

    @Test("a bias of the wrong size names the op and both shapes")
    func biasMismatch() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = conv2d(
                Variable(Tensor(zeros: [2, 4, 8, 8])), weight: Variable(Tensor(zeros: [16, 4, 3, 3])),
                bias: Variable(Tensor(zeros: [8])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("conv2d: bias [8] does not match the 16 output channels of weight [16, 4, 3, 3]"))
        }
    }

    @Test("a kernel larger than the padded input names the op and both shapes")
    func kernelTooLarge() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = conv2d(Variable(Tensor(zeros: [1, 2, 2, 2])), weight: Variable(Tensor(zeros: [3, 2, 5, 5])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("conv2d: input [1, 2, 2, 2] with padding 0 is smaller than the kernel of weight [3, 2, 5, 5]"))
        }
    }
}

/// The direct convolution of `_TestSupport`, rounded to Float.
private func directConvolution(_ x: Tensor, _ w: Tensor, _ b: Tensor?, _ c: ConvolutionCase) -> Tensor {
    let (shape, values) = ReferenceConvolution.direct(
        x, w, bias: b?.scalars, stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups)
    return Tensor(shape: shape, scalars: values.map { Float($0) })
}

private func dot(_ a: Tensor, _ b: Tensor) -> Double {
    zip(a.scalars, b.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
}

private func maximumDifference(_ a: Tensor, _ b: Tensor) -> Float {
    zip(a.scalars, b.scalars).reduce(0) { max($0, Swift.abs($1.0 - $1.1)) }
}
