import Layers
import Seeding
import Tensors
import Testing

@Suite("ReLU, Flatten and Dropout")
struct ElementwiseLayerTests {
    @Test("ReLU clamps negatives and has no parameters")
    func relu() {
        let layer = ReLU()
        let y = layer(Variable(Tensor(shape: [4], scalars: [-1, 0, 2, -0.5])), mode: .evaluation)
        #expect(y.value.scalars == [0, 0, 2, 0])
        #expect(layer.parameters.isEmpty)
    }

    @Test("Flatten keeps the batch axis and joins the rest, passing gradients back in shape")
    func flatten() {
        let tape = Tape()
        let x = tape.variable(Tensor(shape: [2, 3, 2, 2], scalars: (0..<24).map(Float.init)))
        let y = Flatten()(x, mode: .evaluation)
        #expect(y.shape == [2, 12])
        #expect(y.value.scalars == x.value.scalars)
        #expect(tape.gradients(of: y.sum())[x].shape == [2, 3, 2, 2])
    }

    @Test("Dropout is the identity in evaluation")
    func dropoutEvaluation() {
        let x = Variable(TestInputs.normal([3, 5], seed: 1))
        #expect(Dropout(rate: 0.5, name: "drop").callAsFunction(x, mode: .evaluation).value == x.value)
    }

    @Test("Dropout in training draws the mask of StableHash.derive(seed, name)")
    func dropoutSeed() {
        let x = Variable(TestInputs.normal([4, 50], seed: 2))
        let layer = Dropout(rate: 0.3, name: "stage1.drop")
        let y = layer(x, mode: .training(seed: 77))
        #expect(y.value == dropout(x, rate: 0.3, seed: StableHash.derive(seed: 77, "stage1.drop")).value)
        #expect(y.value == layer(x, mode: .training(seed: 77)).value)  // replayable
        #expect(y.value != layer(x, mode: .training(seed: 78)).value)
        #expect(y.value != Dropout(rate: 0.3, name: "stage2.drop")(x, mode: .training(seed: 77)).value)
        let kept = y.value.scalars.filter { $0 != 0 }.count
        #expect(kept > 110 && kept < 170)  // about 140 of 200 kept
    }
}
