import Seeding

/// Inverted dropout: zeroes each element with probability `rate` and scales the kept ones by 1/(1 − rate), so
/// the expected value of every element is unchanged and evaluation needs no rescaling.
///
/// Element i (in row-major order) is dropped when the i-th `uniformFloat()` of `Xoshiro256(seed: seed)` is
/// below `rate`, so the same seed and shape give the same mask. With the mask fixed the op is linear:
/// pullback dx = g ⊙ mask / (1 − rate).
///
/// - Parameters:
///   - x: any shape.
///   - rate: the drop probability, in [0, 1). A rate of 0 returns `x` itself.
///   - seed: the seed of the mask.
/// - Returns: a variable of the same shape as `x`.
/// - Complexity: O(count), one random draw per element.
public func dropout(_ x: Variable, rate: Float, seed: UInt64) -> Variable {
    precondition(rate >= 0 && rate < 1, "dropout: rate \(rate) is outside [0, 1)")
    if rate == 0 { return x }
    let scale = 1 / (1 - rate)
    var rng = Xoshiro256(seed: seed)
    var mask = [Float](repeating: 0, count: x.value.count)  // 0 or 1/(1 - rate)
    for i in mask.indices where rng.uniformFloat() >= rate { mask[i] = scale }
    let maskTensor = Tensor(shape: x.shape, scalars: mask)
    let value = Kernels.zip(x.value, maskTensor, op: "dropout") { $0 * $1 }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, maskTensor, op: "dropout") { $0 * $1 }]
    }
}
