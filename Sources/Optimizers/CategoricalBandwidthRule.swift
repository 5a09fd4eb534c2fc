#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a ``CategoricalKernelDensity`` chooses the bandwidth λ_j of each decision's Aitchison-Aitken kernel. Either
/// way the result is clipped to [`minimumBandwidth`, (c_j - 1)/c_j], the uniform kernel at the top.
public enum CategoricalBandwidthRule: String, Hashable, Codable, Sendable, CaseIterable {
    /// statsmodels' normal-reference rule as HpBandSter's BOHB uses it (`bw="normal_reference"`), on the choice
    /// indices as if they were numbers: λ_j = 1.06 · σ_j · n^(-1/(4+d)), σ_j the population standard deviation of
    /// column j, d the number of decisions.
    ///
    /// On unordered choices σ_j depends on the order of the options and is large unless the points' indices lie
    /// close together: on NAS-Bench-201 (6 decisions of 5 operations) a model fitted to 14 random cells gets the
    /// uniform bandwidth 0.8 on nearly every decision, and only as the good set grows and concentrates do the
    /// bandwidths fall. (NAS-Bench-201's order puts the good operations, skip and the convolutions, at indices
    /// 1 to 3 and the poor ones, none and average pooling, at 0 and 4, which suits this rule.)
    case normalReference = "normal-reference"

    /// Per decision, the λ_j that maximizes the leave-one-out log-likelihood of that decision's column under its
    /// kernel density (likelihood cross-validation, statsmodels' `cv_ml`, applied decision by decision rather than
    /// jointly):
    ///
    ///     L(λ) = Σ_a n_a · log((n_a - 1)(1 - λ) + (n - n_a) · λ/(c - 1)) + constant,
    ///
    /// n_a the number of points choosing option a. L is concave in λ (a sum of logarithms of linear functions), so
    /// its maximum on the interval is found by bisection on the sign of L'. A column where every point agrees gets
    /// the minimum bandwidth, a column spread evenly over the options the uniform one, and one option chosen
    /// more often than the others something between. With a single point: the uniform bandwidth.
    case leaveOneOut = "leave-one-out"

    /// The bandwidths of `data` (choice vectors matching `levels`), clipped to [`minimumBandwidth`, (c_j - 1)/c_j].
    ///
    /// Complexity: O(n·d) for the normal-reference rule; O(n·d + d·c·60) for leave-one-out.
    public func bandwidths(data: [[Int]], levels: [Int], minimumBandwidth: Double) -> [Double] {
        levels.indices.map { column in
            let options = levels[column]
            let uniform = CategoricalKernelDensity.uniformBandwidth(options: options)
            let lowest = min(minimumBandwidth, uniform)
            let raw: Double
            switch self {
            case .normalReference: raw = Self.normalReference(data: data, column: column, dimension: levels.count)
            case .leaveOneOut: raw = Self.leaveOneOut(data: data, column: column, options: options, lowest: lowest)
            }
            return min(max(raw, lowest), uniform)
        }
    }

    /// 1.06 · σ · n^(-1/(4+d)) of column `column`.
    private static func normalReference(data: [[Int]], column: Int, dimension: Int) -> Double {
        let n = Double(data.count)
        var mean = 0.0
        for point in data { mean += Double(point[column]) }
        mean /= n
        var variance = 0.0
        for point in data {
            let deviation = Double(point[column]) - mean
            variance += deviation * deviation
        }
        return 1.06 * (variance / n).squareRoot() * pow(n, -1 / Double(4 + dimension))
    }

    /// The maximizer of the leave-one-out log-likelihood of column `column` on [`lowest`, (c - 1)/c].
    private static func leaveOneOut(data: [[Int]], column: Int, options: Int, lowest: Double) -> Double {
        let uniform = CategoricalKernelDensity.uniformBandwidth(options: options)
        guard options > 1 else { return 0 }
        guard data.count > 1 else { return uniform }
        var counts = [Int](repeating: 0, count: options)
        for point in data { counts[point[column]] += 1 }
        let n = Double(data.count)
        let spread = 1 / Double(options - 1)
        // L'(λ) = Σ_a n_a · slope_a / value_a(λ), value_a linear in λ; decreasing, as L is concave.
        func derivative(_ bandwidth: Double) -> Double {
            var total = 0.0
            for count in counts where count > 0 {
                let same = Double(count - 1)
                let others = (n - Double(count)) * spread
                total += Double(count) * (others - same) / (same * (1 - bandwidth) + others * bandwidth)
            }
            return total
        }
        if derivative(lowest) <= 0 { return lowest }
        if derivative(uniform) >= 0 { return uniform }
        var low = lowest
        var high = uniform
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if derivative(middle) > 0 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
