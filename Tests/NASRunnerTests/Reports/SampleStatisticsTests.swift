import Testing

@testable import NASRunner

@Suite("SampleStatistics")
struct SampleStatisticsTests {
    @Test("mean, sample standard deviation (n − 1) and standard error against hand-computed values")
    func handComputed() throws {
        let three = SampleStatistics([93, 94, 95])
        #expect(three.count == 3)
        #expect(three.mean == 94)
        #expect(three.standardDeviation == 1)
        #expect(try #require(three.standardError) == 1 / 3.0.squareRoot())

        // Σ(x − 5)² = 32 over 8 values: sd = √(32/7) (the population sd would be 2), SE = sd / √8.
        let eight = SampleStatistics([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(eight.mean == 5)
        #expect(abs(try #require(eight.standardDeviation) - (32.0 / 7).squareRoot()) < 1e-15)
        #expect(abs(try #require(eight.standardError) - (32.0 / 7 / 8).squareRoot()) < 1e-15)
    }

    @Test("one value has a mean but no standard deviation or error (nil, not 0 or NaN)")
    func oneValue() {
        let one = SampleStatistics([92.5])
        #expect(one.count == 1)
        #expect(one.mean == 92.5)
        #expect(one.standardDeviation == nil)
        #expect(one.standardError == nil)
    }

    @Test("equal values have standard error 0")
    func equalValues() {
        #expect(SampleStatistics([0, 0, 0]).standardError == 0)
    }
}
