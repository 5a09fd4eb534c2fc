import Layers
import Seeding
import Tensors
import Testing
import Training

@Suite("Hessian-vector product")
struct HessianVectorProductTests {
    static let matrix: [Float] = [4, 1, -2, 1, 3, 0.5, -2, 0.5, 5]  // A, symmetric 3x3

    /// L(w) = ½ wᵀAw + bᵀw, whose Hessian is A.
    func quadratic(_ weight: Parameter) -> (Tape) -> Variable {
        { tape in
            let w = weight.variable(on: tape)
            let row = w.reshaped([1, 3])
            let quadraticForm = (matmul(row, Variable(Tensor(shape: [3, 3], scalars: Self.matrix))) * row).sum()
            return quadraticForm.scaled(by: 0.5) + (Variable(Tensor(shape: [3], scalars: [1, -1, 2])) * w).sum()
        }
    }

    @Test("on a quadratic, H·v is A·v, and the weights are restored bit for bit")
    func quadraticExact() {
        let weight = Parameter(name: "w", value: Tensor(shape: [3], scalars: [0.3, -1.7, 2.2]))
        let original = weight.value
        let vector = ParameterGradients(["w": Tensor(shape: [3], scalars: [1, 2, -0.5])])
        let product = hessianVectorProduct(of: quadratic(weight), parameters: [weight], vector: vector)
        // A·v = (4 + 2 + 1, 1 + 6 − 0.25, −2 + 1 − 2.5) = (7, 6.75, −3.5).
        let exact: [Float] = [7, 6.75, -3.5]
        for (got, want) in zip(product["w"]!.scalars, exact) { #expect(Swift.abs(got - want) < 1e-3 * Swift.abs(want)) }
        #expect(weight.value.scalars.map(\.bitPattern) == original.scalars.map(\.bitPattern))
    }

    @Test("the mixed product perturbs one set and differentiates another: L = w₁ᵀBw₂ gives Bᵀv")
    func mixed() {
        let first = Parameter(name: "alpha", value: Tensor(shape: [2], scalars: [0.5, -1]))
        let second = Parameter(name: "w", value: Tensor(shape: [2], scalars: [2, 1]))
        let b = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        let loss: (Tape) -> Variable = { tape in
            matmul(matmul(first.variable(on: tape).reshaped([1, 2]), Variable(b)), second.variable(on: tape).reshaped([2, 1])).sum()
        }
        // Perturb w₁ along v = (1, −1); ∇_{w₂} L = Bᵀw₁, so the product is Bᵀv = (1 − 3, 2 − 4) = (−2, −2).
        let product = hessianVectorProduct(
            of: loss, parameters: [first], vector: ParameterGradients(["alpha": Tensor(shape: [2], scalars: [1, -1])]),
            targets: [second])
        #expect(product.names == ["w"])
        for value in product["w"]!.scalars { #expect(Swift.abs(value + 2) < 1e-3) }
    }

    @Test("a zero vector gives zeros without evaluating the loss")
    func zeroVector() {
        let weight = Parameter(name: "w", value: Tensor(shape: [2], scalars: [1, 2]))
        let product = hessianVectorProduct(
            of: { _ in Issue.record("the loss was evaluated"); return Variable(Tensor(0)) },
            parameters: [weight], vector: ParameterGradients(["w": Tensor(zeros: [2])]))
        #expect(product["w"]!.scalars == [0, 0])
    }

    @Test("on a small tanh MLP, H·v agrees with a full finite-difference Hessian times v")
    func multilayerPerceptron() {
        var rng = Xoshiro256(seed: 11)
        let model = Sequential([
            Linear(inputSize: 3, outputSize: 4, name: "fc1", using: &rng),
            Tanh(),
            Linear(inputSize: 4, outputSize: 2, name: "fc2", using: &rng),
        ])
        let inputs = Tensor(shape: [5, 3], scalars: (0..<15).map { _ in rng.normalFloat() })
        let labels: [Int32] = [0, 1, 1, 0, 1]
        let loss: (Tape) -> Variable = { tape in
            crossEntropy(logits: model(tape.constant(inputs), mode: .evaluation), labels: labels)
        }
        let parameters = model.parameters
        var vector = ParameterGradients()
        for parameter in parameters {
            vector[parameter.name] = Tensor(shape: parameter.shape, scalars: (0..<parameter.value.count).map { _ in rng.normalFloat() })
        }
        let product = hessianVectorProduct(of: loss, parameters: parameters, vector: vector)

        // The full Hessian, one column per coordinate j: (∇L(w + h eⱼ) − ∇L(w − h eⱼ)) / 2h, h = 1e-2.
        let coordinates = parameters.flatMap { parameter in (0..<parameter.value.count).map { (parameter, $0) } }
        func flatGradient() -> [Double] {
            let tape = Tape()
            let gradients = ParameterGradients(tape.gradients(of: loss(tape)), of: parameters)
            return parameters.flatMap { gradients[$0]!.scalars.map(Double.init) }
        }
        let flatVector = parameters.flatMap { vector[$0]!.scalars.map(Double.init) }
        var expected = [Double](repeating: 0, count: coordinates.count)  // Σⱼ H[:, j]·vⱼ
        let h: Float = 1e-2
        for (j, (parameter, element)) in coordinates.enumerated() {
            let original = parameter.value.scalars[element]
            parameter.value.scalars[element] = original + h
            let plus = flatGradient()
            parameter.value.scalars[element] = original - h
            let minus = flatGradient()
            parameter.value.scalars[element] = original
            for i in expected.indices { expected[i] += (plus[i] - minus[i]) / (2 * Double(h)) * flatVector[j] }
        }
        let got = parameters.flatMap { product[$0]!.scalars.map(Double.init) }
        let errorNorm = zip(got, expected).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        let norm = expected.map { $0 * $0 }.reduce(0, +).squareRoot()
        #expect(norm > 0.1)
        #expect(errorNorm / norm < 1e-3, "relative error \(errorNorm / norm)")  // measured 4e-5
    }
}

/// tanh as a layer, for a twice-differentiable MLP.
final class Tanh: Layer {
    let name = ""
    var parameters: [Parameter] { [] }
    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable { tanh(input) }
}
