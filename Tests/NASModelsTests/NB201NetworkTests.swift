import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

@Suite("NB201Network")
struct NB201NetworkTests {
    let space = NB201Space()

    func network(
        _ text: String, configuration: NB201NetworkConfiguration = NB201NetworkConfiguration(), seed: UInt64 = 0
    ) throws -> NB201Network {
        var rng = Xoshiro256(seed: seed)
        return NB201Network(architecture: try space.parse(text), configuration: configuration, using: &rng)
    }

    func images(_ shape: [Int], seed: UInt64) -> Tensor {
        TestTensors.normal(shape, seed: seed)
    }

    @Test("a (2, 3, 32, 32) batch gives (2, 10) finite logits")
    func forwardShape() throws {
        let model = try network("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|")
        let input = Variable(images([2, 3, 32, 32], seed: 1))
        for mode in [ForwardMode.training(seed: 0), .evaluation] {
            let logits = model(input, mode: mode)
            #expect(logits.shape == [2, 10])
            #expect(logits.value.isFinite)
        }
    }

    @Test("parameter names are NAS-Bench-201's PyTorch state_dict keys")
    func parameterNames() throws {
        let model = try network("|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_3x3~2|")
        let names = model.parameters.map(\.name)
        #expect(Array(names.prefix(5)) == ["stem.0.weight", "stem.1.weight", "stem.1.bias", "stem.1.running_mean", "stem.1.running_var"])
        // Cell 0's convolutions sit on edges 0 (1<-0), 2 (2<-1) and 5 (3<-2).
        #expect(Array(names[5..<10]) == [
            "cells.0.layers.0.op.1.weight", "cells.0.layers.0.op.2.weight", "cells.0.layers.0.op.2.bias",
            "cells.0.layers.0.op.2.running_mean", "cells.0.layers.0.op.2.running_var",
        ])
        #expect(names.contains("cells.0.layers.2.op.1.weight"))
        #expect(names.contains("cells.16.layers.5.op.2.running_var"))
        #expect(!names.contains { $0.hasPrefix("cells.0.layers.1.") || $0.hasPrefix("cells.0.layers.3.") })
        #expect(names.contains("cells.5.conv_a.op.1.weight"))
        #expect(names.contains("cells.11.conv_b.op.2.bias"))
        #expect(names.contains("cells.11.downsample.1.weight"))
        #expect(Array(names.suffix(6)) == [
            "lastact.0.weight", "lastact.0.bias", "lastact.0.running_mean", "lastact.0.running_var",
            "classifier.weight", "classifier.bias",
        ])
        #expect(Set(names).count == names.count)
    }

    @Test("a few SGD steps on one random batch reduce the loss")
    func trainingReducesLoss() throws {
        let model = try network(
            "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_3x3~2|",
            configuration: NB201NetworkConfiguration(stemChannels: 8, cellsPerStage: 1))
        let batch = images([8, 3, 16, 16], seed: 2)
        let labels: [Int32] = [0, 1, 2, 3, 4, 5, 6, 7]
        var losses: [Float] = []
        for step in 0..<8 {
            let tape = Tape()
            let loss = crossEntropy(logits: model(tape.constant(batch), mode: .training(seed: UInt64(step))), labels: labels)
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

    @Test("cells with one key compute the same network function (an unused edge only adds parameters)")
    func equalKeysEqualOutputs() throws {
        let first = try network("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|", seed: 3)
        let second = try network("|avg_pool_3x3~0|+|nor_conv_1x1~0|nor_conv_1x1~1|+|skip_connect~0|none~1|none~2|", seed: 4)
        #expect(space.key(of: first.architecture) == space.key(of: second.architecture))
        // The cells compute x; copy the weights both networks have (stem, reductions, head).
        let shared = Dictionary(uniqueKeysWithValues: first.parameters.map { ($0.name, $0) })
        for parameter in second.parameters {
            if let source = shared[parameter.name] { parameter.value = source.value }
        }
        let input = Variable(images([2, 3, 32, 32], seed: 5))
        #expect(first(input, mode: .training(seed: 0)).value == second(input, mode: .training(seed: 0)).value)
        #expect(first(input, mode: .evaluation).value == second(input, mode: .evaluation).value)
    }

    @Test("a network whose cells compute zero gives the same logits for every image")
    func zeroCells() throws {
        let model = try network("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|none~0|none~1|none~2|")
        let logits = model(Variable(images([3, 3, 32, 32], seed: 6)), mode: .evaluation).value.scalars
        #expect(Array(logits[0..<10]) == Array(logits[10..<20]))
        #expect(Array(logits[0..<10]) == Array(logits[20..<30]))
    }

    @Test("a convolution that reads a zero node still runs: its batch norm adds its learned offset")
    func convolutionOfZero() throws {
        // Node 1 is zero; node 2 = conv3x3(node 1) = the batch norm's offset β; the cell's output is node 2. Every
        // cell outputs its β whatever its input, so in evaluation (running statistics) the head sees β.
        let model = try network("|none~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|skip_connect~2|")
        let input = Variable(images([2, 3, 32, 32], seed: 7))
        let before = model(input, mode: .evaluation).value
        for parameter in model.parameters where parameter.name == "cells.16.layers.2.op.2.bias" {
            parameter.value = Tensor(repeating: 0.5, shape: parameter.shape)
        }
        let after = model(input, mode: .evaluation).value
        #expect(after != before)
        // The logits are the classifier applied to ReLU(BN_last(β)) = 0.5 / sqrt(1 + 1e-5) per channel.
        let classifier = model.parameters.first { $0.name == "classifier.weight" }!.value.scalars  // (10, 64)
        let bias = model.parameters.first { $0.name == "classifier.bias" }!.value.scalars
        let feature = 0.5 / (1 + 1e-5 as Float).squareRoot()
        for row in 0..<10 {
            let expected = bias[row] + feature * classifier[(row * 64)..<(row * 64 + 64)].reduce(0, +)
            #expect(abs(after.scalars[row] - expected) < 1e-5)
            #expect(after.scalars[row] == after.scalars[10 + row])
        }
    }
}
