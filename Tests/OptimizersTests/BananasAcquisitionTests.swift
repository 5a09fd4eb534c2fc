import Optimizers
import Seeding
import Testing

@Suite("Bananas acquisition functions")
struct BananasAcquisitionTests {
    // Two members, three candidates: means (2, 2, 5), population standard deviations (1, 0, 2); incumbent 2.
    static let members: [[Double]] = [[1, 2, 3], [3, 2, 7]]

    static func scores(_ function: AcquisitionFunction, seed: UInt64 = 1) -> [Double] {
        var rng = Xoshiro256(seed: seed)
        return function.scores(
            members: members, incumbent: 2, explorationFactor: 0.5, calibration: 5, using: &rng)
    }

    static func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) <= tolerance, "\(actual) vs \(expected)") }
    }

    @Test("upper confidence bound μ + 0.5σ, exploitation μ")
    func confidenceBoundAndMean() {
        Self.expectClose(Self.scores(.upperConfidenceBound), [2.5, 2, 6])
        Self.expectClose(Self.scores(.exploitation), [2, 2, 5])
    }

    @Test("expected improvement with σ/5: s(γΦ(γ) + φ(γ)); max(μ − y*, 0) when σ = 0")
    func expectedImprovement() {
        // Candidate 0: s = 0.2, γ = 0: 0.2 φ(0) = 0.0797885. Candidate 2: s = 0.4, γ = 7.5: ≈ 3 (Φ ≈ 1).
        Self.expectClose(Self.scores(.expectedImprovement), [0.2 * 0.3989422804014327, 0, 3.0], tolerance: 1e-7)
    }

    @Test("probability of improvement Φ((μ − y*)/σ); 0 or 1 when σ = 0")
    func probabilityOfImprovement() {
        Self.expectClose(Self.scores(.probabilityOfImprovement), [0.5, 0, 0.9331927987311419], tolerance: 1e-9)
    }

    @Test("Thompson sampling scores with one member's predictions, the same member for every candidate")
    func thompsonSampling() {
        var drawn = Set<[Double]>()
        for seed in UInt64(0)..<20 {
            let scores = Self.scores(.thompsonSampling, seed: seed)
            #expect(Self.members.contains(scores))
            drawn.insert(scores)
        }
        #expect(drawn.count == 2)
    }

    @Test("independent Thompson sampling draws N(μ, σ²) per candidate: reproducible, with the right moments")
    func independentThompsonSampling() {
        #expect(Self.scores(.independentThompsonSampling, seed: 4) == Self.scores(.independentThompsonSampling, seed: 4))
        #expect(Self.scores(.independentThompsonSampling, seed: 4)[1] == 2)  // σ = 0: the mean itself
        var rng = Xoshiro256(seed: 7)
        let draws = AcquisitionFunction.independentThompsonSampling.scores(
            members: [[Double](repeating: 9, count: 4_000), [Double](repeating: 11, count: 4_000)], incumbent: 0,
            explorationFactor: 0.5, calibration: 5, using: &rng)
        let mean = draws.reduce(0, +) / Double(draws.count)
        let deviation = (draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count)).squareRoot()
        // N(10, 1): the sample mean's sd is 1/√4000 = 0.016, the sample sd's about 0.011.
        #expect(abs(mean - 10) < 0.08)
        #expect(abs(deviation - 1) < 0.06)
    }

    @Test("the command-line names are the paper code's")
    func names() {
        #expect(AcquisitionFunction.allCases.map(\.rawValue) == ["its", "ts", "ucb", "ei", "pi", "mean"])
    }
}
