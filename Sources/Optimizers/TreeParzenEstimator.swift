/// BOHB's model of one fidelity: the observations there split into the best (good) and the rest (bad), a
/// ``CategoricalKernelDensity`` over each, l(x) and g(x), and the ratio l(x)/g(x) that candidates are ranked by
/// (Falkner, Klein & Hutter, "BOHB: Robust and Efficient Hyperparameter Optimization at Scale", ICML 2018,
/// Section 3.1 and Algorithm 2; the tree-structured Parzen estimator of Bergstra et al., NeurIPS 2011).
///
/// Fitting, as HpBandSter's `new_result` does it (the paper's equations 2 and 3), with n observations, d decisions
/// and N_min = `minimumPoints`:
/// - no model unless n ≥ N_min;
/// - rank by objective, best first, ties to the observation made first (``SuccessiveHalvingBracket/ranking(of:)``);
/// - good = the first max(N_min, ⌊q·n/100⌋), bad = the next max(N_min, ⌊(100 - q)·n/100⌋) (as many as remain);
/// - no model unless both sets hold more than d points (HpBandSter's check, so that with N_min = d + 1 a model
///   needs n ≥ 2(d + 1): 14 observations for NAS-Bench-201's 6 decisions);
/// - each KDE's bandwidths by `bandwidthRule` (HpBandSter: the normal-reference rule), clipped below at
///   `minimumBandwidth`.
public struct TreeParzenEstimator: Hashable, Codable, Sendable {
    /// One evaluated choice vector and its objective (maximized).
    public struct Observation: Hashable, Codable, Sendable {
        /// The choice index at each decision.
        public var choices: [Int]
        /// The objective observed.
        public var objective: Double

        /// Creates an observation.
        public init(choices: [Int], objective: Double) {
            self.choices = choices
            self.objective = objective
        }
    }

    /// The density of the good observations, l(x).
    public let good: CategoricalKernelDensity
    /// The density of the bad observations, g(x).
    public let bad: CategoricalKernelDensity

    /// Fits the model to `observations`, or returns `nil` when there are too few.
    ///
    /// - Parameters:
    ///   - observations: The observations at one fidelity, in the order they were made.
    ///   - levels: Each decision's number of options.
    ///   - topPercent: q, the percentage of observations that are good (BOHB's `topPercent`).
    ///   - minimumPoints: N_min (BOHB's `minimumPointsInModel`), at least d + 1.
    ///   - bandwidthRule: How each density's bandwidths are chosen.
    ///   - minimumBandwidth: The smallest bandwidth (BOHB's `minimumBandwidth`).
    ///
    /// Complexity: O(n log n + n·d).
    public init?(
        observations: [Observation], levels: [Int], topPercent: Int, minimumPoints: Int,
        bandwidthRule: CategoricalBandwidthRule, minimumBandwidth: Double
    ) {
        let count = observations.count
        let dimension = levels.count
        guard count >= minimumPoints else { return nil }
        let goodCount = max(minimumPoints, topPercent * count / 100)
        let badCount = min(max(minimumPoints, (100 - topPercent) * count / 100), count - goodCount)
        guard goodCount > dimension, badCount > dimension else { return nil }
        let ranking = SuccessiveHalvingBracket.ranking(of: observations.map(\.objective))
        let goodData = ranking[..<goodCount].map { observations[$0].choices }
        let badData = ranking[goodCount..<(goodCount + badCount)].map { observations[$0].choices }
        good = CategoricalKernelDensity(
            data: goodData, levels: levels, rule: bandwidthRule, minimumBandwidth: minimumBandwidth)
        bad = CategoricalKernelDensity(
            data: badData, levels: levels, rule: bandwidthRule, minimumBandwidth: minimumBandwidth)
    }

    /// l(x)/g(x), each density floored at 1e-32 as in HpBandSter; BOHB proposes the candidate that maximizes it
    /// (equivalent to maximizing expected improvement, Bergstra et al. 2011).
    ///
    /// Complexity: O((n_good + n_bad)·d).
    public func score(_ choices: [Int]) -> Double {
        max(good.density(of: choices), 1e-32) / max(bad.density(of: choices), 1e-32)
    }
}
