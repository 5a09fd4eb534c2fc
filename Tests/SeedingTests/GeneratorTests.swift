import Seeding
import Testing

@Suite("Generators")
struct GeneratorTests {
    @Test("SplitMix64 matches the reference sequence for seed 1234567")
    func splitMixReference() {
        // From the reference C implementation (Vigna, splitmix64.c), seed 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
    }

    @Test("xoshiro256** with the same seed gives the same stream; child streams differ")
    func reproducible() {
        var a = Xoshiro256(seed: 42)
        var b = Xoshiro256(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        var parent = Xoshiro256(seed: 42)
        var child1 = parent.child("weights")
        var child2 = parent.child("weights")
        #expect(child1.next() != child2.next())
    }

    @Test("uniformInt(below:) is unbiased to within sampling error")
    func uniformInt() {
        var rng = Xoshiro256(seed: 7)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[rng.uniformInt(below: 6)] += 1 }
        for count in counts { #expect(abs(count - 10_000) < 400) }  // about 4 standard deviations
    }

    @Test("normal samples have mean 0 and variance 1 to within sampling error")
    func normal() {
        var rng = Xoshiro256(seed: 8)
        let samples = (0..<100_000).map { _ in rng.normalDouble() }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
        #expect(abs(mean) < 0.015)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test("FNV-1a of the empty string and of \"a\" match the published values")
    func fnv() {
        #expect(StableHash.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
    }
}
