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

    @Test("normal-reference bandwidths: 1.06 · σ · n^(-1/(4+d)), clipped to [minimum, (c-1)/c]")
    func bandwidthsByHand() {
        let fitted = CategoricalKernelDensity(data: data, levels: levels, minimumBandwidth: 1e-3)
        let shrink = 1.06 * pow(3.0, -1.0 / 6.0)
        // Column 0 (0, 2, 0): σ = sqrt(8/9), 1.06 · 0.943 · 0.833 = 0.83 > 2/3, so the uniform bandwidth 2/3.
        #expect(abs(fitted.bandwidths[0] - 2.0 / 3.0) < 1e-14)
        // Column 1 (1, 1, 0): σ = sqrt(2/9), 0.416 < 1/2.
        #expect(abs(fitted.bandwidths[1] - shrink * (2.0 / 9.0).squareRoot()) < 1e-14)
        // A column on which every point agrees gets the minimum bandwidth.
        let agreeing = CategoricalKernelDensity(data: [[1, 0], [1, 1]], levels: levels, minimumBandwidth: 1e-3)
        #expect(agreeing.bandwidths[0] == 1e-3)
        var total = 0.0
        for first in 0..<3 { for second in 0..<2 { total += fitted.density(of: [first, second]) } }
        #expect(abs(total - 1) < 1e-12)
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
