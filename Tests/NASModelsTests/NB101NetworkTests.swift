import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import _TestSupport
import Testing

@Suite("NB101Network")
struct NB101NetworkTests {
    /// Parameters counted on the built network (kernels zero-initialised: counting does not need the draws).
    @Test(
        "the trainable parameters equal the published `trainable_parameters` of all ten records",
        .enabled(if: NB101RecordFile.isPresent, Comment(rawValue: NB101RecordFile.skipReason)))
    func parameterCountsMatchRecords() throws {
        for (hash, record) in try NB101RecordFile.load() {
            let architecture = try NB101Architecture(matrix: record.matrix, ops: record.ops)
            var rng = Xoshiro256(seed: 0)
            let network = NB101Network(architecture: architecture, kernelInitializer: .zeros, using: &rng)
            #expect(network.trainableParameterCount == record.params, "record \(hash): \(architecture.text)")
        }
    }

    /// A cell with four vertices feeding the output and a remainder: 130 channels split 33, 33, 32, 32 in vertex
    /// order; vertex 1 feeds vertices 2 (33) and 4 (32), so it gets 33, and vertex 4 takes its first 32.
    static let unevenCell = try! NB101Architecture(
        text: "adjacency=0101010/0010100/0000001/0000001/0000001/0000001/0000000 "
            + "ops=input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv1x1-bn-relu,output")

    @Test("vertex channels split the output evenly among its inputs and take the maximum of the successors")
    func vertexChannels() {
        let cell = Self.unevenCell.pruned
        #expect(cell.vertexCount == 7)
        #expect(NB101Network.vertexChannels(of: cell, inputChannels: 64, outputChannels: 130) == [64, 33, 33, 33, 32, 32, 130])
        #expect(NB101Network.vertexChannels(of: cell, inputChannels: 128, outputChannels: 128) == [128, 32, 32, 32, 32, 32, 128])
    }

    @Test("a forward pass on a small batch gives (N, classes) logits, and every trainable parameter gets a gradient")
    func forwardAndBackward() {
        var rng = Xoshiro256(seed: 3)
        let network = NB101Network(
            architecture: Self.unevenCell, classCount: 7, stemChannels: 10, stackCount: 3, cellsPerStack: 1,
            using: &rng)
        #expect(network.stackChannels == [10, 20, 40])
        let tape = Tape()
        let images = tape.constant(Tensor(shape: [2, 3, 8, 8], scalars: (0..<384).map { _ in rng.normalFloat() }))
        let logits = network(images, mode: .training(seed: 1))
        #expect(logits.shape == [2, 7])
        #expect(logits.value.scalars.allSatisfy { $0.isFinite })
        let loss = crossEntropy(logits: logits, labels: [0, 6])
        let gradients = tape.gradients(of: loss)
        for parameter in network.trainableParameters {
            let gradient = gradients.gradient(for: parameter)
            #expect(gradient?.shape == parameter.shape, "\(parameter.name)")
        }
    }

    /// The published cell ff962d027e8b90bd76038b817e250a89 (the smallest of the ten records) at the benchmark's
    /// full size: CIFAR-sized images give (N, 10) logits.
    @Test("the full-size network of a published cell maps a batch of 32x32 images to (N, 10) logits")
    func fullSizeForward() throws {
        let cell = try NB101Architecture(
            text: "adjacency=0100000/0010010/0001101/0000001/0000010/0000001/0000000 "
                + "ops=input,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,maxpool3x3,conv3x3-bn-relu,output")
        var rng = Xoshiro256(seed: 0)
        let network = NB101Network(architecture: cell, using: &rng)
        #expect(network.stackChannels == [128, 256, 512])
        #expect(network.trainableParameterCount == 2_484_039)  // the record's `params`
        let images = Variable(Tensor(shape: [2, 3, 32, 32], scalars: (0..<6144).map { _ in rng.normalFloat() }))
        let logits = network(images, mode: .evaluation)
        #expect(logits.shape == [2, 10])
        #expect(logits.value.scalars.allSatisfy { $0.isFinite })
    }

    /// Recomputes one cell with separate layers that share the network's weights: the output concatenates vertex 1
    /// (projection, then 1x1 Conv-BN-ReLU) and vertex 2 (projection, then 3x3 max pooling) and adds the input's
    /// projection, as the benchmark's module builder does; vertex 3 is unused and pruned away.
    @Test("a cell concatenates the vertices feeding the output and adds the input's projection")
    func cellSemantics() throws {
        let architecture = try NB101Architecture(
            text: "adjacency=0111001/0000001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output")
        var rng = Xoshiro256(seed: 5)
        let network = NB101Network(
            architecture: architecture, classCount: 3, stemChannels: 4, stackCount: 1, cellsPerStack: 1, using: &rng)
        let weights = Dictionary(uniqueKeysWithValues: network.parameters.map { ($0.name, $0.value) })
        #expect(weights.keys.sorted() == Self.expectedNames)

        func block(_ name: String, _ inputs: Int, _ outputs: Int, kernel: Int) -> Sequential {
            var unused = Xoshiro256(seed: 0)
            let conv = Conv2D(
                inputChannels: inputs, outputChannels: outputs, kernelSize: kernel, padding: kernel / 2, bias: false,
                name: name + ".conv", using: &unused)
            conv.weight.value = weights[name + ".conv.weight"]!
            return Sequential([conv, BatchNorm(channels: outputs, name: name + ".bn"), ReLU()])
        }
        let images = Variable(Tensor(shape: [2, 3, 6, 6], scalars: (0..<216).map { _ in rng.normalFloat() }))
        let stem = block("stem", 3, 4, kernel: 3)(images, mode: .evaluation)
        let vertex1 = block("stack0.cell0.vertex1.conv1x1", 2, 2, kernel: 1)(
            block("stack0.cell0.vertex1.projection", 4, 2, kernel: 1)(stem, mode: .evaluation), mode: .evaluation)
        let vertex2 = maxPool2d(
            block("stack0.cell0.vertex2.projection", 4, 2, kernel: 1)(stem, mode: .evaluation),
            kernelSize: 3, stride: 1, padding: 1)
        let cell = concatenate([vertex1, vertex2], axis: 1)
            + block("stack0.cell0.output.projection", 4, 4, kernel: 1)(stem, mode: .evaluation)
        let pooled = globalAveragePool(cell)  // (2, 4)
        let w = weights["classifier.weight"]!  // (3, 4)
        var expected: [Float] = []
        for example in 0..<2 {
            for output in 0..<3 {
                expected.append((0..<4).reduce(Float(0)) { $0 + pooled.value.scalars[example * 4 + $1] * w.scalars[output * 4 + $1] })
            }
        }
        let logits = network(images, mode: .evaluation)
        #expect(logits.shape == [2, 3])
        for (actual, wanted) in zip(logits.value.scalars, expected) {
            #expect(abs(actual - wanted) <= 1e-5 * max(1, abs(wanted)))
        }
        #expect(weights["classifier.bias"]!.scalars == [0, 0, 0])
    }

    static let expectedNames = [
        "classifier.bias", "classifier.weight",
        "stack0.cell0.output.projection.bn.bias", "stack0.cell0.output.projection.bn.running_mean",
        "stack0.cell0.output.projection.bn.running_var", "stack0.cell0.output.projection.bn.weight",
        "stack0.cell0.output.projection.conv.weight",
        "stack0.cell0.vertex1.conv1x1.bn.bias", "stack0.cell0.vertex1.conv1x1.bn.running_mean",
        "stack0.cell0.vertex1.conv1x1.bn.running_var", "stack0.cell0.vertex1.conv1x1.bn.weight",
        "stack0.cell0.vertex1.conv1x1.conv.weight",
        "stack0.cell0.vertex1.projection.bn.bias", "stack0.cell0.vertex1.projection.bn.running_mean",
        "stack0.cell0.vertex1.projection.bn.running_var", "stack0.cell0.vertex1.projection.bn.weight",
        "stack0.cell0.vertex1.projection.conv.weight",
        "stack0.cell0.vertex2.projection.bn.bias", "stack0.cell0.vertex2.projection.bn.running_mean",
        "stack0.cell0.vertex2.projection.bn.running_var", "stack0.cell0.vertex2.projection.bn.weight",
        "stack0.cell0.vertex2.projection.conv.weight",
        "stem.bn.bias", "stem.bn.running_mean", "stem.bn.running_var", "stem.bn.weight", "stem.conv.weight",
    ]

    @Test("downsampling an odd size stops with a message naming the stack and the shape")
    func oddSizeIsRejected() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var rng = Xoshiro256(seed: 0)
            let network = NB101Network(
                architecture: NB101NetworkTests.unevenCell, stemChannels: 4, stackCount: 2, cellsPerStack: 1,
                using: &rng)
            _ = network(Variable(Tensor(zeros: [1, 3, 5, 5])), mode: .evaluation)
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("NB101Network: stack 1 downsamples [1, 4, 5, 5] but needs even height and width"))
        }
    }
}
