import Layers
import Seeding
import Tensors

/// Checks a layer's gradients with respect to its input and its trainable parameters against central
/// differences of L = Σ r ⊙ layer(x) with a fixed random projection r, computed in Double.
///
/// The layer is evaluated in `mode` every time (dropout masks repeat for one seed; batch norm in training mode
/// uses batch statistics, so its running statistics do not affect the output). Tolerances as in
/// `GradientCheck`: |analytic − numeric| ≤ 1e-3 + 1e-2·|numeric| with h = 1e-2.
struct LayerGradientCheck {
    var step: Double = 1e-2
    var absoluteTolerance: Double = 1e-3
    var relativeTolerance: Double = 1e-2

    /// The names (and "input") whose gradients disagree, with the worst element; empty when all agree.
    func failures(of layer: any Layer, input: Tensor, mode: ForwardMode) -> [String] {
        let tape = Tape()
        let inputLeaf = tape.variable(input)
        let output = layer(inputLeaf, mode: mode)
        var rng = Xoshiro256(seed: 99)
        let projection = Tensor(shape: output.shape, scalars: (0..<output.value.count).map { _ in rng.normalFloat() })
        let gradients = tape.gradients(of: output, seed: projection)

        func objective(_ x: Tensor) -> Double {
            let value = layer(Variable(x), mode: mode).value
            return zip(projection.scalars, value.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        func compare(_ name: String, analytic: Tensor, perturb: (Int, Float) -> Double) -> String? {
            for element in 0..<analytic.count {
                let numeric = (perturb(element, Float(step)) - perturb(element, Float(-step))) / (2 * step)
                let exact = Double(analytic.scalars[element])
                if Swift.abs(exact - numeric) > absoluteTolerance + relativeTolerance * Swift.abs(numeric) {
                    return "\(name)[\(element)]: analytic \(exact), numeric \(numeric)"
                }
            }
            return nil
        }

        var failures: [String] = []
        if let failure = compare("input", analytic: gradients[inputLeaf], perturb: { element, h in
            var x = input
            x.scalars[element] += h
            return objective(x)
        }) { failures.append(failure) }
        for parameter in layer.trainableParameters {
            let analytic = gradients[parameter] ?? Tensor(zeros: parameter.shape)
            let original = parameter.value
            if let failure = compare(parameter.name, analytic: analytic, perturb: { element, h in
                parameter.value.scalars[element] = original.scalars[element] + h
                defer { parameter.value = original }
                return objective(input)
            }) { failures.append(failure) }
        }
        return failures
    }
}
