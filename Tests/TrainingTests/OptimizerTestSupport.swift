import Layers
import Tensors
import Testing
import Training

/// Shared fixtures for the weight-optimizer tests.
enum OptimizerFixture {
    /// w = (1, −2), updated with g₁ = (0.5, 1) then g₂ = (0.2, −0.4) at learning rate 0.1; returns w after
    /// each step.
    static func twoSteps(_ optimizer: inout some WeightOptimizer) -> [[Float]] {
        let weight = Parameter(name: "w", value: Tensor(shape: [2], scalars: [1, -2]))
        var trajectory: [[Float]] = []
        for gradient in [[Float(0.5), 1], [0.2, -0.4]] {
            optimizer.update([weight], gradients: ParameterGradients(["w": Tensor(shape: [2], scalars: gradient)]), learningRate: 0.1)
            trajectory.append(weight.value.scalars)
        }
        return trajectory
    }

    /// Minimizes the convex quadratic f(w) = ½ Σᵢ aᵢ (wᵢ − cᵢ)² with a = (1, 4, 10), c = (3, −1, 0.5) from
    /// w = 0 and returns the distance to the minimizer c after `steps` steps.
    static func quadraticDistance(_ optimizer: inout some WeightOptimizer, learningRate: Float, steps: Int) -> Float {
        let curvature = Parameter(name: "a", value: Tensor(shape: [3], scalars: [1, 4, 10]), isTrainable: false)
        let center = Tensor(shape: [3], scalars: [3, -1, 0.5])
        let weight = Parameter(name: "w", value: Tensor(zeros: [3]))
        for _ in 0..<steps {
            let tape = Tape()
            let difference = weight.variable(on: tape) - Variable(center)
            let loss = (curvature.variable(on: tape) * square(difference)).sum().scaled(by: 0.5)
            optimizer.update([weight, curvature], gradients: tape.gradients(of: loss), learningRate: learningRate)
        }
        return zip(weight.value.scalars, center.scalars).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }
}

func expectClose(
    _ got: [Float], _ want: [Double], tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(got.count == want.count, sourceLocation: sourceLocation)
    for (a, b) in zip(got, want) {
        #expect(Swift.abs(Double(a) - b) <= tolerance * max(1, Swift.abs(b)), "\(got) vs \(want)", sourceLocation: sourceLocation)
    }
}
