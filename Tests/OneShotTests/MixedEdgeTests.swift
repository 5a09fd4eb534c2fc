import Layers
import Seeding
import Tensors
import Testing
import _TestSupport

@testable import OneShot

@Suite struct MixedEdgeTests {
    /// An edge over none, identity, and a 3x3 convolution-batch norm of 2 channels.
    static func edge(seed: UInt64 = 3) -> MixedEdge {
        var rng = Xoshiro256(seed: seed)
        return MixedEdge(name: "edge", candidates: [
            nil, IdentityOperation(name: "edge.skip"),
            Sequential(name: "edge.conv", [
                ReLU(), Conv2D(inputChannels: 2, outputChannels: 2, kernelSize: 3, padding: 1, bias: false, name: "edge.conv.1", using: &rng),
            ]),
        ])
    }

    @Test func weightedSumHasTheGradientOfItsDefinition() {
        let edge = Self.edge()
        let input = TestTensors.normal([2, 2, 3, 3], seed: 1, margin: 0.05)
        let weights = Tensor(shape: [3], scalars: [0.2, 0.3, 0.5])
        let reports = GradientCheck().run([input, weights]) { variables in
            edge(variables[0], selection: .weighted(variables[1]), mode: .evaluation)!
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test func weightedSumEqualsTheSumOfWeightedOperations() {
        let edge = Self.edge()
        let input = Variable(TestTensors.normal([1, 2, 3, 3], seed: 2))
        let mixed = edge(input, selection: .weighted(Variable(Tensor(shape: [3], scalars: [0.7, 0.25, 0.5]))), mode: .evaluation)!
        let expected = input * 0.25 + edge.candidates[2]!(input, mode: .evaluation) * 0.5
        for (a, b) in zip(mixed.value.scalars, expected.value.scalars) { #expect(Swift.abs(a - b) < 1e-6) }
    }

    /// GDAS's form: the value is exactly the chosen operation's output when the gates are a hard one-hot, and
    /// every gate, run or not, receives a gradient.
    @Test func gatedSelectionRunsOneOperationAndGivesEveryGateAGradient() {
        let edge = Self.edge()
        let input = TestTensors.normal([1, 2, 3, 3], seed: 4)
        let single = edge(Variable(input), selection: .single(2), mode: .evaluation)!
        let tape = Tape()
        let gates = tape.variable(Tensor(shape: [3], scalars: [0, 0, 1]))
        let gated = edge(tape.constant(input), selection: .gated([2], weights: gates), mode: .evaluation)!
        #expect(gated.value == single.value)
        let gradient = tape.gradients(of: gated.sum())[gates]
        let upstreamSum = Float(input.count)  // d/dh_j of Σ(out) for a constant h_j added everywhere
        #expect(gradient.scalars[0] == upstreamSum && gradient.scalars[1] == upstreamSum)
        #expect(Swift.abs(gradient.scalars[2] - single.value.scalars.reduce(0, +)) < 1e-4)
        let reports = GradientCheck().run([input, Tensor(shape: [3], scalars: [0, 0, 1])]) { variables in
            edge(variables[0], selection: .gated([2], weights: variables[1]), mode: .evaluation)!
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test func noneAloneIsExactlyZero() {
        let edge = Self.edge()
        let input = Variable(TestTensors.normal([1, 2, 3, 3], seed: 5))
        #expect(edge(input, selection: .single(0), mode: .evaluation) == nil)
        #expect(edge(input, selection: .off, mode: .evaluation) == nil)
    }
}
