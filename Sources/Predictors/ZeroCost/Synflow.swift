import Foundation
import Layers
import Tensors

/// Synaptic flow (Tanaka et al., "Pruning neural networks without any data by iteratively conserving synaptic
/// flow", NeurIPS 2020; as a NAS proxy, Abdelfattah et al. 2021): with every parameter replaced by its absolute
/// value and an input of ones, R = Σ f(𝟙) and the score is Σ_θ |θ ⊙ ∂R/∂θ| over the weights.
///
/// Line mapping to zero-cost-nas `measures/synflow.py` (`bn=False`, mode `param`):
/// - `linearize`: `param.abs_()` for every entry → ``score(_:inputShape:)`` takes |θ| of every trainable
///   parameter (sign-only linearisation; the signs are restored afterwards, here by ``ParameterSnapshot``);
/// - `bn=False`, the copy without batch norm → evaluation mode: at initialisation (running mean 0, variance 1,
///   scale 1, offset 0) a batch norm is x/√(1+ε), the identity up to a factor 1 − 5·10⁻⁶ per batch norm;
/// - `inputs = torch.ones([1] + input_dim).double()`, `torch.sum(output).backward()` → one example of ones,
///   the tape seeded with ones;
/// - `torch.abs(layer.weight * layer.weight.grad)` summed over convolution and linear weights → the sum below.
///
/// The reference computes in double precision because R overflows Float32 (about 10⁴⁰ for NAS-Bench-201's
/// network). The engine computes in Float32, so the same number is computed exactly rescaled: the network with
/// absolute weights, no batch statistics and ReLU is positively homogeneous in its input when its biases scale
/// with it, so the input s·𝟙 (biases s·|b|) gives activations s·a, and the seed t gives gradients t·∂R/∂a; the
/// score is then Σ|θ ⊙ ∂R/∂θ| / (s·t), summed in Double. s and t are powers of two near 1/√R (found by a probe
/// pass), which keeps activations and gradients in [√R⁻¹, √R] and makes the rescaling exact.
enum Synflow {
    /// Synflow of `network` for one example of shape `inputShape` (C, H, W).
    ///
    /// - Precondition: the network is positively homogeneous in its input once biases (trainable rank-1
    ///   parameters named `*.bias`) scale with it: ReLU networks of convolutions, linear layers, pooling and
    ///   batch norms with zero running means, as at initialisation.
    /// - Complexity: one probe forward pass and one forward and backward pass on one example.
    static func score(_ network: some Layer, inputShape: [Int]) -> Double {
        let snapshot = ParameterSnapshot(network)
        defer { snapshot.restore() }
        let trainable = network.parameters.filter(\.isTrainable)
        for parameter in trainable {
            parameter.value = Tensor(shape: parameter.shape, scalars: parameter.value.scalars.map(Swift.abs))
        }
        let biases = trainable.filter { $0.value.rank == 1 && $0.name.hasSuffix(".bias") }
        let biasValues = biases.map(\.value)
        func prepare(scale: Float) -> Tensor {
            for (bias, value) in zip(biases, biasValues) {
                bias.value = Tensor(shape: value.shape, scalars: value.scalars.map { $0 * scale })
            }
            return Tensor(repeating: scale, shape: [1] + inputShape)
        }

        // Probe: R at a scale that keeps it finite.
        var total = 0.0
        for exponent in stride(from: 0, through: -120, by: -30) {
            let scale = Float(sign: .plus, exponent: exponent, significand: 1)
            let output = network(Variable(prepare(scale: scale)), mode: .evaluation).value
            let largest = output.scalars.reduce(0) { Swift.max($0, Swift.abs($1)) }
            guard output.isFinite, largest < 0x1p100 else { continue }
            total = output.scalars.reduce(0) { $0 + Double($1) } / Double(scale)
            break
        }
        let exponent = total > 0 ? -Int((log2(total) / 2).rounded()) : 0
        let scale = Float(sign: .plus, exponent: exponent, significand: 1)

        let tape = Tape()
        let output = network(tape.constant(prepare(scale: scale)), mode: .evaluation)
        let gradients = tape.gradients(of: output, seed: Tensor(repeating: scale, shape: output.shape))
        var sum = 0.0
        for weight in ZeroCostWeights.of(network) {
            guard let gradient = gradients[weight] else { continue }
            for (w, g) in zip(weight.value.scalars, gradient.scalars) { sum += Swift.abs(Double(w) * Double(g)) }
        }
        return sum / (Double(scale) * Double(scale))
    }
}
