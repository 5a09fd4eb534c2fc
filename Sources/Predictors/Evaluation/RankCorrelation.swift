/// How well predictions order architectures: the measures of the predictor literature (White et al., "How Powerful
/// are Performance Predictors in Neural Architecture Search?", NeurIPS 2021: Kendall's τ, Spearman's ρ, Pearson's
/// r, precision at the top k).
public enum RankCorrelation {
    /// Kendall's τ-b: (concordant − discordant) / √((n₀ − n₁)(n₀ − n₂)), with n₀ the pairs and n₁, n₂ the pairs
    /// tied in x and in y (scipy's `kendalltau` default).
    ///
    /// - Precondition: `x` and `y` have the same length, at least 2.
    /// - Complexity: O(n²).
    public static func kendallTau(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count && x.count >= 2, "kendallTau: needs two equally long lists of 2 or more")
        var concordant = 0.0
        var discordant = 0.0
        var tiedX = 0.0
        var tiedY = 0.0
        var pairs = 0.0
        for i in 0..<x.count {
            for j in (i + 1)..<x.count {
                pairs += 1
                let dx = x[i] - x[j]
                let dy = y[i] - y[j]
                if dx == 0 { tiedX += 1 }
                if dy == 0 { tiedY += 1 }
                if dx != 0, dy != 0 {
                    if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
                }
            }
        }
        let denominator = ((pairs - tiedX) * (pairs - tiedY)).squareRoot()
        return denominator > 0 ? (concordant - discordant) / denominator : 0
    }

    /// Spearman's ρ: Pearson's r of the ranks, tied values sharing their mean rank.
    ///
    /// - Precondition: `x` and `y` have the same length, at least 2.
    /// - Complexity: O(n log n).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count && x.count >= 2, "spearman: needs two equally long lists of 2 or more")
        return pearson(ranks(x), ranks(y))
    }

    /// Spearman's ρ over the pairs where neither value is NaN (a zero-cost proxy's score is NaN on networks whose
    /// output ignores the input), or NaN when fewer than two such pairs remain.
    ///
    /// - Precondition: `x` and `y` have the same length.
    public static func spearman(omittingNaN x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "spearman: \(x.count) and \(y.count) values")
        let kept = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
        guard kept.count >= 2 else { return .nan }
        return spearman(kept.map { x[$0] }, kept.map { y[$0] })
    }

    /// Pearson's r; 0 when either list is constant.
    ///
    /// - Precondition: `x` and `y` have the same length, at least 2.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count && x.count >= 2, "pearson: needs two equally long lists of 2 or more")
        let count = Double(x.count)
        let meanX = x.reduce(0, +) / count
        let meanY = y.reduce(0, +) / count
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for (a, b) in zip(x, y) {
            covariance += (a - meanX) * (b - meanY)
            varianceX += (a - meanX) * (a - meanX)
            varianceY += (b - meanY) * (b - meanY)
        }
        let denominator = (varianceX * varianceY).squareRoot()
        return denominator > 0 ? covariance / denominator : 0
    }

    /// The share of the true top-k (by `truth`) among the predicted top-k (by `predicted`); ties in either are
    /// broken by position, first first.
    ///
    /// - Precondition: equal lengths and `1 <= k <= count`.
    public static func precisionAtTop(_ k: Int, predicted: [Double], truth: [Double]) -> Double {
        precondition(predicted.count == truth.count && (1...max(1, truth.count)).contains(k), "precisionAtTop: bad k")
        func top(_ values: [Double]) -> Set<Int> {
            Set(values.indices.sorted { (values[$0], -$0) > (values[$1], -$1) }.prefix(k))
        }
        return Double(top(predicted).intersection(top(truth)).count) / Double(k)
    }

    /// 1-based ranks, tied values sharing their mean rank.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for position in start...end { ranks[order[position]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return ranks
    }
}
