import Seeding
import Testing
import Tensors
import _TestSupport

/// One pooling window configuration.
struct PoolingCase: Sendable, CustomTestStringConvertible {
    var size = 6
    var kernelSize = 3
    var stride = 1
    var padding = 1

    var testDescription: String { "\(kernelSize)x\(kernelSize) stride \(stride) padding \(padding) on \(size)x\(size)" }
}

@Suite("Pooling")
struct PoolingTests {
    static let cases: [PoolingCase] = [
        PoolingCase(),
        PoolingCase(stride: 2),
        PoolingCase(size: 7, stride: 2, padding: 0),
        PoolingCase(kernelSize: 2, stride: 2, padding: 0),
        PoolingCase(size: 7, kernelSize: 2, stride: 1, padding: 1),
        PoolingCase(size: 5, kernelSize: 5, stride: 1, padding: 2),
    ]

    /// Distinct values 0.1 apart in random order: no ties, and no finite-difference step (0.01) reorders them,
    /// so the maximum of every window is stable under the check.
    static func distinctValues(_ shape: [Int], seed: UInt64) -> Tensor {
        var values = (0..<shape.reduce(1, *)).map { Float($0) * 0.1 - 5 }
        var rng = Xoshiro256(seed: seed)
        values.seededShuffle(using: &rng)
        return Tensor(shape: shape, scalars: values)
    }

    @Test("maxPool2d passes the gradient check on inputs without ties", arguments: cases)
    func maximumGradients(of testCase: PoolingCase) {
        let x = Self.distinctValues([2, 3, testCase.size, testCase.size], seed: 5)
        let reports = GradientCheck().run([x]) {
            maxPool2d($0[0], kernelSize: testCase.kernelSize, stride: testCase.stride, padding: testCase.padding)
        }
        for report in reports { #expect(report.passed, "\(testCase.testDescription): \(report)") }
    }

    @Test("avgPool2d passes the gradient check, with and without padding counted", arguments: cases, [false, true])
    func averageGradients(of testCase: PoolingCase, countingPadding: Bool) {
        let x = TestTensors.normal([2, 3, testCase.size, testCase.size], seed: 6)
        let reports = GradientCheck().run([x]) {
            avgPool2d(
                $0[0], kernelSize: testCase.kernelSize, stride: testCase.stride, padding: testCase.padding,
                countingPadding: countingPadding)
        }
        for report in reports { #expect(report.passed, "\(testCase.testDescription) \(countingPadding): \(report)") }
    }

    @Test("globalAveragePool passes the gradient check")
    func globalGradients() {
        let x = TestTensors.normal([2, 3, 5, 4], seed: 7)
        for report in GradientCheck().run([x], function: { globalAveragePool($0[0]) }) {
            #expect(report.passed, "\(report)")
        }
    }

    @Test("max pooling 2x2 with stride 2 picks each block's maximum and routes its gradient there")
    func maximumValues() {
        let x = Tensor(shape: [1, 1, 4, 4], scalars: [
            1, 5, 2, 0,
            3, 4, 8, 7,
            -1, -2, 6, 6.5,
            -3, -4, 9, 1,
        ])
        let tape = Tape()
        let input = tape.variable(x)
        let y = maxPool2d(input, kernelSize: 2, stride: 2)
        #expect(y.value == Tensor(shape: [1, 1, 2, 2], scalars: [5, 8, -1, 9]))
        let gradient = tape.gradients(of: y, seed: Tensor(shape: [1, 1, 2, 2], scalars: [10, 20, 30, 40]))[input]
        #expect(gradient.scalars == [0, 10, 0, 0, 0, 0, 20, 0, 30, 0, 0, 0, 0, 0, 40, 0])
    }

    /// Planes wide enough for the vectorized paths (8 and 4 lanes, strides 1 and 2, overlapping last steps):
    /// values and gradient routing against a direct loop over every window.
    @Test("maxPool2d matches a direct reference on wide planes", arguments: [
        PoolingCase(size: 21), PoolingCase(size: 40, stride: 2), PoolingCase(size: 37, stride: 2, padding: 0),
        PoolingCase(size: 20, kernelSize: 2, stride: 2, padding: 0), PoolingCase(size: 13, kernelSize: 5, padding: 2),
        PoolingCase(size: 35, kernelSize: 3, stride: 3, padding: 1), PoolingCase(size: 17),
        PoolingCase(size: 10, kernelSize: 2, stride: 1, padding: 0),
    ])
    func maximumReference(of testCase: PoolingCase) {
        let shape = [2, 3, testCase.size, testCase.size]
        let x = Self.distinctValues(shape, seed: 9)
        let tape = Tape()
        let input = tape.variable(x)
        let y = maxPool2d(input, kernelSize: testCase.kernelSize, stride: testCase.stride, padding: testCase.padding)
        let dy = TestTensors.normal(y.shape, seed: 10)
        let dx = tape.gradients(of: y, seed: dy)[input]
        let size = testCase.size
        let outputSize = (size + 2 * testCase.padding - testCase.kernelSize) / testCase.stride + 1
        #expect(y.shape == [2, 3, outputSize, outputSize])
        var expectedGradient = [Float](repeating: 0, count: x.count)
        var mismatches = 0
        for plane in 0..<6 {
            for i in 0..<outputSize {
                for j in 0..<outputSize {
                    var best = -Float.infinity
                    var at = -1
                    for r in (i * testCase.stride - testCase.padding)..<(i * testCase.stride - testCase.padding + testCase.kernelSize) {
                        for c in (j * testCase.stride - testCase.padding)..<(j * testCase.stride - testCase.padding + testCase.kernelSize) {
                            guard r >= 0, r < size, c >= 0, c < size else { continue }
                            let index = (plane * size + r) * size + c
                            if x.scalars[index] > best { (best, at) = (x.scalars[index], index) }
                        }
                    }
                    let output = (plane * outputSize + i) * outputSize + j
                    if y.value.scalars[output] != best { mismatches += 1 }
                    expectedGradient[at] += dy.scalars[output]
                }
            }
        }
        #expect(mismatches == 0, "\(testCase.testDescription)")
        let misrouted = zip(dx.scalars, expectedGradient).filter { $0 != $1 }.count
        #expect(misrouted == 0, "\(testCase.testDescription): \(misrouted) input gradients differ")
    }

    @Test("max pooling with padding never picks the padding, even when every input is negative")
    func maximumIgnoresPadding() {
        let x = Tensor(shape: [1, 1, 3, 3], scalars: (1...9).map { -Float($0) })
        let y = maxPool2d(Variable(x), kernelSize: 3, stride: 1, padding: 1).value
        #expect(y.scalars == [-1, -1, -2, -1, -1, -2, -4, -4, -5])
    }

    @Test("a window of −∞ still routes its gradient to an element of the input", arguments: [1, 2])
    func maximumOfNegativeInfinity(stride: Int) {
        let tape = Tape()
        let input = tape.variable(Tensor(repeating: -.infinity, shape: [1, 2, 4, 4]))
        let y = maxPool2d(input, kernelSize: 3, stride: stride, padding: 1)
        #expect(y.value.scalars.allSatisfy { $0 == -.infinity })
        let dx = tape.gradients(of: y, seed: Tensor(repeating: 1, shape: y.shape))[input]
        #expect(dx.scalars.reduce(0, +) == Float(y.value.count))
    }

    @Test("average pooling at a corner without padding counted is the mean of the 4 in-bounds values")
    func averageCorner() {
        let x = TestTensors.normal([2, 3, 5, 5], seed: 8)
        let excluding = avgPool2d(Variable(x), kernelSize: 3, stride: 1, padding: 1).value
        let including = avgPool2d(Variable(x), kernelSize: 3, stride: 1, padding: 1, countingPadding: true).value
        #expect(excluding.shape == [2, 3, 5, 5])
        for plane in 0..<6 {
            let base = plane * 25
            let corner = [0, 1, 5, 6].map { x.scalars[base + $0] }.reduce(0, +)
            #expect(Swift.abs(excluding.scalars[base] - corner / 4) < 1e-6)
            #expect(Swift.abs(including.scalars[base] - corner / 9) < 1e-6)
            // An edge window has 6 in-bounds values; an interior one all 9.
            let edge = [0, 1, 2, 5, 6, 7].map { x.scalars[base + $0] }.reduce(0, +)
            #expect(Swift.abs(excluding.scalars[base + 1] - edge / 6) < 1e-6)
            let interior = [0, 1, 2, 5, 6, 7, 10, 11, 12].map { x.scalars[base + $0] }.reduce(0, +)
            #expect(Swift.abs(excluding.scalars[base + 6] - interior / 9) < 1e-6)
            #expect(Swift.abs(including.scalars[base + 6] - interior / 9) < 1e-6)
        }
    }

    @Test("average pooling 2x2 with stride 2 halves the resolution")
    func averageValues() {
        let x = Tensor(shape: [1, 1, 2, 4], scalars: [1, 2, 3, 4, 5, 6, 7, 8])
        let y = avgPool2d(Variable(x), kernelSize: 2, stride: 2).value
        #expect(y == Tensor(shape: [1, 1, 1, 2], scalars: [3.5, 5.5]))
    }

    @Test("global average pooling is the mean of each plane")
    func globalValues() {
        let x = Tensor(shape: [2, 2, 1, 3], scalars: [1, 2, 3, 4, 5, 6, -1, -2, -6, 0, 0, 3])
        let y = globalAveragePool(Variable(x)).value
        #expect(y == Tensor(shape: [2, 2], scalars: [2, 5, -3, 1]))
    }

    @Test("padding larger than half the window names the op and the arguments")
    func paddingTooLarge() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = maxPool2d(Variable(Tensor(zeros: [1, 1, 4, 4])), kernelSize: 3, stride: 1, padding: 2)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("maxPool2d: padding 2 is more than half of kernelSize 3"))
        }
    }

    @Test("a non-image input names the op and its shape")
    func wrongRank() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = avgPool2d(Variable(Tensor(zeros: [4, 4])), kernelSize: 2, stride: 2)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("avgPool2d: input [4, 4] must be a non-empty (N, C, H, W) batch"))
        }
    }
}
