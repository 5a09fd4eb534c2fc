import NASCore

/// A zero-cost proxy: a score of an untrained network, computed at initialisation from at most one mini-batch,
/// that ranks architectures like their trained accuracy (Abdelfattah et al., "Zero-Cost Proxies for Lightweight
/// NAS", ICLR 2021; Krishnakumar et al., "NAS-Bench-Suite-Zero", NeurIPS 2022 Datasets and Benchmarks).
///
/// Higher scores mean better predicted architectures. The raw values follow the reference code
/// (zero-cost-nas `foresight/pruners/measures`, NASLib `naslib/predictors/utils/pruners/measures`): per-weight
/// scores summed over the weights of every convolution and linear layer (the trainable parameters of rank 2 or
/// more, ``ZeroCostWeights``). Each case names the file that computes it.
public enum ZeroCostProxy: String, CaseIterable, Codable, Sendable {
    /// Σ |θ ⊙ ∂R/∂θ| of the sign-free network on an input of ones (``Synflow``). Data-free.
    case synflow
    /// Σ |θ ⊙ ∂L/∂θ| for the cross-entropy L of one batch (``SNIP``).
    case snip
    /// Σ −θ ⊙ H ∂L/∂θ (``GraSP``).
    case grasp
    /// Σ over convolution and linear layers of (weights per channel) · Σ_k ½ mean_n (Σ a ⊙ ∂L/∂a)² over their
    /// output channels k (``Fisher``).
    case fisher
    /// Σ over layers of ‖∂L/∂θ‖₂ (``GradientNorm``).
    case gradNorm = "grad_norm"
    /// −Σ log(λ + k) + 1/(λ + k) of the correlation of per-example input Jacobians (``JacobianCovariance``).
    case jacov
    /// log |K_H| of the rectifiers' binary codes (``NASWOT``).
    case nwot
    /// Σ θ ⊙ ∂L/∂θ (``Plain``).
    case plain
    /// Σ over layers of ‖θ‖₂ (``L2Norm``). Data-free.
    case l2Norm = "l2_norm"
    /// Σ over classes of |Σ log(|C_c| + k)|, C_c the correlation of class c's input Jacobians (``EPENAS``).
    case epeNAS = "epe_nas"
    /// log of the mean feature change under a γ = 10⁻² Gaussian input perturbation plus the batch norms' log
    /// scaling, with Gaussian weights and inputs (``Zen``). Data-free.
    case zen
    /// The number of trainable parameters (``ParameterCount``). Data-free.
    case params
    /// Multiply-adds of one example's forward pass, as NAS-Bench-201 counts them (``FloatingPointOperations``).
    /// Data-free.
    case flops

    /// Whether the proxy runs the network on a mini-batch of real data.
    public var usesDataBatch: Bool {
        switch self {
        case .synflow, .l2Norm, .zen, .params, .flops: false
        case .snip, .grasp, .fisher, .gradNorm, .jacov, .nwot, .plain, .epeNAS: true
        }
    }

    /// What the proxy needs, in the terms every predictor declares: no training architectures, no encoding, and
    /// a data batch when ``usesDataBatch``.
    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: 0, encoding: nil, usesDataBatch: usesDataBatch)
    }
}
