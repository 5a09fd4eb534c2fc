import Datasets
import Layers
import Seeding
import Tensors
import Testing
import Training

@testable import OneShot

@Suite struct ProxylessNASTests {
    static func batches() throws -> (Batch, Batch) {
        let images = try OneShotFixtures.images(16)
        return (
            OneShotFixtures.batch(images.subset(Array(0..<8))), OneShotFixtures.batch(images.subset(Array(8..<16)))
        )
    }

    /// Without the latency term, α's gradient lives on the two sampled candidates of each edge and sums to zero
    /// there (the gradient of a two-way softmax): eq. 4 restricted to two paths.
    @Test func twoPathGradientTouchesOnlyTheSampledPair() throws {
        let supernet = try MnasNetSupernetFixtures.supernet()
        let (_, validation) = try Self.batches()
        var rng = Xoshiro256(seed: 1)
        var proxyless = ProxylessNAS(supernet: supernet, latencyWeight: 0, using: &rng)
        let tape = Tape()
        let gated = proxyless.twoPathGates(on: tape)
        let pass = SupernetBatchPass(supernet, on: validation, tape: tape, seed: 0) { _ in gated }
        let gradients = ParameterGradients(tape.gradients(of: pass.loss), of: proxyless.alpha.parameters)
        for (group, selections) in gated.enumerated() {
            let gradient = gradients[proxyless.alpha.parameters[group]]!
            let width = proxyless.alpha.groups[group].operationCount
            for (edge, selection) in selections.enumerated() {
                #expect(selection.computed.count == 2)
                let row = Array(gradient.scalars[(edge * width)..<((edge + 1) * width)])
                for index in row.indices where !selection.computed.contains(index) { #expect(row[index] == 0) }
                #expect(Swift.abs(row[selection.computed[0]] + row[selection.computed[1]]) < 1e-6)
                let gates = selection.weights!.value.scalars
                #expect(gates.filter { $0 == 1 }.count == 1 && gates.reduce(0, +) == 1)
            }
        }
    }

    /// A large latency weight moves α toward cheaper candidates: E[latency] falls over a few steps.
    @Test func latencyWeightLowersTheExpectedLatency() throws {
        let supernet = try MnasNetSupernetFixtures.supernet()
        let (training, validation) = try Self.batches()
        var rng = Xoshiro256(seed: 2)
        var proxyless = ProxylessNAS(
            supernet: supernet, latencyWeight: 10,
            architectureTraining: ArchitectureTraining(learningRate: 0.05, beta1: 0, beta2: 0.999, weightDecay: 0),
            using: &rng)
        let before = proxyless.expectedLatency(supernet)
        for step in 0..<5 {
            _ = try proxyless.step(
                supernet, training: training, validation: validation,
                context: OneShotStepContext(step: step, epoch: 0, epochs: 1, learningRate: 0.01, seed: UInt64(step)))
        }
        #expect(proxyless.expectedLatency(supernet) < before - 0.01)
    }

    /// The binarized step holds a fraction of DARTS's memory on the same supernet: the bytes of the activations
    /// the forward pass and loss of an architecture step record on the tape, both on the same batch.
    @Test func binarizedStepHoldsAFractionOfDARTSsMemory() throws {
        let supernet = try MnasNetSupernetFixtures.supernet()
        let (_, validation) = try Self.batches()
        var rng = Xoshiro256(seed: 3)
        var proxyless = ProxylessNAS(supernet: supernet, latencyWeight: 0, using: &rng)
        let darts = DARTS(supernet: supernet, order: .first, using: &rng)
        let memory = SupernetStepMemory()
        let proxylessBytes = memory.recordedBytes { tape in
            let gated = proxyless.twoPathGates(on: tape)
            return SupernetBatchPass(supernet, on: validation, tape: tape, seed: 0) { _ in gated }.loss
        }
        let dartsBytes = memory.recordedBytes { tape in
            SupernetBatchPass(supernet, on: validation, tape: tape, seed: 0) { darts.mixture(on: $0) }.loss
        }
        #expect(Double(proxylessBytes) < 0.35 * Double(dartsBytes), "ProxylessNAS \(proxylessBytes) B, DARTS \(dartsBytes) B")
    }
}
