import Layers

/// The number of trainable parameters, NAS-Bench-Suite-Zero's `params` baseline: every weight, bias and
/// batch-norm scale and offset, running statistics excluded (what NAS-Bench-201 reports and ModelCost counts).
enum ParameterCount {
    /// The trainable scalars of `network`.
    static func score(_ network: some Layer) -> Double {
        Double(network.trainableParameterCount)
    }
}
