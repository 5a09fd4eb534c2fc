#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Seeding
import Testing
import Tensors
import _TestSupport

@Suite("Gumbel-softmax")
struct GumbelSoftmaxTests {
    @Test("soft mode passes the gradient check when the noise is fixed")
    func gradients() {
        let logits = TestTensors.normal([3, 4], seed: 81)
        for report in GradientCheck().run([logits], function: { v in
            var rng = Xoshiro256(seed: 5)
            return gumbelSoftmax(v[0], temperature: 0.7, hard: false, using: &rng)
        }) {
            #expect(report.passed, "\(report)")
        }
    }

    @Test("the soft sample is softmax((logits + G) / τ) with G drawn from the generator, row by row")
    func softValue() {
        let logits = Tensor(shape: [2, 3], scalars: [0.5, -1, 2, 0, 0, 0])
        var rng = Xoshiro256(seed: 6)
        let y = gumbelSoftmax(Variable(logits), temperature: 0.5, hard: false, using: &rng).value
        var reference = Xoshiro256(seed: 6)
        for row in 0..<2 {
            let z = (0..<3).map { (Double(logits.scalars[row * 3 + $0]) + reference.gumbelDouble()) / 0.5 }
            let total = z.map { exp($0) }.reduce(0, +)
            for k in 0..<3 {
                #expect(Swift.abs(Double(y.scalars[row * 3 + k]) - exp(z[k]) / total) < 1e-5, "\(y)")
            }
        }
    }

    @Test("hard mode is one-hot at the soft sample's argmax, with the soft sample's gradient")
    func hardValueAndGradient() {
        let logits = TestTensors.normal([5, 4], seed: 82)
        let upstream = TestTensors.normal([5, 4], seed: 83)
        var hardRNG = Xoshiro256(seed: 8)
        var softRNG = Xoshiro256(seed: 8)
        let tape = Tape()
        let x = tape.variable(logits)
        let hard = gumbelSoftmax(x, temperature: 1, hard: true, using: &hardRNG)
        let softTape = Tape()  // a tape is differentiated once
        let y = softTape.variable(logits)
        let soft = gumbelSoftmax(y, temperature: 1, hard: false, using: &softRNG)
        for row in 0..<5 {
            let h = Array(hard.value.scalars[(row * 4)..<(row * 4 + 4)])
            let s = Array(soft.value.scalars[(row * 4)..<(row * 4 + 4)])
            #expect(h.filter { $0 == 1 }.count == 1 && h.filter { $0 == 0 }.count == 3, "\(h)")
            #expect(h.firstIndex(of: 1) == s.firstIndex(of: s.max()!))
        }
        let hardGradient = tape.gradients(of: hard, seed: upstream)[x]
        let softGradient = softTape.gradients(of: soft, seed: upstream)[y]
        #expect(hardGradient == softGradient)
        #expect(hardGradient.scalars.contains { $0 != 0 })
    }

    @Test("hard samples fall in each category with probability softmax(logits)")
    func frequencies() {
        let probabilities: [Float] = [0.5, 0.3, 0.15, 0.05]
        let draws = 20_000
        let logits = Tensor(
            shape: [draws, 4], scalars: (0..<draws).flatMap { _ in probabilities.map { logf($0) + 3 } })
        var rng = Xoshiro256(seed: 9)
        let samples = gumbelSoftmax(Variable(logits), temperature: 0.3, hard: true, using: &rng).value
        let counts = columnTotals(samples)
        // Binomial standard deviation sqrt(p(1 - p)/n) ≤ 0.0036; allow 5 of them.
        for k in 0..<4 {
            let frequency = counts[k] / Float(draws)
            #expect(Swift.abs(frequency - probabilities[k]) < 0.018, "category \(k): \(frequency)")
        }
        #expect(counts.reduce(0, +) == Float(draws))
    }

    @Test("a non-positive temperature names the op")
    func badTemperature() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var rng = Xoshiro256(seed: 0)
            _ = gumbelSoftmax(Variable(Tensor(zeros: [2, 3])), temperature: 0, hard: false, using: &rng)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("gumbelSoftmax: temperature 0.0 is not positive"))
        }
    }
}

/// Column sums of a (rows, columns) tensor, for counting one-hot samples.
private func columnTotals(_ x: Tensor) -> [Float] {
    let columns = x.shape[1]
    var totals = [Float](repeating: 0, count: columns)
    for (index, value) in x.scalars.enumerated() { totals[index % columns] += value }
    return totals
}
