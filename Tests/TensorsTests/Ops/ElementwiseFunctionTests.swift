import Testing
import Tensors
import _TestSupport

@Suite("Elementwise functions")
struct ElementwiseFunctionTests {
    @Test("relu, sigmoid, tanh, exp, square, abs pass the gradient check")
    func gradients() {
        let x = TestTensors.normal([3, 4], seed: 6, margin: 0.05)  // away from the kinks at 0
        let functions: [(String, (Variable) -> Variable)] = [
            ("relu", relu), ("sigmoid", sigmoid), ("tanh", tanh), ("exp", exp), ("square", square), ("abs", abs),
        ]
        for (name, function) in functions {
            for report in GradientCheck().run([x], function: { function($0[0]) }) {
                #expect(report.passed, "\(name): \(report)")
            }
        }
    }

    @Test("log and sqrt pass the gradient check on positive inputs")
    func positiveDomain() {
        let x = TestTensors.uniform([3, 4], seed: 7, from: 0.5, to: 3)
        for report in GradientCheck().run([x], function: { log($0[0]) }) { #expect(report.passed, "log: \(report)") }
        for report in GradientCheck().run([x], function: { sqrt($0[0]) }) { #expect(report.passed, "sqrt: \(report)") }
    }

    @Test("sigmoid does not overflow for large inputs")
    func sigmoidStable() {
        let y = sigmoid(Variable(Tensor(shape: [2], scalars: [-1000, 1000]))).value
        #expect(y.scalars == [0, 1])
    }
}
