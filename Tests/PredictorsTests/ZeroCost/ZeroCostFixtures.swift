import Datasets
import Foundation
import Layers
import Seeding
import Tensors
import _TestSupport

@testable import Predictors

/// Small networks and a real CIFAR-10 mini-batch shared by the zero-cost proxy tests.
enum ZeroCostFixtures {
    /// `../shared/data/cifar10_jpeg/data_batch_1.bin` beside the package (see that folder's README).
    static let cifarPath = URL(fileURLWithPath: TestTables.packageRoot)
        .appendingPathComponent("../shared/data/cifar10_jpeg/data_batch_1.bin").standardized.path

    /// zero-cost-nas's CIFAR-10 normalisation (its `get_cifar_dataloaders`).
    static let cifarStatistics = ChannelStatistics(
        mean: [0.4914, 0.4822, 0.4465], standardDeviation: [0.2023, 0.1994, 0.2010])

    /// The first `count` images of data_batch_1, normalised.
    static func cifarBatch(_ count: Int) throws -> ZeroCostBatch {
        let dataset = try CIFAR.load(batchFiles: [cifarPath]).subset(Array(0..<count)).normalized(by: cifarStatistics)
        return ZeroCostBatch(images: dataset.images, labels: dataset.labels, classCount: 10)
    }

    /// Linear(inputs → hidden), ReLU, Linear(hidden → outputs), PyTorch's initialisation from `seed`.
    static func perceptron(inputs: Int, hidden: Int, outputs: Int, seed: UInt64) -> ObservedSequential {
        var rng = Xoshiro256(seed: seed)
        return ObservedSequential(Sequential(name: "net", [
            Linear(inputSize: inputs, outputSize: hidden, name: "net.0", using: &rng), ReLU(),
            Linear(inputSize: hidden, outputSize: outputs, name: "net.2", using: &rng),
        ]))
    }
}

/// A sequence whose rectifiers, convolutions and linear layers report to an observer (as the NB201 network's
/// observed pass does), so that ``ZeroCostScorer`` accepts it.
final class ObservedSequential: ObservableLayer {
    let sequence: Sequential
    init(_ sequence: Sequential) { self.sequence = sequence }
    var name: String { sequence.name }
    var parameters: [Parameter] { sequence.parameters }
    var layers: [any Layer] { sequence.layers }

    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable { sequence(input, mode: mode) }

    func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        sequence.layers.reduce(input) { x, layer in
            if let observable = layer as? any ObservableLayer { return observable(x, mode: mode, observer: observer) }
            let output = layer(x, mode: mode)
            guard let weight = (layer as? Linear)?.weight ?? (layer as? Conv2D)?.weight else { return output }
            return observer.weightedLayerOutput(output, weight: weight) ?? output
        }
    }
}
