import Layers
import Seeding
import Tensors
import Testing

@Suite("NumericsCheck")
struct NumericsCheckTests {
    @Test("the first parameter with a non-finite gradient is named, in parameter order")
    func gradient() {
        let parameters = ["cells.2.conv.weight", "cells.3.conv.weight", "cells.4.conv.weight"].map {
            Parameter(name: $0, value: Tensor(zeros: [2]))
        }
        let gradients: [String: Tensor] = [
            "cells.2.conv.weight": Tensor(shape: [2], scalars: [1, 2]),
            "cells.3.conv.weight": Tensor(shape: [2], scalars: [1, .infinity]),
            "cells.4.conv.weight": Tensor(shape: [2], scalars: [.nan, 0]),
        ]
        let error = #expect(throws: NonFiniteError.self) {
            try NumericsCheck.checkGradients(of: parameters, step: 12) { gradients[$0.name] }
        }
        #expect(error?.description == "step 12: non-finite gradient in cells.3.conv.weight")
        #expect(error?.kind == .infinity)
        #expect(throws: Never.self) {
            try NumericsCheck.checkGradients(of: [parameters[0]], step: 12) { gradients[$0.name] }
        }
    }

    @Test("gradients from a tape: a NaN reaching one weight names it")
    func tapeGradients() {
        let healthy = Parameter(name: "a", value: Tensor(shape: [1], scalars: [1]))
        let poisoned = Parameter(name: "b", value: Tensor(shape: [1], scalars: [0]))
        let tape = Tape()
        // d/db sqrt(b) at b = 0 is +∞; the loss itself stays finite.
        let loss = healthy.variable(on: tape).sum() + sqrt(poisoned.variable(on: tape)).sum()
        #expect(throws: NonFiniteError(step: 4, location: .gradient("b"), kind: .infinity)) {
            try NumericsCheck.checkGradients(tape.gradients(of: loss), of: [healthy, poisoned], step: 4)
        }
    }

    @Test("values, outputs and losses: messages for each place")
    func messages() {
        #expect(NumericsCheck.nonFiniteKind(of: Tensor(shape: [3], scalars: [1, 2, 3])) == nil)
        #expect(NumericsCheck.nonFiniteKind(of: Tensor(shape: [3], scalars: [.infinity, .nan, 3])) == .nan)
        #expect(NumericsCheck.nonFiniteKind(of: Tensor(shape: [2], scalars: [-.infinity, 0])) == .infinity)
        let weight = Parameter(name: "fc.weight", value: Tensor(shape: [1], scalars: [.nan]))
        let value = #expect(throws: NonFiniteError.self) { try NumericsCheck.checkValues(of: [weight], step: 7) }
        #expect(value?.description == "step 7: non-finite value in fc.weight")
        let loss = #expect(throws: NonFiniteError.self) { try NumericsCheck.checkLoss(Tensor(.infinity), step: 7) }
        #expect(loss?.description == "step 7: non-finite loss (Inf)")
        let output = #expect(throws: NonFiniteError.self) {
            try NumericsCheck.checkOutput(Tensor(.nan), layer: "stage2.cell1", step: 12)
        }
        #expect(output?.description == "step 12: layer 'stage2.cell1' produced NaN")
    }

    @Test("forward checks a plain layer's output under its own name")
    func forwardPlainLayer() {
        var rng = Xoshiro256(seed: 1)
        let layer = Linear(inputSize: 1, outputSize: 1, name: "head", using: &rng)
        layer.weight.value = Tensor(shape: [1, 1], scalars: [.infinity])
        #expect(throws: NonFiniteError(step: 1, location: .layerOutput("head"), kind: .infinity)) {
            try NumericsCheck.forward(layer, Variable(Tensor(shape: [1, 1], scalars: [1])), mode: .evaluation, step: 1)
        }
    }
}
