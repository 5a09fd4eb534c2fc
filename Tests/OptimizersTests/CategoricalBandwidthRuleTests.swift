import Foundation
import Optimizers
import Testing

@Suite("CategoricalBandwidthRule")
struct CategoricalBandwidthRuleTests {
    @Test("normal reference: 1.06 · σ · n^(-1/(4+d)) on the choice indices, clipped to [minimum, (c-1)/c]")
    func normalReferenceByHand() {
        // Three points over decisions of 3 and 2 options.
        let bandwidths = CategoricalBandwidthRule.normalReference.bandwidths(
            data: [[0, 1], [2, 1], [0, 0]], levels: [3, 2], minimumBandwidth: 1e-3)
        let shrink = 1.06 * pow(3.0, -1.0 / 6.0)
        // Column 0 (0, 2, 0): σ = sqrt(8/9), 1.06 · 0.943 · 0.833 = 0.83 > 2/3, so the uniform bandwidth 2/3.
        #expect(abs(bandwidths[0] - 2.0 / 3.0) < 1e-14)
        // Column 1 (1, 1, 0): σ = sqrt(2/9), 0.416 < 1/2.
        #expect(abs(bandwidths[1] - shrink * (2.0 / 9.0).squareRoot()) < 1e-14)
        // A column on which every point agrees gets the minimum bandwidth.
        let agreeing = CategoricalBandwidthRule.normalReference.bandwidths(
            data: [[1, 0], [1, 1]], levels: [3, 2], minimumBandwidth: 1e-3)
        #expect(agreeing[0] == 1e-3)
    }

    @Test("leave-one-out: the maximizer of Σ_a n_a log((n_a - 1)(1 - λ) + (n - n_a) λ/(c - 1)), by hand")
    func leaveOneOutByHand() {
        // One decision of 3 options chosen 0, 0, 0, 1: L(λ) = 3 log(2 - 1.5λ) + log(1.5λ),
        // L'(λ) = -4.5/(2 - 1.5λ) + 1/λ = 0 at λ = 1/3.
        let bandwidths = CategoricalBandwidthRule.leaveOneOut.bandwidths(
            data: [[0], [0], [0], [1]], levels: [3], minimumBandwidth: 1e-3)
        #expect(abs(bandwidths[0] - 1.0 / 3.0) < 1e-12)
        // Every point agrees: the minimum. Every option equally often: the uniform kernel, (c - 1)/c.
        let agreeing = CategoricalBandwidthRule.leaveOneOut.bandwidths(
            data: [[2], [2], [2]], levels: [3], minimumBandwidth: 1e-3)
        #expect(agreeing == [1e-3])
        let even = CategoricalBandwidthRule.leaveOneOut.bandwidths(
            data: [[0], [1], [2], [0], [1], [2]], levels: [3], minimumBandwidth: 1e-3)
        #expect(even == [2.0 / 3.0])
    }

    @Test("leave-one-out does not depend on the order of the options; normal reference does")
    func orderInvariance() {
        let data = [[0], [0], [0], [1], [4], [4]]
        let relabelled = data.map { [[2, 0, 3, 4, 1][$0[0]]] }  // a permutation of the five options
        let leaveOneOut = CategoricalBandwidthRule.leaveOneOut
        let original = leaveOneOut.bandwidths(data: data, levels: [5], minimumBandwidth: 1e-3)[0]
        let permuted = leaveOneOut.bandwidths(data: relabelled, levels: [5], minimumBandwidth: 1e-3)[0]
        #expect(abs(original - permuted) < 1e-12)
        let normalReference = CategoricalBandwidthRule.normalReference
        #expect(
            normalReference.bandwidths(data: data, levels: [5], minimumBandwidth: 1e-3)
                != normalReference.bandwidths(data: relabelled, levels: [5], minimumBandwidth: 1e-3))
    }
}
