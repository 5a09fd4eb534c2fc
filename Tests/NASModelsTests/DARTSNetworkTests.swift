import Datasets
import Foundation
import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

/// DARTS's evaluation network: the published parameter counts, the structure, and training on real CIFAR-10 images.
/// Forward passes use small networks (C = 8, 3 cells) so the suite stays fast in a debug build.
@Suite("DARTSNetwork")
struct DARTSNetworkTests {
    /// Four CIFAR-10 images from `../shared/data/cifar10_jpeg/data_batch_1.bin`, normalised with DARTS's
    /// `CIFAR_MEAN`/`CIFAR_STD` (`utils._data_transforms_cifar10`).
    static func cifarBatch(_ count: Int) throws -> (images: Tensor, labels: [Int32]) {
        let path = URL(fileURLWithPath: TestTables.packageRoot)
            .appendingPathComponent("../shared/data/cifar10_jpeg/data_batch_1.bin").standardized.path
        let statistics = ChannelStatistics(
            mean: [0.49139968, 0.48215827, 0.44653124], standardDeviation: [0.24703233, 0.24348505, 0.26158768])
        let dataset = try CIFAR.load(batchFiles: [path]).subset(Array(0..<count)).normalized(by: statistics)
        return (dataset.images, dataset.labels)
    }

    static let small = DARTSNetworkConfiguration(initialChannels: 8, layers: 3)

    func network(
        _ architecture: DARTSArchitecture, _ configuration: DARTSNetworkConfiguration, seed: UInt64 = 0
    ) -> DARTSNetwork {
        var rng = Xoshiro256(seed: seed)
        return DARTSNetwork(architecture: architecture, configuration: configuration, using: &rng)
    }

    @Test("DARTS_V2 at the paper's size (C = 36, 20 cells) has DARTS's 3,349,342 parameters, auxiliary head apart")
    func publishedParameterCount() {
        // DARTS's utils.count_parameters_in_MB skips names containing "auxiliary": 3.349342 MB, the paper's 3.3M.
        let model = network(.dartsV2, .darts)
        #expect(model.cost().parameterCount == 3_349_342)
        // AuxiliaryHeadCIFAR on 576 channels: 576·128 + 2·128 + 128·768·4 + 2·768 + 768·10 + 10.
        #expect(model.auxiliaryParameterCount == 476_426)
        #expect(model.trainableParameterCount == 3_349_342 + 476_426)
    }

    @Test("DARTS_V1 at the paper's size and both genotypes at NASKit's default size")
    func otherParameterCounts() {
        var configuration = DARTSNetworkConfiguration.darts
        configuration.auxiliary = false
        #expect(network(.dartsV1, configuration).cost().parameterCount == 3_169_414)
        #expect(network(.dartsV2, DARTSNetworkConfiguration()).cost().parameterCount == 246_106)
        #expect(network(.dartsV2, DARTSNetworkConfiguration()).auxiliaryParameterCount == 0)
    }

    @Test("structure: reductions at layers/3 and 2·layers/3, factorized preprocessing after them, reference names")
    func structure() {
        let model = network(.dartsV2, DARTSNetworkConfiguration(initialChannels: 8, layers: 8, auxiliary: true))
        let names = model.parameters.map(\.name)
        #expect(Array(names.prefix(5)) == ["stem.0.weight", "stem.1.weight", "stem.1.bias", "stem.1.running_mean", "stem.1.running_var"])
        #expect(names.contains("cells.0.preprocess0.op.1.weight"))
        // Cells 2 and 5 reduce, so cells 3 and 6 reduce their preprocess0 by a factorized reduction.
        #expect(names.contains("cells.3.preprocess0.conv_1.weight") && names.contains("cells.6.preprocess0.conv_2.weight"))
        #expect(!names.contains { $0.hasPrefix("cells.4.preprocess0.conv_") })
        #expect(names.contains("cells.7._ops.7.op.1.weight"))  // dil_conv_3x3 on node 5
        #expect(names.contains("auxiliary_head.features.6.running_var"))
        #expect(Array(names.suffix(2)) == ["classifier.weight", "classifier.bias"])
        #expect(Set(names).count == names.count)
        // The stem has 3C = 24 channels; after two reductions the cells have 4·32 = 128 outputs.
        #expect(model.parameters.first?.shape == [24, 3, 3, 3])
        #expect(model.parameters.last(where: { $0.name == "classifier.weight" })?.shape == [10, 128])
    }

    @Test("a real CIFAR-10 batch: logits (8, 10), finite loss, a finite gradient for every weight")
    func forwardBackward() throws {
        let batch = try Self.cifarBatch(8)
        var configuration = Self.small
        configuration.auxiliary = true
        let model = network(.dartsV2, configuration)
        let tape = Tape()
        let (logits, auxiliary) = model.forward(tape.constant(batch.images), mode: .training(seed: 1), dropPathProbability: 0.2)
        #expect(logits.shape == [8, 10])
        #expect(auxiliary?.shape == [8, 10])
        let loss = crossEntropy(logits: logits, labels: batch.labels) + 0.4 * crossEntropy(logits: auxiliary!, labels: batch.labels)
        #expect(loss.value.scalar.isFinite)
        let gradients = tape.gradients(of: loss)
        for parameter in model.trainableParameters {
            let gradient = gradients[parameter]
            #expect(gradient?.isFinite == true, "\(parameter.name)")
        }
        let evaluated = model.forward(Variable(batch.images), mode: .evaluation, dropPathProbability: 0.2)
        #expect(evaluated.logits.shape == [8, 10] && evaluated.auxiliaryLogits == nil)
    }

    @Test("drop path is seeded by the step, off in evaluation, and absent at probability 0")
    func dropPath() throws {
        let images = Variable(try Self.cifarBatch(4).images)
        let model = network(.dartsV1, Self.small)
        let first = model.forward(images, mode: .training(seed: 3), dropPathProbability: 0.5).logits.value
        let again = model.forward(images, mode: .training(seed: 3), dropPathProbability: 0.5).logits.value
        let other = model.forward(images, mode: .training(seed: 4), dropPathProbability: 0.5).logits.value
        let without = model.forward(images, mode: .training(seed: 3), dropPathProbability: 0).logits.value
        #expect(first == again)
        #expect(first != other && first != without)
        let evaluation = model.forward(images, mode: .evaluation, dropPathProbability: 0.5).logits.value
        #expect(evaluation == model.forward(images, mode: .evaluation, dropPathProbability: 0).logits.value)
    }

    @Test("eight SGD steps on a fixed real batch lower the loss")
    func trainingLowersLoss() throws {
        let batch = try Self.cifarBatch(16)
        let model = network(.dartsV2, Self.small, seed: 2)
        var losses: [Float] = []
        for step in 0..<8 {
            let tape = Tape()
            let loss = crossEntropy(logits: model(tape.constant(batch.images), mode: .training(seed: UInt64(step))), labels: batch.labels)
            losses.append(loss.value.scalar)
            let gradients = tape.gradients(of: loss)
            for parameter in model.trainableParameters {
                guard let gradient = gradients[parameter] else { continue }
                var value = parameter.value
                for index in value.scalars.indices { value.scalars[index] -= 0.1 * gradient.scalars[index] }
                parameter.value = value
            }
        }
        #expect(losses.allSatisfy { $0.isFinite })
        #expect(losses.last! < 0.5 * losses.first!, "losses \(losses)")
    }

    @Test("multiply-adds: the stem and classifier by hand inside the total")
    func multiplyAdds() {
        let model = network(.dartsV2, DARTSNetworkConfiguration())
        let layers = model.countedLayers()
        // Stem: 32·32 pixels · 9 · 3 · 48; classifier: 256 · 10 + 10.
        #expect(layers.first?.multiplyAdds == 1_024 * 27 * 48)
        #expect(layers.last?.multiplyAdds == 2_570)
        let total = layers.reduce(0) { $0 + $1.multiplyAdds }
        #expect(model.cost().multiplyAdds == total)
    }
}
