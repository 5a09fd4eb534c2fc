import NASCore

/// OMNI's settings: which zero-cost proxies and learning-curve features join the encoding, how many epochs of
/// curve are read, and the NGBoost model on top.
///
/// Defaults follow White et al. 2021 § 6 and NASLib's `OmniNGBPredictor` as the paper's experiments call it
/// (`zero_cost=["jacov"]`, `lce=["sotle"]`, trees on the adjacency one-hot encoding).
public struct OmniConfiguration: Hashable, Codable, Sendable {
    /// The zero-cost proxies whose scores are features, in column order (NASLib: `jacov`).
    public var proxies: [ZeroCostProxy] = [.jacov]
    /// The learning-curve features, in column order (NASLib: `sotle`).
    public var curveFeatures: [OmniCurveFeature] = [.lastTrainingLoss]
    /// The epochs of partial learning curve read per architecture (NASLib reads the curve it is given and
    /// needs at least 3 epochs for `sotle`).
    public var learningCurveEpochs = 3
    /// The boosted model; its `encoding` is the encoding the extra columns join.
    public var ngboost = NGBoostConfiguration()

    /// Creates the default configuration.
    public init() {}

    /// Checks every setting.
    ///
    /// - Throws: ``SearchError`` naming the setting and the fix.
    public func validate() throws(SearchError) {
        try ngboost.validate()
        guard learningCurveEpochs >= 1 || curveFeatures.isEmpty else {
            throw SearchError(
                "OMNI: learningCurveEpochs must be at least 1 when it reads curve features (got \(learningCurveEpochs))")
        }
        guard !(proxies.isEmpty && curveFeatures.isEmpty) else {
            throw SearchError(
                "OMNI: give at least one zero-cost proxy or learning-curve feature; without them it is NGBoost "
                    + "(use NGBoostPredictor)")
        }
    }
}

/// A learning-curve number OMNI adds as a feature.
public enum OmniCurveFeature: String, CaseIterable, Codable, Sendable {
    /// The last read epoch's training loss, negated so that higher is better (SoTL-E with E = 1, NASLib `sotle`).
    case lastTrainingLoss = "sotle"
    /// The last read epoch's validation accuracy (NASLib `valacc`).
    case lastValidationAccuracy = "valacc"

    /// The curve metric the feature reads.
    var metric: LearningCurveMetric {
        switch self {
        case .lastTrainingLoss: .trainingLoss
        case .lastValidationAccuracy: .validationAccuracy
        }
    }
}
