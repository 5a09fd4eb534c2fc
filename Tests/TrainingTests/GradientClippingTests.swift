import Tensors
import Testing
import Training

@Suite("Gradient clipping")
struct GradientClippingTests {
    let gradients = ParameterGradients([
        "a": Tensor(shape: [2], scalars: [3, 0]),
        "b": Tensor(shape: [1], scalars: [-4]),
    ])  // joint norm 5

    @Test("above the limit, every gradient is scaled by maxNorm / (norm + 1e-6)")
    func clips() {
        let (clipped, norm) = clipGradientNorm(gradients, maxNorm: 1)
        #expect(norm == 5)
        let factor = Float(1) / (5 + 1e-6)
        #expect(clipped["a"]!.scalars == [3 * factor, 0])
        #expect(clipped["b"]!.scalars == [-4 * factor])
        #expect(Swift.abs(clipped.norm - 1) < 1e-6)
    }

    @Test("below the limit, gradients are unchanged")
    func unchanged() {
        let (clipped, norm) = clipGradientNorm(gradients, maxNorm: 10)
        #expect(norm == 5)
        #expect(clipped == gradients)
    }
}
