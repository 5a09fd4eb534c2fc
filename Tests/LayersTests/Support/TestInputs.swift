import Seeding
import Tensors

/// Seeded random inputs for layer tests.
enum TestInputs {
    /// Standard normal values.
    static func normal(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
        var rng = Xoshiro256(seed: seed)
        return Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in rng.normalFloat() * scale })
    }
}
