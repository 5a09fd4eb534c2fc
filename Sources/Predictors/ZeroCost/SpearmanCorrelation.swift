/// Spearman's rank correlation, the measure zero-cost proxies are reported by (Abdelfattah et al. 2021).
public enum SpearmanCorrelation {
    /// Spearman's ρ of `x` and `y`: the Pearson correlation of their ranks, ties sharing their mean rank. Pairs
    /// where either value is NaN are left out first (the reference's NaN scores).
    ///
    /// - Returns: ρ, or NaN when fewer than two pairs remain or a side is constant.
    /// - Complexity: O(n log n).
    public static func rho(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "SpearmanCorrelation: \(x.count) and \(y.count) values")
        let kept = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
        guard kept.count >= 2 else { return .nan }
        let rankX = ranks(kept.map { x[$0] })
        let rankY = ranks(kept.map { y[$0] })
        let mean = Double(kept.count + 1) / 2
        var (covariance, varianceX, varianceY) = (0.0, 0.0, 0.0)
        for i in rankX.indices {
            covariance += (rankX[i] - mean) * (rankY[i] - mean)
            varianceX += (rankX[i] - mean) * (rankX[i] - mean)
            varianceY += (rankY[i] - mean) * (rankY[i] - mean)
        }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// 1-based ranks, ties sharing their mean rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            for position in start...end { ranks[order[position]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return ranks
    }
}
