/// Kendall's τ-b and Spearman's ρ, the rank correlations of White et al. 2021's predictor study.
enum RankCorrelation {
    /// Kendall's τ-b: (concordant − discordant) / √((pairs − ties in x)(pairs − ties in y)). O(n²).
    static func kendallTau(_ x: [Double], _ y: [Double]) -> Double {
        var (concordant, discordant, tiesX, tiesY) = (0.0, 0.0, 0.0, 0.0)
        for i in 0..<x.count {
            for j in (i + 1)..<x.count {
                let (dx, dy) = (x[i] - x[j], y[i] - y[j])
                if dx == 0 && dy == 0 { continue }
                if dx == 0 { tiesX += 1; continue }
                if dy == 0 { tiesY += 1; continue }
                if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let denominator = ((concordant + discordant + tiesX) * (concordant + discordant + tiesY)).squareRoot()
        return denominator > 0 ? (concordant - discordant) / denominator : 0
    }

    /// Spearman's ρ: the Pearson correlation of the ranks (ties share their mean rank).
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let (rankX, rankY) = (ranks(x), ranks(y))
        let mean = Double(x.count + 1) / 2
        var (covariance, varianceX, varianceY) = (0.0, 0.0, 0.0)
        for i in 0..<x.count {
            covariance += (rankX[i] - mean) * (rankY[i] - mean)
            varianceX += (rankX[i] - mean) * (rankX[i] - mean)
            varianceY += (rankY[i] - mean) * (rankY[i] - mean)
        }
        let denominator = (varianceX * varianceY).squareRoot()
        return denominator > 0 ? covariance / denominator : 0
    }

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
