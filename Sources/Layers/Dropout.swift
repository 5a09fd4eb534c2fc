import Seeding
import Tensors

/// Inverted dropout: in training, zeroes each element with probability `rate` and scales the rest by
/// 1/(1 − rate); in evaluation, the identity.
///
/// The mask's seed is `StableHash.derive(seed: stepSeed, name)`, with `stepSeed` from
/// ``ForwardMode/training(seed:)``: two dropout layers in one step draw different masks, and a step replayed
/// with the same seed draws the same ones. Give every dropout layer in a network its own name.
public final class Dropout: Layer {
    public let name: String
    /// The drop probability, in [0, 1).
    public let rate: Float

    /// Creates the layer.
    ///
    /// - Parameters:
    ///   - rate: the drop probability, in [0, 1).
    ///   - name: the layer's path; it seeds the mask, so it must be unique in the network.
    public init(rate: Float, name: String) {
        enforce(rate >= 0 && rate < 1, "Dropout '\(name)': rate \(rate) is outside [0, 1)")
        self.rate = rate
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    /// The seed of this layer's mask in a training step with seed `stepSeed`.
    public func maskSeed(stepSeed: UInt64) -> UInt64 {
        StableHash.derive(seed: stepSeed, name)
    }

    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        guard case .training(let seed) = mode else { return input }
        return dropout(input, rate: rate, seed: maskSeed(stepSeed: seed))
    }
}
