import Foundation
import Optimizers
import Testing

@Suite("TreeParzenEstimator")
struct TreeParzenEstimatorTests {
    private typealias Observed = TreeParzenEstimator.Observation

    /// n observations over two decisions of 3 and 2 options whose objective is position n - 1 - i (the first
    /// best), choices cycling through the 6 vectors.
    private func observations(_ count: Int) -> [Observed] {
        (0..<count).map { i in Observed(choices: [i % 3, (i / 3) % 2], objective: Double(count - i)) }
    }

    @Test("good is the top max(N_min, 15% of n), bad the next max(N_min, 85% of n), by objective")
    func split() throws {
        let model = try #require(
            TreeParzenEstimator(
                observations: observations(40), levels: [3, 2], topPercent: 15, minimumPoints: 3,
                bandwidthRule: .normalReference, minimumBandwidth: 1e-3))
        // ⌊15·40/100⌋ = 6 good; ⌊85·40/100⌋ = 34 bad, all the rest.
        #expect(model.good.count == 6)
        #expect(model.bad.count == 34)
        #expect((0..<6).map { model.good[$0] } == observations(40).prefix(6).map(\.choices))
        // With 10: good = max(3, 1) = 3; bad = max(3, 8) = 8 capped at the 7 that remain.
        let small = try #require(
            TreeParzenEstimator(
                observations: observations(10), levels: [3, 2], topPercent: 15, minimumPoints: 3,
                bandwidthRule: .normalReference, minimumBandwidth: 1e-3))
        #expect(small.good.count == 3)
        #expect(small.bad.count == 7)
    }

    @Test("no model without N_min observations, or when either set has no more points than decisions")
    func tooFew() {
        // N_min = d + 1 = 7 for six decisions: 13 observations leave 6 bad points, not more than d = 6.
        let levels = [Int](repeating: 5, count: 6)
        let thirteen = (0..<13).map { i in Observed(choices: [Int](repeating: i % 5, count: 6), objective: Double(i)) }
        #expect(
            TreeParzenEstimator(
                observations: thirteen, levels: levels, topPercent: 15, minimumPoints: 7,
                bandwidthRule: .normalReference, minimumBandwidth: 1e-3)
                == nil)
        let fourteen = thirteen + [Observed(choices: [Int](repeating: 0, count: 6), objective: 0)]
        #expect(
            TreeParzenEstimator(
                observations: fourteen, levels: levels, topPercent: 15, minimumPoints: 7,
                bandwidthRule: .normalReference, minimumBandwidth: 1e-3)
                != nil)
        #expect(
            TreeParzenEstimator(
                observations: observations(2), levels: [3, 2], topPercent: 15, minimumPoints: 3,
                bandwidthRule: .normalReference, minimumBandwidth: 1e-3) == nil)
    }

    @Test("the score l(x)/g(x) prefers the good points' choices")
    func score() throws {
        // Good points all choose option 0 on the first decision, bad ones options 1 and 2; on the second decision
        // both sets are balanced and independent of the first, so each density factorizes.
        let good = (0..<4).map { i in Observed(choices: [0, i % 2], objective: 10) }
        let bad = (0..<8).map { i in Observed(choices: [1 + i % 2, (i / 2) % 2], objective: 0) }
        let model = try #require(
            TreeParzenEstimator(
                observations: good + bad, levels: [3, 2], topPercent: 15, minimumPoints: 4,
                bandwidthRule: .normalReference, minimumBandwidth: 1e-3))
        // l([0, 0]): the first decision's bandwidth is the minimum 1e-3 (all good points agree), the second is
        // balanced, so its kernels average 1/2 whatever the bandwidth: l = 0.999 · 0.5. g([0, 0]): the bad points'
        // first column (1, 2, 1, 2, ...) has σ = 0.5, λ = 1.06 · 0.5 · 8^(-1/6), each kernel λ/2 at option 0:
        // g = λ/2 · 0.5.
        let badBandwidth = 1.06 * 0.5 * pow(8.0, -1.0 / 6.0)
        #expect(abs(model.score([0, 0]) - 0.999 / (badBandwidth / 2)) < 1e-12)
        #expect(model.score([0, 0]) > 5)
        // l([1, 0]) = 0.001/2 · 0.5; g([1, 0]) = (1 - λ + λ/2)/2 · 0.5.
        #expect(abs(model.score([1, 0]) - 0.0005 / ((1 - badBandwidth / 2) / 2)) < 1e-12)
    }
}
