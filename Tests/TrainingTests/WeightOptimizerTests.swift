import Layers
import Tensors
import Testing
import Training

@Suite("WeightOptimizer")
struct WeightOptimizerTests {
    @Test("the protocol can be adopted by plain gradient descent, and takes a tape's gradients directly")
    func plainDescent() {
        struct Descent: WeightOptimizer {
            mutating func update(_ parameters: [Parameter], gradients: ParameterGradients, learningRate: Float) {
                for parameter in parameters {
                    guard let gradient = gradients[parameter] else { continue }
                    parameter.value.scalars = zip(parameter.value.scalars, gradient.scalars).map { $0 - learningRate * $1 }
                }
            }
        }
        let weight = Parameter(name: "w", value: Tensor(shape: [1], scalars: [3]))
        let tape = Tape()
        let loss = square(weight.variable(on: tape)).sum()
        var optimizer = Descent()
        optimizer.update([weight], gradients: tape.gradients(of: loss), learningRate: 0.25)
        #expect(weight.value.scalars == [1.5])  // 3 - 0.25 * 6
    }

    @Test("ParameterGradients collects trainable parameters that the output reaches, by name")
    func collection() {
        let used = Parameter(name: "used", value: Tensor(shape: [2], scalars: [1, 2]))
        let unused = Parameter(name: "unused", value: Tensor(shape: [2], scalars: [1, 2]))
        let buffer = Parameter(name: "buffer", value: Tensor(shape: [2], scalars: [1, 2]), isTrainable: false)
        let tape = Tape()
        let loss = (used.variable(on: tape) * buffer.variable(on: tape)).sum()
        _ = unused.variable(on: tape)
        let gradients = ParameterGradients(tape.gradients(of: loss), of: [used, unused, buffer])
        #expect(gradients.names == ["used"])
        #expect(gradients["used"]?.scalars == [1, 2])
        #expect(gradients.norm == Float(5.0.squareRoot()))  // √(1 + 4), accumulated in Double
    }
}
