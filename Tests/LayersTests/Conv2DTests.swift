import Layers
import Seeding
import Tensors
import Testing

@Suite("Conv2D")
struct Conv2DTests {
    @Test("names and shapes: weight (O, C/groups, K, K), bias (O)")
    func parameters() {
        var rng = Xoshiro256(seed: 1)
        let conv = Conv2D(inputChannels: 6, outputChannels: 4, kernelSize: 3, groups: 2, name: "cells.3.conv", using: &rng)
        #expect(conv.parameters.map(\.name) == ["cells.3.conv.weight", "cells.3.conv.bias"])
        #expect(conv.parameters.map(\.shape) == [[4, 3, 3, 3], [4]])
        #expect(conv.inputChannels == 6 && conv.outputChannels == 4 && conv.kernelSize == 3)
        let bare = Conv2D(inputChannels: 3, outputChannels: 3, kernelSize: 1, bias: false, name: "c", using: &rng)
        #expect(bare.parameters.map(\.name) == ["c.weight"])
    }

    @Test("a 2x2 kernel over a 3x3 image with padding 1 and stride 2, by hand")
    func handComputed() {
        var rng = Xoshiro256(seed: 1)
        let conv = Conv2D(inputChannels: 1, outputChannels: 1, kernelSize: 2, stride: 2, padding: 1, name: "c", using: &rng)
        conv.weight.value = Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4])
        conv.bias!.value = Tensor(shape: [1], scalars: [10])
        // Input 1..9 in a 3x3 image; padded 5x5, windows at rows/columns -1 and 1:
        // (-1,-1): only x[0,0]=1 under weight[1,1]=4 -> 4;  (-1,1): x[0,1]=2·3 + x[0,2]=3·4 -> 18
        // (1,-1): x[1,0]=4·2 + x[2,0]=7·4 -> 36;            (1,1): 5·1 + 6·2 + 8·3 + 9·4 -> 77; plus bias 10.
        let x = Variable(Tensor(shape: [1, 1, 3, 3], scalars: (1...9).map(Float.init)))
        let y = conv(x, mode: .evaluation)
        #expect(y.value == Tensor(shape: [1, 1, 2, 2], scalars: [14, 28, 46, 87]))
    }

    @Test("the layer is the conv2d op with its own parameters and geometry")
    func matchesOp() {
        var rng = Xoshiro256(seed: 2)
        let conv = Conv2D(
            inputChannels: 4, outputChannels: 6, kernelSize: 3, stride: 2, padding: 2, dilation: 2, groups: 2,
            name: "c", using: &rng)
        let x = TestInputs.normal([2, 4, 7, 7], seed: 3)
        let direct = conv2d(
            Variable(x), weight: Variable(conv.weight.value), bias: Variable(conv.bias!.value),
            stride: 2, padding: 2, dilation: 2, groups: 2)
        #expect(conv(Variable(x), mode: .evaluation).value == direct.value)
    }

    @Test("default initialization is uniform in ±1/√((C/groups)·K²)")
    func initialization() {
        var rng = Xoshiro256(seed: 4)
        let conv = Conv2D(inputChannels: 8, outputChannels: 32, kernelSize: 3, groups: 2, name: "c", using: &rng)
        let bound = Float(1 / 36.0.squareRoot())
        #expect(conv.weight.value.scalars.allSatisfy { Swift.abs($0) <= bound })
        #expect(conv.weight.value.scalars.map(Swift.abs).max()! > 0.99 * bound)
        #expect(conv.bias!.value.scalars.allSatisfy { Swift.abs($0) <= bound })
    }

    @Test("gradients with respect to input, weight and bias pass the central-difference check")
    func gradients() {
        var rng = Xoshiro256(seed: 5)
        let conv = Conv2D(inputChannels: 2, outputChannels: 3, kernelSize: 3, padding: 1, name: "c", using: &rng)
        let x = TestInputs.normal([2, 2, 4, 4], seed: 6)
        #expect(LayerGradientCheck().failures(of: conv, input: x, mode: .training(seed: 0)) == [])
    }
}
