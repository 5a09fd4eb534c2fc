import Foundation
import Optimizers
import Seeding
import Testing

@Suite("CategoricalKernelDensity")
struct CategoricalKernelDensityTests {
    /// Three points over two decisions of 3 and 2 options.
    private let data = [[0, 1], [2, 1], [0, 0]]
    private let levels = [3, 2]

    @Test("the Aitchison-Aitken density matches a hand computation and sums to one over every choice vector")
    func densityByHand() {
        let density = CategoricalKernelDensity(data: data, levels: levels, bandwidths: [0.3, 0.2])
        // p([0, 1]) = ((1-0.3)(1-0.2) + (0.3/2)(1-0.2) + (1-0.3)(0.2/1)) / 3 = (0.56 + 0.12 + 0.14) / 3.
        #expect(abs(density.density(of: [0, 1]) - 0.82 / 3) < 1e-14)
        // p([1, 0]) = ((0.3/2)(0.2) + (0.3/2)(0.2) + (0.3/2)(0.8)) / 3 = (0.03 + 0.03 + 0.12) / 3.
        #expect(abs(density.density(of: [1, 0]) - 0.18 / 3) < 1e-14)
        var total = 0.0
        for first in 0..<3 { for second in 0..<2 { total += density.density(of: [first, second]) } }
        #expect(abs(total - 1) < 1e-12)
    }

    @Test("fitted bandwidths keep the density a distribution")
    func fittedSumsToOne() {
        for rule in CategoricalBandwidthRule.allCases {
            let fitted = CategoricalKernelDensity(data: data, levels: levels, rule: rule, minimumBandwidth: 1e-3)
            var total = 0.0
            for first in 0..<3 { for second in 0..<2 { total += fitted.density(of: [first, second]) } }
            #expect(abs(total - 1) < 1e-12)
        }
    }

    @Test("sampling with bandwidth factor 1 draws from the density itself")
    func samplingMatchesDensity() {
        let density = CategoricalKernelDensity(data: data, levels: levels, bandwidths: [0.3, 0.2])
        var rng = Xoshiro256(seed: 17)
        var counts = [[Int]](repeating: [0, 0], count: 3)
        let draws = 20_000
        for _ in 0..<draws {
            let choices = density.sample(bandwidthFactor: 1, using: &rng)
            counts[choices[0]][choices[1]] += 1
        }
        for first in 0..<3 {
            for second in 0..<2 {
                let p = density.density(of: [first, second])
                let standardDeviation = (Double(draws) * p * (1 - p)).squareRoot()
                // 5 standard deviations: fails by chance with probability below 1e-5 per cell.
                #expect(abs(Double(counts[first][second]) - Double(draws) * p) < 5 * standardDeviation)
            }
        }
    }

    @Test("a widened bandwidth is capped at the uniform kernel")
    func widenedIsCapped() {
        // Bandwidth 0.5 · factor 3 = 1.5 would put no mass on the point's own option; capped at 2/3 it is uniform.
        let density = CategoricalKernelDensity(data: [[0]], levels: [3], bandwidths: [0.5])
        var rng = Xoshiro256(seed: 2)
        var counts = [0, 0, 0]
        for _ in 0..<9_000 { counts[density.sample(bandwidthFactor: 3, using: &rng)[0]] += 1 }
        // Each option 3,000 expected, sd 44.7; 5 sd either side.
        for count in counts { #expect(abs(count - 3_000) < 224) }
    }
}
