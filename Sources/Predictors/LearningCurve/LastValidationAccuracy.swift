import NASCore

/// Early stopping as a predictor: the validation accuracy after the last epoch read stands for the final one
/// (White et al., "How Powerful are Performance Predictors in NAS?", NeurIPS 2021, § 3, "early stopping";
/// NASLib's `EarlyStopping` predictor with `metric=VAL_ACCURACY` returns the curve's last value).
///
/// Complexity: O(1) per curve.
public struct LastValidationAccuracy: LearningCurvePredictor, Hashable, Codable {
    /// The epochs read from each curve.
    public var epochs: Int

    /// Creates the predictor for curves of at least `epochs` epochs.
    ///
    /// - Precondition: `epochs ≥ 1`.
    public init(epochs: Int) {
        precondition(epochs >= 1, "LastValidationAccuracy: epochs must be at least 1, got \(epochs)")
        self.epochs = epochs
    }

    public var name: String { "last validation accuracy" }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: 0, encoding: nil, learningCurveEpochs: epochs)
    }

    public var metrics: [LearningCurveMetric] { [.validationAccuracy] }

    /// The validation accuracy after epoch ``epochs`` (standard deviation 0), whatever `targetEpoch` is.
    public func predict(curves: [LearningCurve], targetEpoch: Int) throws(SearchError) -> [Prediction] {
        try checkedValues(curves, targetEpoch: targetEpoch).map { values in
            Prediction(mean: values[0][epochs - 1], standardDeviation: 0)
        }
    }
}
