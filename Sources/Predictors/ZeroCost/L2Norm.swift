import Layers

/// The sum over layers of each weight tensor's Euclidean norm, Σ_l ‖θ_l‖₂: NAS-Bench-Suite-Zero's data-free
/// baseline `l2_norm` (NASLib `measures/l2_norm.py`: `layer.weight.norm()` per convolution and linear layer,
/// summed).
enum L2Norm {
    /// Σ over the scored weights of ‖θ‖₂, in Double.
    static func score(_ network: some Layer) -> Double {
        ZeroCostWeights.of(network).reduce(0) { $0 + GradientNorm.euclideanNorm($1.value) }
    }
}
