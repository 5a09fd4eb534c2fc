import Datasets
import Foundation
import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

/// The NATS-Bench size-space network on real CIFAR-10 images (`../shared/data/cifar10_jpeg`, read by the Datasets
/// CIFAR reader). Small batches and the smallest widths keep the suite fast in a debug build.
@Suite("SizeNetwork")
struct SizeNetworkTests {
    static let cifarPath = URL(fileURLWithPath: TestTables.packageRoot)
        .appendingPathComponent("../shared/data/cifar10_jpeg/test_batch_2000.bin").standardized.path

    /// The first `count` test images, normalised by CIFAR-10's usual channel statistics.
    static func cifarImages(_ count: Int) throws -> ImageDataset {
        let statistics = ChannelStatistics(mean: [0.4914, 0.4822, 0.4465], standardDeviation: [0.2470, 0.2435, 0.2616])
        return try CIFAR.load(batchFiles: [cifarPath]).subset(Array(0..<count)).normalized(by: statistics)
    }

    func network(_ text: String, seed: UInt64 = 0) throws -> SizeNetwork {
        var rng = Xoshiro256(seed: seed)
        return SizeNetwork(architecture: try SizeSpace().parse(text), using: &rng)
    }

    @Test("parameter names are xautodl's state_dict keys, the widening skip as layers.3.conv and layers.3.bn")
    func parameterNames() throws {
        let names = try network("8:16:24:24:32").parameters.map(\.name)
        #expect(Array(names.prefix(5)) == ["stem.0.weight", "stem.1.weight", "stem.1.bias", "stem.1.running_mean", "stem.1.running_var"])
        // cells.0 keeps c0 = 8, so its skip is the identity; cells.2 widens 16 -> 24 and cells.4 24 -> 32.
        #expect(!names.contains { $0.hasPrefix("cells.0.layers.3.") })
        #expect(names.contains("cells.2.layers.3.conv.weight"))
        #expect(names.contains("cells.2.layers.3.bn.running_var"))
        #expect(names.contains("cells.4.layers.3.bn.bias"))
        #expect(names.contains("cells.1.conv_a.op.1.weight"))
        #expect(names.contains("cells.3.downsample.1.weight"))
        #expect(names.contains("cells.4.layers.5.op.2.bias"))
        #expect(Array(names.suffix(6)) == [
            "lastact.0.weight", "lastact.0.bias", "lastact.0.running_mean", "lastact.0.running_var",
            "classifier.weight", "classifier.bias",
        ])
        #expect(Set(names).count == names.count)
        // Layer 3 sits between layers 2 and 4, as xautodl's module list orders it.
        let position = { (name: String) in try #require(names.firstIndex(of: name)) }
        #expect(try position("cells.2.layers.2.op.2.running_var") < position("cells.2.layers.3.conv.weight"))
        #expect(try position("cells.2.layers.3.bn.running_var") < position("cells.2.layers.4.op.1.weight"))
    }

    @Test("the widths reach the layers: cells widen on their node-0 edges, reductions halve the resolution")
    func shapes() throws {
        let model = try network("8:16:24:32:40")
        let cost = model.countedLayers(inputHeight: 32, inputWidth: 32)
        // stem, cell 0 (5 convolutions), reduction (3), cell 2 (6: it widens), reduction (3), cell 4 (6), classifier.
        #expect(cost.count == 1 + 5 + 3 + 6 + 3 + 6 + 1)
        let logits = model(Variable(TestTensors.normal([2, 3, 32, 32], seed: 1)), mode: .evaluation)
        #expect(logits.shape == [2, 10])
        let shapes = model.parameters.filter { $0.name.hasSuffix("op.1.weight") || $0.name.hasSuffix("conv.weight") }
            .map { "\($0.name) \($0.shape)" }
        #expect(shapes.contains("cells.2.layers.1.op.1.weight [24, 16, 3, 3]"))  // 2<-0: C_in -> C_out
        #expect(shapes.contains("cells.2.layers.2.op.1.weight [24, 24, 3, 3]"))  // 2<-1: C_out -> C_out
        #expect(shapes.contains("cells.2.layers.3.conv.weight [24, 16, 1, 1]"))
        #expect(shapes.contains("cells.3.conv_a.op.1.weight [32, 24, 3, 3]"))
    }

    @Test("forward and backward on 8 real CIFAR-10 images: finite loss near ln 10, a finite gradient for every weight")
    func forwardBackward() throws {
        let images = try Self.cifarImages(8)
        let model = try network("8:8:16:16:24")
        let tape = Tape()
        let loss = crossEntropy(logits: model(tape.constant(images.images), mode: .training(seed: 0)), labels: images.labels)
        #expect(loss.value.scalar.isFinite)
        #expect(abs(loss.value.scalar - log(10)) < 1.5, "loss \(loss.value.scalar)")
        let gradients = tape.gradients(of: loss)
        for parameter in model.trainableParameters {
            let gradient = try #require(gradients[parameter], "no gradient for \(parameter.name)")
            #expect(gradient.isFinite, "\(parameter.name)")
        }
    }

    @Test("a few SGD steps on 8 real CIFAR-10 images (resampled to 16x16 for speed) lower the loss")
    func trainingLowersLoss() throws {
        let images = try Self.cifarImages(8).resized(height: 16, width: 16)
        let model = try network("8:8:16:16:16")
        var losses: [Float] = []
        for step in 0..<8 {
            let tape = Tape()
            let logits = model(tape.constant(images.images), mode: .training(seed: UInt64(step)))
            let loss = crossEntropy(logits: logits, labels: images.labels)
            losses.append(loss.value.scalar)
            let gradients = tape.gradients(of: loss)
            for parameter in model.trainableParameters {
                guard let gradient = gradients[parameter] else { continue }
                var value = parameter.value
                for index in value.scalars.indices { value.scalars[index] -= 0.2 * gradient.scalars[index] }
                parameter.value = value
            }
        }
        #expect(losses.allSatisfy { $0.isFinite })
        #expect(losses.last! < 0.7 * losses.first!, "losses \(losses)")
    }
}
