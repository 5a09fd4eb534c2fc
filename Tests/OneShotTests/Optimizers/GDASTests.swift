import Datasets
import Layers
import Seeding
import Tensors
import Testing

@testable import OneShot

@Suite struct GDASTests {
    @Test func temperatureFallsLinearlyFromTenToATenth() throws {
        let supernet = try OneShotFixtures.supernet()
        var rng = Xoshiro256(seed: 0)
        let gdas = GDAS(supernet: supernet, using: &rng)
        #expect(gdas.temperature(epoch: 0, of: 5) == 10)
        #expect(Swift.abs(gdas.temperature(epoch: 2, of: 5) - 5.05) < 1e-6)
        #expect(Swift.abs(gdas.temperature(epoch: 4, of: 5) - 0.1) < 1e-6)
    }

    /// A hard sample runs one operation per edge and its forward pass is exactly that single path's, while the
    /// loss's gradient reaches every α of every edge.
    @Test func aSampleIsASinglePathWithGradientsForEveryAlpha() throws {
        let supernet = try OneShotFixtures.supernet(channels: 2)
        let batch = OneShotFixtures.batch(try OneShotFixtures.images(8, side: 4))
        var rng = Xoshiro256(seed: 5)
        var gdas = GDAS(supernet: supernet, using: &rng)
        let tape = Tape()
        let sample = gdas.sample(on: tape, temperature: 1)
        #expect(sample[0].allSatisfy { $0.computed.count == 1 && $0.addsWeightsOfSkippedOperations })
        let chosen = sample[0].map { $0.computed[0] }
        let architecture = try supernet.architecture(fromChoices: [chosen])
        let gated = supernet(tape.constant(batch.images), selections: sample, mode: .training(seed: 1))
        let single = supernet(Variable(batch.images), selections: supernet.selections(for: architecture), mode: .training(seed: 1))
        #expect(gated.value == single.value)
        let gradient = tape.gradients(of: crossEntropy(logits: gated, labels: batch.labels))[
            gdas.alpha.parameters[0].variable(on: tape)]
        #expect(gradient.scalars.filter { $0 != 0 }.count == 30)
    }
}
