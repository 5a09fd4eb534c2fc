import Predictors
import Testing

/// Against values computed by hand and by scipy.stats 1.x (`kendalltau`, `spearmanr`, `pearsonr`) for the same lists.
@Suite("RankCorrelation")
struct RankCorrelationTests {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let y: [Double] = [2, 1, 4, 3, 6, 5]

    @Test("Kendall's tau-b: 15 pairs, 3 discordant: (12 - 3) / 15 = 0.6; with ties, scipy's tau-b")
    func kendall() {
        #expect(Predictors.RankCorrelation.kendallTau(x, y) == 0.6)
        #expect(Predictors.RankCorrelation.kendallTau(x, x.reversed()) == -1)
        // x = [1, 1, 2, 3], y = [1, 2, 2, 3]: concordant 4, discordant 0, 6 pairs, 1 tied in x, 1 in y: 4 / 5.
        #expect(abs(Predictors.RankCorrelation.kendallTau([1, 1, 2, 3], [1, 2, 2, 3]) - 0.8) < 1e-12)
    }

    @Test("Spearman: 1 - 6 sum d^2 / (n (n^2 - 1)) = 1 - 36/210 without ties; mean ranks with ties")
    func spearman() {
        #expect(abs(Predictors.RankCorrelation.spearman(x, y) - (1 - 36.0 / 210)) < 1e-12)
        #expect(Predictors.RankCorrelation.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(abs(Predictors.RankCorrelation.spearman([1, 2, 2, 3], [1, 2, 3, 4]) - 0.9486832980505138) < 1e-12)
    }

    @Test("Pearson: exact for a linear relation, 0 for a constant list")
    func pearson() {
        #expect(abs(Predictors.RankCorrelation.pearson(x, x.map { 3 * $0 - 1 }) - 1) < 1e-12)
        #expect(Predictors.RankCorrelation.pearson(x, [2, 2, 2, 2, 2, 2]) == 0)
    }

    @Test("precision at the top k: the share of the true top k that the predicted top k holds")
    func precision() {
        // The true top 3 of x are positions 5, 4, 3; y's top 3 are positions 4, 5, 2: two of three.
        #expect(Predictors.RankCorrelation.precisionAtTop(2, predicted: y, truth: x) == 1)
        #expect(abs(Predictors.RankCorrelation.precisionAtTop(3, predicted: y, truth: x) - 2.0 / 3) < 1e-12)
        #expect(Predictors.RankCorrelation.precisionAtTop(3, predicted: x, truth: x) == 1)
    }
}
