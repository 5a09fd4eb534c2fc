import Layers
import Tensors
import Testing

@Suite("BatchNorm")
struct BatchNormTests {
    // Channel 0 holds 1, 2, 3, 6 (mean 3, biased variance 3.5, unbiased 14/3); channel 1 holds -1, 1, -1, 1
    // (mean 0, biased variance 1, unbiased 4/3). Laid out (N = 4, C = 2).
    let batch = Tensor(shape: [4, 2], scalars: [1, -1, 2, 1, 3, -1, 6, 1])

    @Test("names and shapes follow PyTorch's state dict; affine and tracking are optional")
    func parameters() {
        let full = BatchNorm(channels: 3, name: "stem.bn")
        #expect(full.parameters.map(\.name) == ["stem.bn.weight", "stem.bn.bias", "stem.bn.running_mean", "stem.bn.running_var"])
        #expect(full.parameters.map(\.shape) == [[3], [3], [3], [3]])
        #expect(full.parameters.map(\.isTrainable) == [true, true, false, false])
        #expect(full.scale!.value.scalars == [1, 1, 1] && full.offset!.value.scalars == [0, 0, 0])
        #expect(full.runningMean!.value.scalars == [0, 0, 0] && full.runningVariance!.value.scalars == [1, 1, 1])
        #expect(BatchNorm(channels: 3, affine: false, name: "a").parameters.map(\.name) == ["a.running_mean", "a.running_var"])
        #expect(BatchNorm(channels: 3, affine: false, trackingRunningStatistics: false, name: "b").parameters.isEmpty)
    }

    @Test("training normalizes with the batch mean and biased variance, then scales and shifts")
    func trainingForward() {
        let bn = BatchNorm(channels: 2, epsilon: 0, name: "bn")
        bn.scale!.value = Tensor(shape: [2], scalars: [2, 1])
        bn.offset!.value = Tensor(shape: [2], scalars: [0.5, 0])
        let y = bn(Variable(batch), mode: .training(seed: 0)).value
        let sd0 = Float(3.5).squareRoot()
        let expected: [Float] = [2 * (1 - 3) / sd0 + 0.5, -1, 2 * (2 - 3) / sd0 + 0.5, 1, 0.5, -1, 2 * 3 / sd0 + 0.5, 1]
        for (got, want) in zip(y.scalars, expected) { #expect(Swift.abs(got - want) < 1e-6) }
    }

    @Test("running statistics: running ← 0.9·running + 0.1·batch, with the unbiased variance")
    func runningStatistics() {
        let bn = BatchNorm(channels: 2, name: "bn")
        _ = bn(Variable(batch), mode: .training(seed: 0))
        // mean: 0.9·0 + 0.1·(3, 0); var: 0.9·1 + 0.1·(14/3, 4/3)
        #expect(bn.runningMean!.value.scalars == [0.3, 0])
        expectClose(bn.runningVariance!.value.scalars, [0.9 + 1.4 / 3, 0.9 + 0.4 / 3])
        _ = bn(Variable(batch), mode: .training(seed: 1))
        // mean: 0.9·0.3 + 0.1·3 = 0.57; var: 0.9·(0.9 + 1.4/3) + 0.1·14/3
        expectClose(bn.runningMean!.value.scalars, [0.57, 0])
        expectClose(bn.runningVariance!.value.scalars, [0.9 * (0.9 + 1.4 / 3) + 1.4 / 3, 0.9 * (0.9 + 0.4 / 3) + 0.4 / 3])
        // Evaluation leaves them alone.
        let before = bn.runningVariance!.value
        _ = bn(Variable(batch), mode: .evaluation)
        #expect(bn.runningVariance!.value == before)
    }

    @Test("evaluation normalizes with the running statistics")
    func evaluation() {
        let bn = BatchNorm(channels: 2, epsilon: 0, name: "bn")
        bn.runningMean!.value = Tensor(shape: [2], scalars: [1, -1])
        bn.runningVariance!.value = Tensor(shape: [2], scalars: [4, 0.25])
        let y = bn(Variable(batch), mode: .evaluation).value
        expectClose(y.scalars, [0, 0, 0.5, 4, 1, 0, 2.5, 4])
    }

    @Test("without running statistics every pass uses the batch's, in evaluation too")
    func untracked() {
        let bn = BatchNorm(channels: 2, affine: false, trackingRunningStatistics: false, name: "bn")
        let x = Variable(TestInputs.normal([3, 2, 4, 4], seed: 1))
        let training = bn(x, mode: .training(seed: 0)).value
        #expect(bn(x, mode: .evaluation).value == training)
        #expect(training == batchNormalization(x, scale: nil, offset: nil).output.value)
    }

    @Test("gradients in training mode (rank 4) pass the central-difference check")
    func gradients() {
        let bn = BatchNorm(channels: 3, name: "bn")
        bn.scale!.value = TestInputs.normal([3], seed: 2)
        bn.offset!.value = TestInputs.normal([3], seed: 3)
        #expect(LayerGradientCheck().failures(of: bn, input: TestInputs.normal([2, 3, 3, 3], seed: 4), mode: .training(seed: 0)) == [])
    }

    func expectClose(_ got: [Float], _ want: [Float], tolerance: Float = 1e-6, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(got.count == want.count, sourceLocation: sourceLocation)
        for (a, b) in zip(got, want) {
            #expect(Swift.abs(a - b) <= tolerance * max(1, Swift.abs(b)), "\(got) vs \(want)", sourceLocation: sourceLocation)
        }
    }
}
