/// The straight-through estimator (Bengio, Léonard & Courville 2013): the value of `hard` with the gradient
/// of `soft`.
///
/// Written as hard − stopgrad(soft) + soft: the forward value is exactly `hard` (not hard − soft + soft in
/// floating point), and the pullback passes the upstream gradient to `soft` unchanged (d/d soft = identity).
///
/// - Parameters:
///   - hard: the forward value, a constant (for example a one-hot sample or a rounded tensor).
///   - soft: the differentiable surrogate, of the same shape as `hard`.
/// - Returns: a variable holding `hard`, recorded as a function of `soft`.
/// - Complexity: O(1) forward, O(1) backward (the gradient is passed on, not copied).
public func straightThrough(hard: Tensor, soft: Variable) -> Variable {
    precondition(
        hard.shape == soft.shape,
        "straightThrough: hard shape \(hard.shape) differs from soft shape \(soft.shape)")
    return Variable.recorded(hard, from: [soft]) { g in [g] }
}
