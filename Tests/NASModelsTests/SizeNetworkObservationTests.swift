import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

/// The size network's observed forward pass, which the zero-cost proxies read.
@Suite("SizeNetwork observation")
struct SizeNetworkObservationTests {
    /// Counts what a forward pass reports.
    final class Counter: ActivationObserver {
        var rectifierInputs: [[Int]] = []
        var weightShapes: [[Int]] = []
        var pooledFeatures: [[Int]] = []
        func observeRectifierInput(_ input: Variable) { rectifierInputs.append(input.shape) }
        func observeFeaturesBeforePooling(_ features: Variable) { pooledFeatures.append(features.shape) }
        func weightedLayerOutput(_ output: Variable, weight: Parameter) -> Variable? {
            weightShapes.append(weight.shape)
            return nil
        }
    }

    @Test("the observed pass gives the plain pass's logits and reports every rectifier and weighted layer in order")
    func observedPass() throws {
        var rng = Xoshiro256(seed: 0)
        let model = SizeNetwork(architecture: try SizeSpace().parse("8:16:24:32:40"), using: &rng)
        let input = Variable(TestTensors.normal([2, 3, 16, 16], seed: 1))
        let counter = Counter()
        let observed = model(input, mode: .evaluation, observer: counter)
        #expect(observed.value == model(input, mode: .evaluation).value)
        // ReLUs: cells 5 each (the widening skip has none), reduction blocks 2 each, the head 1.
        #expect(counter.rectifierInputs.count == 5 + 2 + 5 + 2 + 5 + 1)
        // Weighted layers: stem, cell 0's 5 convolutions, 3 per reduction block, 6 in each widening cell, classifier.
        #expect(counter.weightShapes.count == 1 + 5 + 3 + 6 + 3 + 6 + 1)
        #expect(counter.weightShapes[1 + 5 + 3 + 3] == [24, 16, 1, 1])  // cell 2's skip, after its layers 0 to 2
        #expect(counter.weightShapes.last == [10, 40])
        #expect(counter.pooledFeatures == [[2, 40, 4, 4]])
    }
}
