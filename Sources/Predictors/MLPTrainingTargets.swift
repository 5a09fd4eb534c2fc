/// The targets as the meta networks see them: standardized, with each one's weight in the loss.
///
/// Targets are standardized to t = (y − mean) / scale (scale: their population standard deviation, 1 when they
/// are all equal), so the learning rate does not depend on the metric's units; predictions are mapped back
/// with y = mean + scale · t. NASKit's choice: the paper's code trains on the raw validation error in percent.
///
/// The loss is Σᵢ wᵢ |pᵢ − tᵢ| / rows over a batch, with wᵢ = 1 for the mean absolute error and
/// wᵢ = 1 / (b − tᵢ) for the paper's mean absolute percentage error, b = max t + margin (the bound beyond the
/// best target; see ``MLPEnsembleConfiguration/boundMargin``).
struct MLPTrainingTargets {
    /// The mean of the raw targets.
    let mean: Double
    /// The scale of the raw targets (their standard deviation, or 1).
    let scale: Double
    /// The standardized targets.
    let standardized: [Float]
    /// Each target's weight in the loss.
    let weights: [Float]

    /// Standardizes `targets` (at least one, all finite) and weighs them for `loss`.
    init(_ targets: [Double], loss: MLPEnsembleLoss, boundMargin: Double) {
        precondition(!targets.isEmpty, "MLPTrainingTargets: no targets")
        let count = Double(targets.count)
        let mean = targets.reduce(0, +) / count
        let variance = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
        let scale = variance > 0 ? variance.squareRoot() : 1
        let standardized = targets.map { ($0 - mean) / scale }
        self.mean = mean
        self.scale = scale
        self.standardized = standardized.map(Float.init)
        switch loss {
        case .meanAbsoluteError:
            weights = [Float](repeating: 1, count: targets.count)
        case .meanAbsolutePercentageError:
            let bound = (standardized.max() ?? 0) + boundMargin
            weights = standardized.map { Float(1 / (bound - $0)) }
        }
    }
}
