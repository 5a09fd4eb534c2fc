import Seeding

/// A kernel density estimate over vectors of categorical choices: a product of one Aitchison-Aitken kernel per
/// decision (Aitchison & Aitken, "Multivariate binary discrimination by the kernel method", Biometrika 63(3),
/// 1976), the estimator BOHB fits with statsmodels' `KDEMultivariate(var_type="u...", bw="normal_reference")`.
///
/// For data X_1, ..., X_n (each a choice index per decision) and bandwidths λ_j:
///
///     p(x) = (1/n) Σ_i Π_j k_j(x_j | X_ij),   k_j(x | X) = 1 - λ_j if x == X, else λ_j / (c_j - 1),
///
/// where c_j is decision j's number of options. For λ_j in [0, (c_j - 1)/c_j] each kernel is a distribution over
/// the c_j options (1 - λ_j + (c_j - 1)·λ_j/(c_j - 1) = 1) that puts at least as much mass on X as on any other
/// option, so p sums to one over all Π c_j choice vectors; at λ_j = (c_j - 1)/c_j it is uniform.
///
/// **Bandwidths** come from a ``CategoricalBandwidthRule`` (see there: HpBandSter's normal-reference rule on the
/// choice indices, or a per-decision leave-one-out likelihood), clipped to [`minimumBandwidth`, (c_j - 1)/c_j].
///
/// Differences from statsmodels, so that p is a probability distribution: the kernel divides by the decision's
/// number of options, where statsmodels divides by the number of distinct values in the data (so its density does
/// not sum to one, and is infinite for an unseen option when a column holds one value: the non-finite case
/// HpBandSter's sampler works around); and the upper clip at the uniform kernel.
public struct CategoricalKernelDensity: Hashable, Codable, Sendable {
    /// The number of options of each decision (c_j).
    public let levels: [Int]
    /// The bandwidth of each decision (λ_j).
    public let bandwidths: [Double]
    /// The number of data points (n).
    public let count: Int
    /// The data, row-major: point i's choice at decision j is `values[i * levels.count + j]`.
    private let values: [Int]

    /// Fits the estimate to `data`, its bandwidths chosen by `rule`.
    ///
    /// - Parameters:
    ///   - data: The choice vectors, one index in `0..<levels[j]` per decision; at least one.
    ///   - levels: Each decision's number of options.
    ///   - rule: How the bandwidths are chosen.
    ///   - minimumBandwidth: The smallest bandwidth (BOHB's `minimumBandwidth`), so that a decision on which all
    ///     points agree keeps some mass on the other options.
    /// - Precondition: `data` is not empty and every vector matches `levels`.
    public init(data: [[Int]], levels: [Int], rule: CategoricalBandwidthRule, minimumBandwidth: Double) {
        self.init(
            data: data, levels: levels,
            bandwidths: rule.bandwidths(data: data, levels: levels, minimumBandwidth: minimumBandwidth))
    }

    /// Creates the estimate of `data` with the given bandwidths.
    ///
    /// - Precondition: `data` is not empty, every vector matches `levels` (at least one option each), and each
    ///   bandwidth lies in [0, (c_j - 1)/c_j].
    public init(data: [[Int]], levels: [Int], bandwidths: [Double]) {
        precondition(!data.isEmpty, "a kernel density needs data")
        precondition(bandwidths.count == levels.count && levels.allSatisfy { $0 >= 1 }, "one bandwidth per decision")
        for (bandwidth, options) in zip(bandwidths, levels) {
            precondition(
                bandwidth >= 0 && bandwidth <= Self.uniformBandwidth(options: options) + 1e-12,
                "an Aitchison-Aitken bandwidth lies in [0, (c - 1)/c]")
        }
        var values: [Int] = []
        values.reserveCapacity(data.count * levels.count)
        for point in data {
            precondition(
                point.count == levels.count && zip(point, levels).allSatisfy { $0 >= 0 && $0 < $1 },
                "choice vector \(point) does not match the decisions' options \(levels)")
            values.append(contentsOf: point)
        }
        self.levels = levels
        self.bandwidths = bandwidths
        self.count = data.count
        self.values = values
    }

    /// The data point at `index`.
    public subscript(index: Int) -> [Int] {
        Array(values[(index * levels.count)..<((index + 1) * levels.count)])
    }

    /// The bandwidth at which a kernel over `options` options is uniform: (c - 1)/c.
    public static func uniformBandwidth(options: Int) -> Double {
        Double(options - 1) / Double(options)
    }

    /// The Aitchison-Aitken kernel: the probability of option `x` given the data point's option `center`.
    public static func kernel(_ x: Int, center: Int, bandwidth: Double, options: Int) -> Double {
        if x == center { return 1 - bandwidth }
        return options > 1 ? bandwidth / Double(options - 1) : 0
    }

    /// The estimated probability of `choices`.
    ///
    /// Complexity: O(n·d).
    public func density(of choices: [Int]) -> Double {
        let dimension = levels.count
        precondition(choices.count == dimension, "a choice vector has one choice per decision")
        // Per decision, the kernel's value on a match and on a mismatch.
        let matching = bandwidths.map { 1 - $0 }
        let differing = zip(bandwidths, levels).map { $1 > 1 ? $0 / Double($1 - 1) : 0 }
        var total = 0.0
        values.withUnsafeBufferPointer { values in
            for point in 0..<count {
                var product = 1.0
                let row = point * dimension
                for decision in 0..<dimension {
                    product *= values[row + decision] == choices[decision] ? matching[decision] : differing[decision]
                }
                total += product
            }
        }
        return total / Double(count)
    }

    /// Draws a choice vector from the estimate with every bandwidth multiplied by `bandwidthFactor` (and capped at
    /// (c_j - 1)/c_j, the uniform kernel): a data point uniformly, then per decision its option with probability
    /// 1 - λ'_j, else one of the other options uniformly.
    ///
    /// Draws: `uniformInt(below: n)`, then per decision with more than one option one `uniformDouble()` and, when
    /// the option changes, one `uniformInt(below: c_j - 1)`.
    public func sample(bandwidthFactor: Double, using rng: inout some RandomNumberGenerator) -> [Int] {
        let dimension = levels.count
        let row = rng.uniformInt(below: count) * dimension
        var choices: [Int] = []
        choices.reserveCapacity(dimension)
        for decision in 0..<dimension {
            let center = values[row + decision]
            let options = levels[decision]
            guard options > 1 else {
                choices.append(center)
                continue
            }
            let widened = min(bandwidthFactor * bandwidths[decision], Self.uniformBandwidth(options: options))
            if rng.uniformDouble() < widened {
                let other = rng.uniformInt(below: options - 1)
                choices.append(other < center ? other : other + 1)
            } else {
                choices.append(center)
            }
        }
        return choices
    }
}
