import Seeding

/// A Gumbel-softmax sample (Jang, Gu & Poole 2017; Maddison, Mnih & Teh 2017) along the last axis.
///
/// The soft sample is y = softmax((logits + G) / τ) with G standard Gumbel noise, one `gumbelDouble()` of
/// `rng` per element in row-major order. As τ → 0 it approaches the one-hot vector of
/// argmax(logits + G), which is an exact sample from softmax(logits) (the Gumbel-max trick).
///
/// With `hard` the forward value is that one-hot vector (ties broken towards the lower index) and the gradient
/// is the soft sample's: ``straightThrough(hard:soft:)`` of the one-hot and y.
///
/// - Parameters:
///   - logits: unnormalized log-probabilities, rank at least 1, categories along the last axis.
///   - temperature: τ > 0.
///   - hard: return the one-hot sample with the straight-through gradient.
///   - rng: the source of the Gumbel noise.
/// - Returns: a variable of the same shape as `logits`; every slice along the last axis sums to 1.
/// - Complexity: O(count), one random draw per element.
public func gumbelSoftmax(
    _ logits: Variable, temperature: Float, hard: Bool, using rng: inout some RandomNumberGenerator
) -> Variable {
    precondition(logits.rank >= 1, "gumbelSoftmax: logits need rank at least 1, got shape \(logits.shape)")
    precondition(temperature > 0, "gumbelSoftmax: temperature \(temperature) is not positive")
    let noise = Tensor(shape: logits.shape, scalars: (0..<logits.value.count).map { _ in Float(rng.gumbelDouble()) })
    let perturbed = logits + Variable(noise)
    let soft = softmax(perturbed * (1 / temperature), axis: -1)
    guard hard else { return soft }
    // The argmax of the perturbed logits, not of the soft sample, which can tie after exp underflows at small τ.
    let classes = logits.shape[logits.rank - 1]
    var oneHot = [Float](repeating: 0, count: soft.value.count)
    if classes > 0 {
        perturbed.value.scalars.withUnsafeBufferPointer { y in
            for start in stride(from: 0, to: y.count, by: classes) {
                var best = start
                for k in start..<(start + classes) where y[k] > y[best] { best = k }
                oneHot[best] = 1
            }
        }
    }
    return straightThrough(hard: Tensor(shape: logits.shape, scalars: oneHot), soft: soft)
}
