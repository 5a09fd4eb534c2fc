import Foundation
import Testing
import Training

@Suite("Learning-rate schedules")
struct LearningRateScheduleTests {
    @Test("constant")
    func constant() {
        let schedule = ConstantLearningRate(0.025)
        #expect([0, 1, 1000].map(schedule.learningRate(at:)) == [0.025, 0.025, 0.025])
    }

    @Test("cosine: η at 0, the midpoint (η + η_min)/2 at T/2, η_min at T and after")
    func cosine() {
        let schedule = CosineAnnealing(baseLearningRate: 0.025, totalSteps: 50, minimumLearningRate: 0.001)
        #expect(schedule.learningRate(at: 0) == 0.025)
        #expect(Swift.abs(schedule.learningRate(at: 25) - 0.013) < 1e-8)
        #expect(schedule.learningRate(at: 50) == 0.001)
        #expect(schedule.learningRate(at: 80) == 0.001)
        // Step 10: 0.001 + 0.024·(1 + cos(π/5))/2.
        let expected = 0.001 + 0.024 * (1 + cos(Double.pi / 5)) / 2
        #expect(Swift.abs(Double(schedule.learningRate(at: 10)) - expected) < 1e-8)
    }

    @Test("cosine with warm-up rises linearly to η at step W − 1, then anneals over T − W steps")
    func warmup() {
        let schedule = CosineAnnealing(baseLearningRate: 0.1, totalSteps: 14, warmupSteps: 4)
        #expect([0, 1, 2, 3].map(schedule.learningRate(at:)) == [0.025, 0.05, 0.075, 0.1])
        #expect(schedule.learningRate(at: 4) == 0.1)
        #expect(Swift.abs(schedule.learningRate(at: 9) - 0.05) < 1e-8)
        #expect(schedule.learningRate(at: 14) == 0)
    }

    @Test("step decay multiplies by γ every stepSize steps")
    func stepDecay() {
        let schedule = StepDecay(baseLearningRate: 0.1, stepSize: 30, decayFactor: 0.1)
        #expect(schedule.learningRate(at: 29) == 0.1)
        #expect(Swift.abs(schedule.learningRate(at: 30) - 0.01) < 1e-8)  // 0.1·0.1 from Float η and γ
        #expect(Swift.abs(schedule.learningRate(at: 65) - 0.001) < 1e-9)
    }

    @Test("schedules are Codable")
    func codable() throws {
        let schedule = CosineAnnealing(baseLearningRate: 0.1, totalSteps: 14, minimumLearningRate: 0.01, warmupSteps: 4)
        #expect(try JSONDecoder().decode(CosineAnnealing.self, from: JSONEncoder().encode(schedule)) == schedule)
    }
}
