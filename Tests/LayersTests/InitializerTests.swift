import Layers
import Seeding
import Tensors
import Testing

@Suite("Initializer")
struct InitializerTests {
    /// The sample standard deviation and largest magnitude of a tensor.
    func statistics(_ tensor: Tensor) -> (standardDeviation: Double, largest: Double, mean: Double) {
        let values = tensor.scalars.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (variance.squareRoot(), values.map(Swift.abs).max()!, mean)
    }

    @Test("fans follow PyTorch: (O, I, K, K) has fan-in I·K² and fan-out O·K²")
    func fans() {
        #expect(Initializer.fans(of: [16, 3, 5, 5]) == (fanIn: 75, fanOut: 400))
        #expect(Initializer.fans(of: [10, 4]) == (fanIn: 4, fanOut: 10))
    }

    @Test("gains are PyTorch's calculate_gain values")
    func gains() {
        #expect(Nonlinearity.relu.gain == 2.0.squareRoot())
        #expect(Nonlinearity.tanh.gain == 5.0 / 3.0)
        #expect(Nonlinearity.linear.gain == 1)
        #expect(Swift.abs(Nonlinearity.leakyReLU(negativeSlope: 0.2).gain - (2 / 1.04).squareRoot()) < 1e-6)
    }

    // With 40,000 draws the sample standard deviation is within about 1% (3 standard errors ≈ 1.1%) of the
    // true one; the tolerance is 3%.
    @Test("Kaiming normal (fan-in, relu) has standard deviation √2/√fanIn")
    func kaimingNormalFanIn() {
        var rng = Xoshiro256(seed: 1)
        let shape = [400, 25, 2, 2]  // fanIn 100, fanOut 1600
        let stats = statistics(Initializer.kaimingNormal(mode: .fanIn, nonlinearity: .relu).makeTensor(shape: shape, using: &rng))
        #expect(Swift.abs(stats.standardDeviation / (2.0.squareRoot() / 10) - 1) < 0.03)
        #expect(Swift.abs(stats.mean) < 0.01)
    }

    @Test("Kaiming normal (fan-out, relu) has standard deviation √2/√fanOut")
    func kaimingNormalFanOut() {
        var rng = Xoshiro256(seed: 2)
        let shape = [400, 25, 2, 2]
        let stats = statistics(Initializer.kaimingNormal(mode: .fanOut, nonlinearity: .relu).makeTensor(shape: shape, using: &rng))
        #expect(Swift.abs(stats.standardDeviation / (2.0.squareRoot() / 40) - 1) < 0.03)
    }

    @Test("Kaiming uniform stays in ±gain·√(3/fan) and fills it")
    func kaimingUniform() {
        var rng = Xoshiro256(seed: 3)
        let bound = 2.0.squareRoot() * (3.0 / 100).squareRoot()
        let stats = statistics(Initializer.kaimingUniform(mode: .fanIn, nonlinearity: .relu).makeTensor(shape: [400, 100], using: &rng))
        #expect(stats.largest <= bound)
        #expect(stats.largest > 0.999 * bound)
        #expect(Swift.abs(stats.standardDeviation / (bound / 3.0.squareRoot()) - 1) < 0.03)  // U(-b, b) has sd b/√3
    }

    @Test("PyTorch's default weight is uniform in ±1/√fanIn")
    func pytorchDefault() {
        var rng = Xoshiro256(seed: 4)
        let stats = statistics(Initializer.pytorchDefaultWeight.makeTensor(shape: [200, 16, 3, 3], using: &rng))
        let bound = 1 / 144.0.squareRoot()
        #expect(stats.largest <= bound * (1 + 1e-6))
        #expect(stats.largest > 0.999 * bound)
    }

    @Test("Xavier uniform and normal use √(6/(in+out)) and √(2/(in+out))")
    func xavier() {
        var rng = Xoshiro256(seed: 5)
        let uniform = statistics(Initializer.xavierUniform().makeTensor(shape: [300, 100], using: &rng))
        let bound = (6.0 / 400).squareRoot()
        #expect(uniform.largest <= bound && uniform.largest > 0.999 * bound)
        let normal = statistics(Initializer.xavierNormal(gain: 2).makeTensor(shape: [300, 100], using: &rng))
        #expect(Swift.abs(normal.standardDeviation / (2 * (2.0 / 400).squareRoot()) - 1) < 0.03)
    }

    @Test("the same generator state gives the same tensor, and the draws consume the generator")
    func deterministic() {
        var first = Xoshiro256(seed: 6)
        var second = Xoshiro256(seed: 6)
        let a = Initializer.kaimingNormal(mode: .fanIn, nonlinearity: .relu).makeTensor(shape: [4, 3], using: &first)
        let b = Initializer.kaimingNormal(mode: .fanIn, nonlinearity: .relu).makeTensor(shape: [4, 3], using: &second)
        #expect(a == b)
        let c = Initializer.kaimingNormal(mode: .fanIn, nonlinearity: .relu).makeTensor(shape: [4, 3], using: &first)
        #expect(a != c)
    }
}
