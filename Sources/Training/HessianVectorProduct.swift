import Layers
import Tensors

/// A Hessian-vector product H·v of a loss by central differences of gradients, as in DARTS (Liu, Simonyan &
/// Yang 2019, eq. 8):
///
///     H·v ≈ (∇L(w + ε·v) − ∇L(w − ε·v)) / 2ε,   ε = 0.01 / ‖v‖
///
/// The step ε makes the perturbation ε·v have norm 0.01 whatever the scale of v, the choice of the DARTS paper
/// and its code. The error is O(ε²) from truncation plus about ε_f32·‖∇L‖/ε from Float32 rounding.
///
/// With `targets` other than the perturbed parameters this is the mixed product ∇²_{targets, w} L · v that
/// second-order DARTS needs (perturb the weights w along v, differentiate with respect to the architecture
/// parameters).
///
/// The perturbed parameters are restored bit for bit afterwards (their saved values are put back, not
/// recomputed). `loss` is called twice; it should not change other state (for instance, it should use
/// batch norm without running statistics, or evaluation mode).
///
/// - Parameters:
///   - loss: builds the scalar loss on the given tape, reading the parameters' current values.
///   - parameters: w, the parameters to perturb.
///   - vector: v, by parameter name; parameters without an entry are not perturbed.
///   - targets: the parameters to differentiate with respect to (`parameters` when `nil`).
/// - Returns: H·v by target name (zeros for targets the loss does not reach; all zeros when ‖v‖ = 0).
/// - Complexity: two forward and two backward passes.
public func hessianVectorProduct(
    of loss: (Tape) -> Variable, parameters: [Parameter], vector: ParameterGradients,
    targets: [Parameter]? = nil
) -> ParameterGradients {
    let targets = targets ?? parameters
    let perturbed = parameters.filter { vector[$0] != nil }
    for parameter in perturbed {
        enforce(
            vector[parameter]!.shape == parameter.shape,
            "hessianVectorProduct: vector entry '\(parameter.name)' has shape \(vector[parameter]!.shape) but the parameter has shape \(parameter.shape)")
    }
    var zeros = ParameterGradients()
    for target in targets { zeros[target.name] = Tensor(zeros: target.shape) }
    let vectorNorm = ParameterGradients(Dictionary(uniqueKeysWithValues: perturbed.map { ($0.name, vector[$0]!) })).norm
    guard vectorNorm > 0 else { return zeros }
    let epsilon = 0.01 / vectorNorm

    let saved = perturbed.map(\.value)
    func gradient(at sign: Float) -> ParameterGradients {
        for (parameter, original) in zip(perturbed, saved) {
            let direction = vector[parameter]!.scalars
            var value = original
            for i in value.scalars.indices { value.scalars[i] += sign * epsilon * direction[i] }
            parameter.value = value
        }
        let tape = Tape()
        return ParameterGradients(tape.gradients(of: loss(tape)), of: targets)
    }
    let plus = gradient(at: 1)
    let minus = gradient(at: -1)
    for (parameter, original) in zip(perturbed, saved) { parameter.value = original }

    var product = zeros
    for target in targets {
        guard let high = plus[target] else { continue }
        let low = minus[target] ?? Tensor(zeros: target.shape)
        product[target.name] = Tensor(
            shape: target.shape,
            scalars: zip(high.scalars, low.scalars).map { ($0 - $1) / (2 * epsilon) })
    }
    return product
}
