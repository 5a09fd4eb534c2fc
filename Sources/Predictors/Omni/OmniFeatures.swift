import NASCore

/// What OMNI knows of one architecture besides its encoding: its zero-cost scores and its partial learning curve.
public struct OmniFeatures: Hashable, Codable, Sendable {
    /// One score per proxy of ``OmniConfiguration/proxies``, in that order (NaN where a proxy has none, as the
    /// Jacobian covariance for some cells).
    public var zeroCostScores: [Double]
    /// The learning curve of at least ``OmniConfiguration/learningCurveEpochs`` epochs, or `nil` when OMNI reads
    /// no curve feature.
    public var curve: LearningCurve?

    /// Creates the features of one architecture.
    public init(zeroCostScores: [Double], curve: LearningCurve?) {
        self.zeroCostScores = zeroCostScores
        self.curve = curve
    }
}

/// The z-score of one extra column with the training set's mean and standard deviation, applied unchanged to the
/// architectures predicted (NASLib standardises the test set's curve feature by its own statistics, which shifts
/// it against the training set's; here both use the training set's).
struct OmniColumnStandardization: Hashable, Codable, Sendable {
    /// The training values' mean.
    var mean: Double
    /// The training values' standard deviation (1 when they are all equal).
    var standardDeviation: Double
    /// The value given to a non-finite score: the lowest finite training value (a proxy without a score, such as
    /// the Jacobian covariance of a network whose Jacobians are constant, ranks its architecture last).
    var fill: Double

    /// The statistics of `values`' finite entries.
    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let mean = finite.isEmpty ? 0 : finite.reduce(0, +) / Double(finite.count)
        let variance =
            finite.isEmpty ? 0 : finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count)
        self.mean = mean
        self.standardDeviation = variance > 0 ? variance.squareRoot() : 1
        self.fill = finite.min() ?? 0
    }

    /// `value` standardised, non-finite values replaced by ``fill`` first.
    func standardized(_ value: Double) -> Float {
        Float(((value.isFinite ? value : fill) - mean) / standardDeviation)
    }
}
