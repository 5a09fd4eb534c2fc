import NASCore

/// Targets standardized to mean 0 and standard deviation 1 (NASLib standardizes before every model-based fit),
/// and the map back to the targets' units.
public struct TargetStandardization: Hashable, Codable, Sendable {
    /// The targets' mean.
    public let mean: Double
    /// The targets' population standard deviation, or 1 when they are all equal.
    public let scale: Double

    /// The standardization of `targets` (not empty).
    init(_ targets: [Double]) {
        let mean = targets.reduce(0, +) / Double(targets.count)
        let variance = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(targets.count)
        self.mean = mean
        self.scale = variance > 0 ? variance.squareRoot() : 1
    }

    /// `targets` in standard units.
    func standardized(_ targets: [Double]) -> [Double] { targets.map { ($0 - mean) / scale } }

    /// A prediction in standard units mapped back to the targets' units.
    func prediction(mean standardMean: Double, standardDeviation: Double) -> Prediction {
        Prediction(mean: mean + scale * standardMean, standardDeviation: scale * standardDeviation)
    }
}
