import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

/// The candidate operations and the preprocessing, as DARTS's `operations.py` builds them, in both variants.
@Suite("DARTSOperation layers")
struct DARTSOperationTests {
    func layer(
        _ operation: DARTSOperation, stride: Int = 1, variant: DARTSOperationVariant = .derivedNetwork, channels: Int = 4
    ) -> any Layer {
        var rng = Xoshiro256(seed: 1)
        return operation.makeLayer(channels: channels, stride: stride, variant: variant, name: "op", using: &rng)
    }

    @Test("every operation keeps (N, C, 8, 8) at stride 1 and halves it at stride 2, in both variants")
    func shapes() {
        let input = Variable(TestTensors.normal([2, 4, 8, 8], seed: 3))
        for variant in [DARTSOperationVariant.derivedNetwork, .mixedOperationCandidate] {
            for operation in DARTSOperation.allCases {
                for stride in [1, 2] {
                    let built = layer(operation, stride: stride, variant: variant)
                    let output = built.callAsFunction(input, mode: .training(seed: 0))
                    #expect(output.shape == [2, 4, 8 / stride, 8 / stride], "\(operation.name) stride \(stride) \(variant)")
                    #expect(output.value.isFinite)
                }
            }
        }
    }

    @Test("trainable parameters: affine batch norms in the derived network, none in the mixed operation's")
    func parameterCounts() {
        // C = 4. sep_conv_3x3: 2·(4·9 + 4·4 + 2·4) = 120; sep_conv_5x5: 2·(4·25 + 16 + 8) = 248;
        // dil_conv_3x3: 36 + 16 + 8 = 60; dil_conv_5x5: 100 + 16 + 8 = 124; skip at stride 2: 2·(2·4) + 8 = 24.
        let derived = DARTSOperation.allCases.map { layer($0).trainableParameterCount }
        #expect(derived == [0, 0, 0, 0, 120, 248, 60, 124])
        #expect(layer(.skipConnect, stride: 2).trainableParameterCount == 24)
        let candidates = DARTSOperation.allCases.map { layer($0, variant: .mixedOperationCandidate).trainableParameterCount }
        #expect(candidates == [0, 0, 0, 0, 104, 232, 52, 116])
        #expect(layer(.skipConnect, stride: 2, variant: .mixedOperationCandidate).trainableParameterCount == 16)
    }

    @Test("parameter names are DARTS's state_dict keys; pools of a mixed operation carry a batch norm '.1'")
    func names() {
        #expect(layer(.separableConvolution3x3).parameters.map(\.name) == [
            "op.op.1.weight", "op.op.2.weight", "op.op.3.weight", "op.op.3.bias", "op.op.3.running_mean",
            "op.op.3.running_var", "op.op.5.weight", "op.op.6.weight", "op.op.7.weight", "op.op.7.bias",
            "op.op.7.running_mean", "op.op.7.running_var",
        ])
        #expect(layer(.maxPool3x3).parameters.isEmpty)
        #expect(layer(.averagePool3x3, variant: .mixedOperationCandidate).parameters.map(\.name) == ["op.1.running_mean", "op.1.running_var"])
        #expect(layer(.skipConnect, stride: 2).parameters.map(\.name).prefix(3) == ["op.conv_1.weight", "op.conv_2.weight", "op.bn.weight"])
        #expect(layer(.dilatedConvolution5x5).parameters.first?.shape == [4, 1, 5, 5])
    }

    @Test("none gives constant zeros of the strided shape (⌈H/2⌉ for odd sizes)")
    func zero() {
        let zero = layer(.none, stride: 2)
        let output = zero.callAsFunction(Variable(TestTensors.normal([1, 4, 5, 5], seed: 2)), mode: .evaluation)
        #expect(output.shape == [1, 4, 3, 3])
        #expect(output.value.scalars.allSatisfy { $0 == 0 })
    }

    @Test("factorized reduce: conv_1 reads the even pixels, conv_2 the odd ones")
    func factorizedReduceByHand() {
        var rng = Xoshiro256(seed: 5)
        let reduce = DARTSFactorizedReduce(inputChannels: 1, outputChannels: 2, affine: true, name: "fr", using: &rng)
        reduce.firstConvolution.weight.value = Tensor(shape: [1, 1, 1, 1], scalars: [1])
        reduce.secondConvolution.weight.value = Tensor(shape: [1, 1, 1, 1], scalars: [1])
        // A 4x4 image 0...15: even pixels (0,0),(0,2),(2,0),(2,2) = 0, 2, 8, 10; odd ones 5, 7, 13, 15.
        let image = Tensor(shape: [1, 1, 4, 4], scalars: (0..<16).map(Float.init))
        // Evaluation with fresh running statistics (mean 0, variance 1): the batch norm is x / sqrt(1 + 1e-5).
        let output = reduce(Variable(image), mode: .evaluation).value.scalars.map { ($0 * (1 + 1e-5).squareRoot()).rounded() }
        #expect(output == [0, 2, 8, 10, 5, 7, 13, 15])
    }

    @Test("factorized reduce's gradient matches central differences")
    func factorizedReduceGradient() {
        var rng = Xoshiro256(seed: 6)
        let reduce = DARTSFactorizedReduce(inputChannels: 2, outputChannels: 4, affine: true, name: "fr", using: &rng)
        let reports = GradientCheck().run([TestTensors.normal([2, 2, 4, 4], seed: 7, margin: 0.1)]) { inputs in
            reduce(inputs[0], mode: .training(seed: 0))
        }
        #expect(reports.allSatisfy { $0.passed }, "\(reports)")
    }

    @Test("preprocessing: ReLUConvBN 1x1, or a factorized reduction after a reduction cell")
    func preprocessing() {
        var rng = Xoshiro256(seed: 8)
        let plain = DARTSPreprocessing.makeLayer(
            inputChannels: 6, outputChannels: 4, reducesResolution: false, affine: false, name: "cells.1.preprocess0", using: &rng)
        let reducing = DARTSPreprocessing.makeLayer(
            inputChannels: 6, outputChannels: 4, reducesResolution: true, affine: true, name: "cells.3.preprocess0", using: &rng)
        let input = Variable(TestTensors.normal([2, 6, 8, 8], seed: 9))
        #expect(plain(input, mode: .training(seed: 0)).shape == [2, 4, 8, 8])
        #expect(reducing(input, mode: .training(seed: 0)).shape == [2, 4, 4, 4])
        #expect(plain.parameters.map(\.name) == ["cells.1.preprocess0.op.1.weight", "cells.1.preprocess0.op.2.running_mean", "cells.1.preprocess0.op.2.running_var"])
        #expect(plain.trainableParameterCount == 24)
        #expect(reducing.trainableParameterCount == 2 * 12 + 8)
    }

    @Test("multiply-adds of one operation, by hand")
    func operationCost() {
        // sep_conv_3x3 at C = 4 on 8x8, stride 1: per half 64·9·4 (depthwise) + 64·4·4 (pointwise) = 3,328.
        let counted = DARTSNetwork.countedLayers(of: layer(.separableConvolution3x3), inputHeight: 8, inputWidth: 8)
        let total = counted.layers.reduce(0) { $0 + $1.multiplyAdds }
        #expect(total == 2 * 3_328)
        #expect(counted.height == 8 && counted.width == 8)
        // At stride 2 the first depthwise convolution gives 4x4, and everything after it runs on 16 pixels.
        let strided = DARTSNetwork.countedLayers(of: layer(.separableConvolution3x3, stride: 2), inputHeight: 8, inputWidth: 8)
        let stridedTotal = strided.layers.reduce(0) { $0 + $1.multiplyAdds }
        let perHalf = 16 * 9 * 4 + 16 * 4 * 4
        #expect(stridedTotal == 2 * perHalf)
        #expect(strided.height == 4)
    }
}
