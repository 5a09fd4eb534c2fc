import Testing
import Tensors
import _TestSupport

@Suite("Losses")
struct LossTests {
    @Test("crossEntropy passes the gradient check with and without label smoothing", arguments: [0, 0.1, 0.5] as [Float])
    func crossEntropyGradients(smoothing: Float) {
        let logits = TestTensors.normal([4, 5], seed: 21, scale: 2)
        let labels: [Int32] = [0, 4, 2, 2]
        for report in GradientCheck().run([logits], function: {
            crossEntropy(logits: $0[0], labels: labels, labelSmoothing: smoothing)
        }) {
            #expect(report.passed, "smoothing \(smoothing): \(report)")
        }
    }

    @Test("crossEntropy on known logits is the mean of -log softmax computed by hand")
    func crossEntropyValue() {
        let logits = Variable(Tensor(shape: [2, 3], scalars: [1, 2, 3, 1, 1, 1]))
        // Row 0: -log(e^3 / (e^1 + e^2 + e^3)) = 0.40760596; row 1: -log(1/3) = 1.09861229.
        let loss = crossEntropy(logits: logits, labels: [2, 0]).value
        #expect(loss.shape == [])
        #expect(Swift.abs(loss.scalar - (0.40760596 + 1.09861229) / 2) < 1e-6, "\(loss)")
    }

    @Test("label smoothing targets (1 - ε)·onehot + ε/K")
    func labelSmoothingValue() {
        let logits = Variable(Tensor(shape: [1, 3], scalars: [1, 2, 3]))
        // ε = 0.3, K = 3: target [0.1, 0.1, 0.8]; log p = [-2.40760596, -1.40760596, -0.40760596].
        let expected: Float = 0.1 * 2.40760596 + 0.1 * 1.40760596 + 0.8 * 0.40760596
        let loss = crossEntropy(logits: logits, labels: [2], labelSmoothing: 0.3).value.scalar
        #expect(Swift.abs(loss - expected) < 1e-6, "\(loss) vs \(expected)")
    }

    @Test("crossEntropy stays finite for extreme logits")
    func crossEntropyStability() {
        let logits = Variable(Tensor(shape: [1, 2], scalars: [1000, -1000]))
        #expect(crossEntropy(logits: logits, labels: [1]).value.scalar == 2000)
    }

    @Test("meanSquaredError: value by hand and gradient check for both arguments")
    func meanSquaredErrorCheck() {
        let prediction = Variable(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
        let target = Variable(Tensor(shape: [2, 2], scalars: [0, 2, 5, 4]))
        #expect(meanSquaredError(prediction, target).value.scalar == 1.25)  // (1 + 0 + 4 + 0) / 4
        let a = TestTensors.normal([3, 4], seed: 22)
        let b = TestTensors.normal([3, 4], seed: 23)
        for report in GradientCheck().run([a, b], function: { meanSquaredError($0[0], $0[1]) }) {
            #expect(report.passed, "\(report)")
        }
    }

    @Test("an out-of-range label names the op, the label and the class count")
    func badLabel() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crossEntropy(logits: Variable(Tensor(zeros: [2, 3])), labels: [0, 3])
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("crossEntropy: label 3 at row 1 is out of range for 3 classes"))
        }
    }

    @Test("a label count that differs from the batch names the op and the shape")
    func badLabelCount() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crossEntropy(logits: Variable(Tensor(zeros: [2, 3])), labels: [0])
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("crossEntropy: 1 labels for logits of shape [2, 3] (2 rows)"))
        }
    }

    @Test("meanSquaredError with different shapes names both")
    func badShapes() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = meanSquaredError(Variable(Tensor(zeros: [2, 3])), Variable(Tensor(zeros: [3, 2])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("meanSquaredError: prediction shape [2, 3] differs from target shape [3, 2]"))
        }
    }
}
