import Layers
import Tensors
import Testing
import Training

@Suite("WeightOptimizer")
struct WeightOptimizerTests {
    @Test("the protocol can be adopted by plain gradient descent")
    func plainDescent() {
        struct Descent: WeightOptimizer {
            mutating func update(_ parameters: [Parameter], gradients: Gradients, learningRate: Float) {
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
}
