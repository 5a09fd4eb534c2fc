import Testing
import Tensors
import _TestSupport

@Suite("Dropout")
struct DropoutTests {
    @Test("with a fixed seed the mask is fixed and dropout passes the gradient check")
    func gradients() {
        let x = TestTensors.normal([4, 5], seed: 41)
        for report in GradientCheck().run([x], function: { dropout($0[0], rate: 0.3, seed: 7) }) {
            #expect(report.passed, "\(report)")
        }
    }

    @Test("about 1 - rate of the elements are kept, each scaled by 1 / (1 - rate)", arguments: [0.1, 0.5, 0.8] as [Float])
    func keptFraction(rate: Float) {
        let count = 100_000
        let x = Tensor(repeating: 2, shape: [count])
        let y = dropout(Variable(x), rate: rate, seed: 3).value
        let kept = y.scalars.filter { $0 != 0 }
        for value in kept { #expect(Swift.abs(value - 2 / (1 - rate)) < 1e-5) }
        // Binomial standard deviation sqrt(p(1 - p)/n) ≤ 0.0016; allow 5 of them.
        let fraction = Double(kept.count) / Double(count)
        #expect(Swift.abs(fraction - Double(1 - rate)) < 0.008, "rate \(rate): kept \(fraction)")
    }

    @Test("the same seed gives the same mask, another seed another")
    func determinism() {
        let x = Variable(TestTensors.normal([1000], seed: 42, margin: 0.1))
        let a = dropout(x, rate: 0.5, seed: 9).value
        let b = dropout(x, rate: 0.5, seed: 9).value
        let c = dropout(x, rate: 0.5, seed: 10).value
        #expect(a == b)
        #expect(a != c)
    }

    @Test("a rate of 1 or more names the op and the rate")
    func badRate() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = dropout(Variable(Tensor(zeros: [2])), rate: 1, seed: 0)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("dropout: rate 1.0 is outside [0, 1)"))
        }
    }
}
