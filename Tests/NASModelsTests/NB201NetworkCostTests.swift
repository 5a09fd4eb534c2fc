import Layers
import NASModels
import NASSpaces
import Seeding
import Testing

@Suite("NB201Network cost")
struct NB201NetworkCostTests {
    func network(_ text: String, classes: Int = 10) throws -> NB201Network {
        var rng = Xoshiro256(seed: 0)
        return NB201Network(
            architecture: try NB201Space().parse(text), configuration: NB201NetworkConfiguration(classes: classes),
            using: &rng)
    }

    @Test("every edge nor_conv_3x3 on CIFAR-10: 1,531,546 parameters and 220.11969 MFLOPs, as published")
    func allConvolutions() throws {
        let cost = try network("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|").cost()
        #expect(cost.parameterCount == 1_531_546)
        #expect(cost.multiplyAdds == 220_119_690)
        #expect(cost.megaFlops == 220.11969)
    }

    @Test("the benchmark's first cell on CIFAR-10: 129,306 parameters and 15.64737 MFLOPs, as published")
    func firstCell() throws {
        let cost = try network("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|").cost()
        #expect(cost.parameterCount == 129_306)
        #expect(cost.multiplyAdds == 15_647_370)
        #expect(cost.megaFlops == 15.64737)
    }

    @Test("convolutions on unused edges are counted, as the benchmark runs every edge")
    func unusedEdges() throws {
        // Edges 1<-0 and 2<-1 hold convolutions whose results reach the output only through none.
        let unused = try network("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|").cost()
        let without = try network("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|").cost()
        // Two 3x3 convolutions (weights and batch norm) per cell: 5 cells at 16, 32 and 64 channels.
        let parameters = [16, 32, 64].reduce(0) { $0 + 5 * 2 * ($1 * $1 * 9 + 2 * $1) }
        let multiplyAdds = [(16, 32), (32, 16), (64, 8)].reduce(0) { $0 + 5 * 2 * $1.0 * $1.0 * 9 * $1.1 * $1.1 }
        #expect(unused.parameterCount - without.parameterCount == parameters)
        #expect(unused.multiplyAdds - without.multiplyAdds == multiplyAdds)
    }

    @Test("16x16 inputs (ImageNet16-120) cost a quarter of the convolutions, and the classifier grows with the classes")
    func resolutionAndClasses() throws {
        let text = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"
        let cifar = try network(text).cost()
        let imagenet = try network(text, classes: 120).cost(inputHeight: 16, inputWidth: 16)
        // Classifier: 64·10 + 10 = 650 on CIFAR-10, 64·120 + 120 = 7,800 for 120 classes.
        #expect(imagenet.multiplyAdds - 7_800 == (cifar.multiplyAdds - 650) / 4)
        #expect(imagenet.parameterCount - cifar.parameterCount == 7_800 - 650)
    }

    @Test("a convolution costs K·K·C/groups·O per output pixel plus O for a bias; a linear layer I·O plus O")
    func countingRules() {
        var rng = Xoshiro256(seed: 1)
        // 7x7 input, kernel 3, stride 2, padding 1: 4x4 output; 16 · (9 · 3 · 4) + 16 · 4.
        let convolution = Conv2D(inputChannels: 3, outputChannels: 4, kernelSize: 3, stride: 2, padding: 1, name: "c", using: &rng)
        #expect(CountedLayer.convolution(convolution, inputHeight: 7, inputWidth: 7).multiplyAdds == 1_792)
        // Groups divide the input channels: 2 groups of 2 -> 2 channels each; 5x5 output with padding 0 from 7x7.
        let grouped = Conv2D(inputChannels: 4, outputChannels: 6, kernelSize: 3, groups: 2, bias: false, name: "g", using: &rng)
        #expect(CountedLayer.convolution(grouped, inputHeight: 7, inputWidth: 7).multiplyAdds == 25 * 9 * 2 * 6)
        let linear = Linear(inputSize: 5, outputSize: 3, name: "l", using: &rng)
        #expect(CountedLayer.linear(linear).multiplyAdds == 18)
        let cost = ModelCost(parameters: convolution.parameters + linear.parameters, countedLayers: [.linear(linear)])
        #expect(cost.parameterCount == 3 * 4 * 9 + 4 + 15 + 3)
    }

    @Test("running statistics are not parameters")
    func buffersExcluded() {
        let batchNorm = BatchNorm(channels: 8, name: "bn")
        #expect(ModelCost(parameters: batchNorm.parameters, countedLayers: []).parameterCount == 16)
    }
}
