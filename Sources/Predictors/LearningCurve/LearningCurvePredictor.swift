import NASCore

/// A predictor that reads each architecture's partial learning curve instead of (or before) fitting on
/// measured architectures: SoTL, the last validation accuracy, learning-curve extrapolation.
///
/// Its ``requirements`` declare `learningCurveEpochs`, the epochs it reads from every curve; it reads exactly
/// those (the first `learningCurveEpochs` epochs, ignoring later ones), so predictors built for k epochs are
/// compared on the same information. Scores follow NASKit's convention: higher means a better final accuracy.
public protocol LearningCurvePredictor: Sendable {
    /// A short name for messages and tables ("SoTL", "SoTL-E (E = 1)", ...).
    var name: String { get }
    /// What the predictor reads; `learningCurveEpochs` is set.
    var requirements: PredictorRequirements { get }
    /// The metrics the predictor reads from every curve.
    var metrics: [LearningCurveMetric] { get }

    /// Scores every curve: higher is better; an estimate of the accuracy at `targetEpoch` where the predictor
    /// estimates one (the last validation accuracy, extrapolation), a ranking score otherwise (SoTL).
    ///
    /// - Parameters:
    ///   - curves: one partial curve per architecture, each with at least `learningCurveEpochs` epochs of every
    ///     metric in ``metrics``.
    ///   - targetEpoch: the epoch whose accuracy is predicted, at least `learningCurveEpochs`.
    /// - Throws: ``SearchError`` naming the first curve that is too short or lacks a metric, or a target epoch
    ///   before the epochs read.
    func predict(curves: [LearningCurve], targetEpoch: Int) throws(SearchError) -> [Prediction]
}

/// A per-epoch quantity a learning curve records.
public enum LearningCurveMetric: String, CaseIterable, Codable, Sendable {
    /// The mean training loss of each epoch.
    case trainingLoss = "training loss"
    /// The validation accuracy after each epoch.
    case validationAccuracy = "validation accuracy"
}

extension LearningCurve {
    /// The first `epochs` values of `metric`, or `nil` when the curve lacks it.
    func values(of metric: LearningCurveMetric, epochs: Int) -> [Double]? {
        let values = metric == .trainingLoss ? trainingLosses : validationAccuracies
        return values.map { Array($0.prefix(epochs)) }
    }
}

extension LearningCurvePredictor {
    /// The epochs read from every curve.
    var epochsRead: Int { requirements.learningCurveEpochs ?? 0 }

    /// Checks `curves` and `targetEpoch` against the requirements and returns, per curve, the first
    /// ``epochsRead`` values of each metric in ``metrics`` (in that order).
    ///
    /// - Throws: ``SearchError``: "<name> reads <k> epochs of <metric> per curve; curve <i> has <m>: ..." or
    ///   "<name> reads <metric>; curve <i> has none: ..." or a target epoch before the epochs read.
    func checkedValues(_ curves: [LearningCurve], targetEpoch: Int) throws(SearchError) -> [[[Double]]] {
        let epochs = epochsRead
        if targetEpoch < epochs {
            throw SearchError(
                "\(name) reads \(epochs) epochs per curve and cannot predict epoch \(targetEpoch) before them; "
                    + "ask for epoch \(epochs) or later")
        }
        var result: [[[Double]]] = []
        result.reserveCapacity(curves.count)
        for (index, curve) in curves.enumerated() {
            var perMetric: [[Double]] = []
            for metric in metrics {
                guard let values = curve.values(of: metric, epochs: epochs) else {
                    throw SearchError(
                        "\(name) reads the \(metric.rawValue); curve \(index) has none: "
                            + "record it, or use a predictor that reads only what the curve has")
                }
                if values.count < epochs {
                    throw SearchError(
                        "\(name) reads \(epochs) epochs of \(metric.rawValue) per curve; curve \(index) has "
                            + "\(values.count): train longer, or use a predictor made for \(values.count) epochs")
                }
                perMetric.append(values)
            }
            result.append(perMetric)
        }
        return result
    }
}
