import NASCore

/// What one training run measured after each of its first epochs: the partial learning curve that the
/// learning-curve predictors read (White et al., "How Powerful are Performance Predictors in NAS?", NeurIPS 2021,
/// § 3: SoTL, early stopping and curve extrapolation).
///
/// Either metric may be missing (a table that records only accuracies has no training losses); a predictor that
/// needs a missing metric refuses the curve with a message naming it (``LearningCurvePredictor``).
public struct LearningCurve: Hashable, Codable, Sendable {
    /// Mean training loss of epochs 1, 2, ... (index 0 is epoch 1), or `nil` when not recorded.
    public private(set) var trainingLosses: [Double]?
    /// Validation accuracy as a fraction in 0...1 after epochs 1, 2, ..., or `nil` when not recorded.
    public private(set) var validationAccuracies: [Double]?

    /// Creates a curve.
    ///
    /// - Throws: ``SearchError`` when both metrics are missing, when they cover different numbers of epochs, or
    ///   when a value is not finite or an accuracy lies outside 0...1.
    public init(trainingLosses: [Double]?, validationAccuracies: [Double]?) throws(SearchError) {
        if trainingLosses == nil && validationAccuracies == nil {
            throw SearchError("a learning curve needs training losses or validation accuracies; both are missing")
        }
        if let trainingLosses, let validationAccuracies, trainingLosses.count != validationAccuracies.count {
            throw SearchError(
                "a learning curve has \(trainingLosses.count) training losses but \(validationAccuracies.count) "
                    + "validation accuracies; give one of each per epoch")
        }
        if let index = trainingLosses?.firstIndex(where: { !$0.isFinite }) {
            throw SearchError("the training loss of epoch \(index + 1) is not finite (\(trainingLosses![index]))")
        }
        if let index = validationAccuracies?.firstIndex(where: { !(0...1).contains($0) }) {
            throw SearchError(
                "the validation accuracy of epoch \(index + 1) is \(validationAccuracies![index]), outside 0...1; "
                    + "give accuracies as fractions")
        }
        self.trainingLosses = trainingLosses
        self.validationAccuracies = validationAccuracies
    }

    /// The number of epochs the curve covers.
    public var epochCount: Int { trainingLosses?.count ?? validationAccuracies?.count ?? 0 }

    /// The curve of the first `epochs` epochs (all of them when the curve is shorter).
    public func prefix(epochs: Int) -> LearningCurve {
        var copy = self
        copy.trainingLosses = trainingLosses.map { Array($0.prefix(epochs)) }
        copy.validationAccuracies = validationAccuracies.map { Array($0.prefix(epochs)) }
        return copy
    }
}
