import Datasets
import Foundation
import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

/// A two-block skeleton on 8x8 inputs, small enough to count by hand (see `handCountedCost`).
let tinyMnasNetSkeleton = MnasNetSkeleton(
    inputResolution: 8, stemChannels: 4, stemStride: 1,
    blocks: [.init(outputChannels: 8, stride: 2), .init(outputChannels: 8, stride: 1)], headChannels: 16)

@Suite("MnasNetNetwork")
struct MnasNetNetworkTests {
    func network(_ text: String, space: MnasNetSpace = MnasNetSpace(), seed: UInt64 = 0) throws -> MnasNetNetwork {
        var rng = Xoshiro256(seed: seed)
        return MnasNetNetwork(architecture: try space.parse(text), skeleton: space.skeleton, using: &rng)
    }

    @Test("parameters and multiply-adds of a two-block network, counted by hand")
    func handCountedCost() throws {
        let model = try network("e3k3se1n1-|e1k5se0n2r", space: MnasNetSpace(skeleton: tinyMnasNetSkeleton))
        // Stem: 3x3 conv 3 -> 4 (108) + BN (8).
        // Block 0, one layer 4 -> 8, stride 2, e3 (hidden 12), k3, SE with squeeze max(1, ⌊4 · 0.25⌋) = 1:
        //   expand 4·12 = 48 + BN 24; depthwise 12·9 = 108 + BN 24; SE reduce 12·1 + 1 = 13, expand 1·12 + 12 = 24;
        //   project 12·8 = 96 + BN 16: 353.
        // Block 1, two layers 8 -> 8, stride 1, e1 (no expansion), k5, residual: depthwise 8·25 = 200 + BN 16,
        //   project 64 + BN 16: 296 each.
        // Head: 1x1 conv 8 -> 16 (128) + BN 32; classifier 16·10 + 10 = 170.
        let cost = model.cost()
        #expect(cost.parameterCount == 116 + 353 + 2 * 296 + 160 + 170)
        #expect(cost.parameterCount == model.trainableParameterCount)
        // Stem at 8x8: 64 · 27 · 4 = 6,912. Block 0: expand at 8x8 64 · 4 · 12 = 3,072; depthwise to 4x4
        // 16 · 9 · 12 = 1,728; SE 13 + 24; project at 4x4 16 · 12 · 8 = 1,536. Block 1 per layer at 4x4:
        // depthwise 16 · 25 · 8 = 3,200, project 16 · 64 = 1,024. Head 16 · 8 · 16 = 2,048; classifier 170.
        #expect(cost.multiplyAdds == 6_912 + (3_072 + 1_728 + 37 + 1_536) + 2 * (3_200 + 1_024) + 2_048 + 170)
        #expect(model.layers.map(\.hasResidual) == [false, true, true])
    }

    @Test("the default space's smallest and largest networks: 135,082 and 1,660,822 parameters on CIFAR-10")
    func defaultSpaceExtremes() throws {
        // Independently summed per layer with the same rules (SearchSpaces/mnasnet/SPACE.md, "Cost"): every block
        // e1k3se0n1- gives 135,082 parameters and 3,243,402 multiply-adds; every block e6k5se1n3r 1,660,822 and
        // 62,681,766.
        let smallest = try network(Array(repeating: "e1k3se0n1-", count: 7).joined(separator: "|")).cost()
        #expect(smallest == ModelCost(parameterCount: 135_082, multiplyAdds: 3_243_402))
        let largest = try network(Array(repeating: "e6k5se1n3r", count: 7).joined(separator: "|")).cost()
        #expect(largest == ModelCost(parameterCount: 1_660_822, multiplyAdds: 62_681_766))
    }

    @Test("parameter names follow the blocks and layers, without duplicates")
    func parameterNames() throws {
        let model = try network("e3k3se1n1-|e1k5se0n2r", space: MnasNetSpace(skeleton: tinyMnasNetSkeleton))
        let names = model.parameters.map(\.name)
        #expect(Array(names.prefix(3)) == ["stem.conv.weight", "stem.bn.weight", "stem.bn.bias"])
        #expect(names.contains("blocks.0.0.expand.weight"))
        #expect(names.contains("blocks.0.0.se.reduce.bias"))
        #expect(names.contains("blocks.1.1.depthwise.weight"))
        #expect(!names.contains("blocks.1.0.expand.weight"))
        #expect(Array(names.suffix(2)) == ["classifier.weight", "classifier.bias"])
        #expect(Set(names).count == names.count)
    }

    @Test("the default skeleton's layers: the blocks' strides and widths, the residual where the block asks")
    func layerGeometry() throws {
        let space = MnasNetSpace()
        let architecture = try space.parse("e1k3se0n1-|e6k3se0n2r|e3k5se1n3r|e6k3se0n3-|e6k3se1n2r|e6k5se1n3r|e6k3se0n1r")
        let layers = space.skeleton.layers(of: architecture)
        #expect(layers.count == 15)
        #expect(layers.map(\.inputResolution) == [32, 32, 32, 32, 16, 16, 16, 8, 8, 8, 8, 8, 4, 4, 4])
        #expect(layers.map(\.stride) == [1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1])
        #expect(layers.map(\.residual) == [false, false, true, false, true, true, false, false, false, false, true, false, true, true, false])
    }

    @Test("forward and backward on a real CIFAR-10 batch: (4, 10) logits, finite loss, finite gradients everywhere")
    func realBatch() throws {
        // The default skeleton at 32x32 with a small architecture and 4 images keeps the debug-build test fast.
        let path = TestTables.packageRoot + "/../shared/data/cifar10_jpeg/data_batch_1.bin"
        let statistics = ChannelStatistics(mean: [0.4914, 0.4822, 0.4465], standardDeviation: [0.2470, 0.2435, 0.2616])
        let batch = try CIFAR.load(batchFiles: [path]).subset([0, 1, 2, 3]).normalized(by: statistics)
        let model = try network("e1k3se1n1-|e3k5se0n2r|e1k3se1n1-|e3k3se0n1-|e1k5se1n2r|e1k3se0n1-|e1k3se0n1-")
        let tape = Tape()
        let logits = model(tape.constant(batch.images), mode: .training(seed: 0))
        #expect(logits.shape == [4, 10])
        let loss = crossEntropy(logits: logits, labels: batch.labels)
        #expect(loss.value.scalar.isFinite)
        // At initialisation the loss is near ln 10 ≈ 2.30.
        #expect(abs(loss.value.scalar - 2.30) < 1.5, "loss \(loss.value.scalar)")
        let gradients = tape.gradients(of: loss)
        for parameter in model.trainableParameters {
            let gradient = gradients[parameter]
            #expect(gradient != nil, "no gradient for \(parameter.name)")
            #expect(gradient?.isFinite == true, "non-finite gradient for \(parameter.name)")
        }
        let evaluation = model(Variable(batch.images), mode: .evaluation)
        #expect(evaluation.value.isFinite)
    }
}
