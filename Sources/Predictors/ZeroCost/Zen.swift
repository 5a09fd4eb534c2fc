import Foundation
import Layers
import Seeding
import Tensors

/// Zen-score (Lin, Wang, Sun, Chen, Sun, Qian, Li & Jin, "Zen-NAS: A Zero-Shot NAS for High-Performance Image
/// Recognition", ICCV 2021; `zen` of NAS-Bench-Suite-Zero): the log of the expected change of the features before
/// global pooling under a small input perturbation, plus the log of every batch norm's scaling, for a network
/// with Gaussian weights on Gaussian inputs. Data-free.
///
/// zen = log(mean_n Σ_{c,h,w} |f(x)_n − f(x + γ ε)_n|) + Σ_BN log √(mean_c running_var_c), x and ε standard
/// normal of the batch's shape, γ = 10⁻², weights drawn afresh.
///
/// Line mapping to NASLib `measures/zen.py` (from Zen-NAS's `compute_zen_score.py`; `bn=True`, `repeat=1`,
/// `mixup_gamma=1e-2`, no `fp16`):
/// - `network_weight_gaussian_init`: convolution and linear weights N(0, 1), their biases 0, batch-norm scale 1
///   and offset 0 → ``initializeGaussian(_:using:)`` on the trainable parameters: rank ≥ 2 (kernels, matrices)
///   standard normal, rank-1 `*.weight` (batch-norm scales) 1, rank-1 `*.bias` (biases, batch-norm offsets) 0;
///   restored afterwards (``ZeroCostScorer``'s snapshot, as the reference's per-measure copy of the network);
/// - `input = torch.randn(inputs.shape)`, `input2 = torch.randn(...)`, `mixup_input = input + mixup_gamma *
///   input2` → two standard normal draws of (N, C, H, W) after the weights, from the seeded generator;
/// - `net.forward_before_global_avg_pool(x)` (the input of NASLib's `AdaptiveAvgPool2d`, after the head's batch
///   norm and ReLU) → ``ActivationObserver/observeFeaturesBeforePooling(_:)``. The network is in training mode
///   (the copy keeps the training mode it was built in; `torch.no_grad` does not change batch norm), so each pass
///   normalises with batch statistics and moves the running statistics by PyTorch's momentum 0.1: the input's
///   pass first, then the mixed one's;
/// - `torch.sum(torch.abs(output - mixup_output), dim=[1, 2, 3])`, `torch.mean` → the mean over examples of the
///   L1 distance, in Double;
/// - `torch.sqrt(torch.mean(m.running_var))`, `torch.log`, summed over every `nn.BatchNorm2d` → the parameters
///   named `*.running_var` (the buffers of every batch norm), read after both passes;
/// - `nas_score = torch.log(nas_score) + log_bn_scaling_factor`, the mean over `repeat = 1` → the score. A network
///   whose features do not depend on its input gives log 0 = −∞, as the reference (NASLib's `ZeroCost.query` maps
///   it to −10⁸; both rank it last).
///
/// Zen-NAS's own script averages 32 repeats; NASLib (and this file) uses one.
enum Zen {
    /// γ, the size of the input perturbation.
    static let mixupGamma: Float = 1e-2
    /// The Gaussian batch's size when no data batch gives the shape (the batch size of zero-cost-nas and
    /// `nasrun proxies`).
    static let defaultBatchSize = 64

    /// The score of `network` on Gaussian inputs of shape `inputShape` (N, C, H, W), weights and inputs drawn from
    /// `seed`.
    ///
    /// - Complexity: two forward passes on the batch.
    static func score(_ network: some ObservableLayer, inputShape: [Int], seed: UInt64) -> Double {
        var rng = Xoshiro256(seed: seed)
        initializeGaussian(network, using: &rng)
        let count = inputShape.reduce(1, *)
        let input = (0..<count).map { _ in rng.normalFloat() }
        let noise = (0..<count).map { _ in rng.normalFloat() }
        let mixed = zip(input, noise).map { $0 + mixupGamma * $1 }
        let features = PooledFeatures()
        _ = network(Variable(Tensor(shape: inputShape, scalars: input)), mode: .training(seed: 0), observer: features)
        _ = network(Variable(Tensor(shape: inputShape, scalars: mixed)), mode: .training(seed: 0), observer: features)
        precondition(features.values.count == 2, "Zen: the network reported no features before global pooling")
        let (first, second) = (features.values[0].scalars, features.values[1].scalars)
        var distance = 0.0
        for (a, b) in zip(first, second) { distance += Swift.abs(Double(a) - Double(b)) }
        distance /= Double(inputShape[0])
        return Foundation.log(distance) + batchNormScaling(network)
    }

    /// Σ over batch norms of log √(mean of the running variance).
    static func batchNormScaling(_ network: some Layer) -> Double {
        network.parameters.filter { $0.name.hasSuffix(".running_var") }.reduce(0.0) { total, variance in
            let mean = variance.value.scalars.reduce(0.0) { $0 + Double($1) } / Double(variance.value.count)
            return total + Foundation.log(mean.squareRoot())
        }
    }

    /// Zen-NAS's weight initialisation: kernels and matrices N(0, 1), scales 1, biases and offsets 0, drawn in
    /// parameter order.
    static func initializeGaussian(_ network: some Layer, using rng: inout some RandomNumberGenerator) {
        for parameter in network.parameters where parameter.isTrainable {
            let shape = parameter.shape
            if parameter.value.rank >= 2 {
                let draws = (0..<parameter.value.count).map { _ in rng.normalFloat() }
                parameter.value = Tensor(shape: shape, scalars: draws)
            } else if parameter.name.hasSuffix(".weight") {
                parameter.value = Tensor(repeating: 1, shape: shape)
            } else if parameter.name.hasSuffix(".bias") {
                parameter.value = Tensor(zeros: shape)
            }
        }
    }

    /// Keeps the features before global pooling of each pass.
    final class PooledFeatures: ActivationObserver {
        private(set) var values: [Tensor] = []
        func observeFeaturesBeforePooling(_ features: Variable) { values.append(features.value) }
    }
}
