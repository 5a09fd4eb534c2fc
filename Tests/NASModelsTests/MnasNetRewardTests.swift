import NASModels
import Testing

@Suite("MnasNet reward")
struct MnasNetRewardTests {
    @Test("soft constraint: ACC · (LAT / T)^−0.07 on both sides of the target, by hand")
    func soft() {
        // 0.75 · (80 / 75)^−0.07: ln(80/75) = 0.0645385211, · −0.07 = −0.0045176965, e^that = 0.9954924930,
        // · 0.75 = 0.7466193697.
        #expect(abs(mnasNetReward(accuracy: 0.75, latency: 80, target: 75) - 0.7466193697) < 1e-9)
        // Faster than the target is rewarded: 0.75 · 0.5^−0.07 = 0.75 · 1.0497166836 = 0.7872875127.
        #expect(abs(mnasNetReward(accuracy: 0.75, latency: 37.5, target: 75) - 0.7872875127) < 1e-9)
        #expect(mnasNetReward(accuracy: 0.75, latency: 75, target: 75) == 0.75)
    }

    @Test("hard constraint: no reward below the target, ACC · T / LAT above it")
    func hard() {
        #expect(mnasNetReward(accuracy: 0.75, latency: 37.5, target: 75, exponents: .hard) == 0.75)
        #expect(mnasNetReward(accuracy: 0.75, latency: 150, target: 75, exponents: .hard) == 0.375)
        #expect(MnasNetRewardExponents.soft == MnasNetRewardExponents(alpha: -0.07, beta: -0.07))
    }
}
