import NASCore

/// SoTL and SoTL-E: the sum of the training losses over the epochs seen, or over the last E of them (Ru, Lyle,
/// Schut, Fil, van der Wilk & Gal, "Speedy Performance Estimation for Neural Architecture Search", NeurIPS
/// 2021), negated so that a higher score means a better architecture.
///
/// Algorithm (paper § 3, eq. 2 at epoch granularity; `Docs/Predictors/LearningCurves.md`):
///
///     ℓ_t = the mean training loss of epoch t                  LearningCurve.trainingLosses
///     SoTL   after T epochs = Σ_{t=1}^{T} ℓ_t                  lastEpochs == nil
///     SoTL-E after T epochs = Σ_{t=T-E+1}^{T} ℓ_t              lastEpochs == E
///     score = −sum (lower loss sum ranks higher)               predict(curves:targetEpoch:)
///
/// The paper sums the mini-batch losses of each epoch; a curve here holds each epoch's mean loss, which is the
/// paper's sum divided by the number of steps, the same for every architecture trained on the same data with the
/// same batch size, so the ranking is the same. The paper recommends E = 1 (SoTL-E with E = 1 is the last
/// epoch's loss); NASLib's `SoLosspredictor` with `sum_option="SoTLE"` is exactly that (`past_loss[-1]`), and
/// is what White et al. 2021 report as SoTL-E.
///
/// Complexity: O(T) per curve.
public struct SumOfTrainingLosses: LearningCurvePredictor, Hashable, Codable {
    /// The epochs read from each curve (T).
    public var epochs: Int
    /// E of SoTL-E, the last epochs summed, or `nil` for SoTL (all T epochs).
    public var lastEpochs: Int?

    /// Creates SoTL (`lastEpochs: nil`) or SoTL-E over the last `lastEpochs` of `epochs` epochs.
    ///
    /// - Precondition: `epochs ≥ 1` and `1 ≤ lastEpochs ≤ epochs`.
    public init(epochs: Int, lastEpochs: Int? = nil) {
        precondition(epochs >= 1, "SumOfTrainingLosses: epochs must be at least 1, got \(epochs)")
        if let lastEpochs {
            precondition(
                (1...epochs).contains(lastEpochs),
                "SumOfTrainingLosses: lastEpochs must be in 1...\(epochs), got \(lastEpochs)")
        }
        self.epochs = epochs
        self.lastEpochs = lastEpochs
    }

    public var name: String { lastEpochs.map { "SoTL-E (E = \($0))" } ?? "SoTL" }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: 0, encoding: nil, learningCurveEpochs: epochs)
    }

    public var metrics: [LearningCurveMetric] { [.trainingLoss] }

    /// The negated loss sums (standard deviation 0); `targetEpoch` only has to be at least ``epochs``.
    public func predict(curves: [LearningCurve], targetEpoch: Int) throws(SearchError) -> [Prediction] {
        try checkedValues(curves, targetEpoch: targetEpoch).map { values in
            let losses = values[0]
            let summed = losses.suffix(lastEpochs ?? losses.count)
            return Prediction(mean: -summed.reduce(0, +), standardDeviation: 0)
        }
    }
}
