import Tensors

/// The leaky rectifier (Maas et al. 2013): x for x > 0, slope · x otherwise. Graph attention applies it to its
/// edge scores with slope 0.2 (`GATConv`'s `negative_slope`).
///
/// Pullback: dx = g where x > 0, slope · g elsewhere.
///
/// - Parameters:
///   - x: any shape.
///   - negativeSlope: the slope for x ≤ 0.
/// - Returns: a variable shaped like `x`.
/// - Complexity: O(count).
public func leakyReLU(_ x: Variable, negativeSlope: Float) -> Variable {
    let input = x.value
    let value = Tensor(shape: input.shape, scalars: input.scalars.map { $0 > 0 ? $0 : negativeSlope * $0 })
    return Variable.recorded(value, from: [x]) { g in
        [Tensor(shape: g.shape, scalars: zip(g.scalars, input.scalars).map { $1 > 0 ? $0 : negativeSlope * $0 })]
    }
}
