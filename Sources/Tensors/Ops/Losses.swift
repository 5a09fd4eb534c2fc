#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Scalar losses, each fused into one op with a closed-form pullback.

/// The mean over the batch of the cross entropy between softmax(logits) and the (optionally smoothed) labels.
///
/// With label smoothing ε the target of row n is tₙ = (1 − ε)·onehot(labelₙ) + ε/K, and the loss is
/// −(1/N) Σₙ Σₖ tₙₖ log pₙₖ with p = softmax(logits) along the last axis, computed through a stable
/// log-softmax. With ε = 0 this is the mean of −log p(label).
///
/// Pullback: d logits = g · (p − t) / N.
///
/// - Parameters:
///   - logits: unnormalized scores (N, K), N ≥ 1, K ≥ 1.
///   - labels: N class indices in `0..<K`.
///   - labelSmoothing: ε in [0, 1].
/// - Returns: a scalar (rank 0).
/// - Complexity: O(N·K).
public func crossEntropy(logits: Variable, labels: [Int32], labelSmoothing: Float = 0) -> Variable {
    precondition(
        logits.rank == 2 && logits.shape[0] > 0 && logits.shape[1] > 0,
        "crossEntropy: logits must be (N, K) with N, K ≥ 1, got shape \(logits.shape)")
    let (rows, classes) = (logits.shape[0], logits.shape[1])
    precondition(
        labels.count == rows,
        "crossEntropy: \(labels.count) labels for logits of shape \(logits.shape) (\(rows) rows)")
    for (row, label) in labels.enumerated() {
        precondition(
            label >= 0 && Int(label) < classes,
            "crossEntropy: label \(label) at row \(row) is out of range for \(classes) classes")
    }
    precondition(
        labelSmoothing >= 0 && labelSmoothing <= 1,
        "crossEntropy: labelSmoothing \(labelSmoothing) is outside [0, 1]")
    let layout = AxisLayout(shape: logits.shape, axis: 1, op: "crossEntropy")
    let logProbabilities = Softmax.forward(logits.value, layout: layout, logarithm: true)  // (N, K)
    let onTarget = 1 - labelSmoothing + labelSmoothing / Float(classes)
    let offTarget = labelSmoothing / Float(classes)
    var total: Double = 0
    logProbabilities.scalars.withUnsafeBufferPointer { logP in
        for row in 0..<rows {
            let base = row * classes
            let label = Int(labels[row])
            if offTarget == 0 {
                total -= Double(logP[base + label])
            } else {
                var rowSum: Float = 0
                for k in 0..<classes { rowSum += logP[base + k] }
                total -= Double(offTarget * rowSum + (onTarget - offTarget) * logP[base + label])
            }
        }
    }
    let value = Tensor(Float(total / Double(rows)))
    return Variable.recorded(value, from: [logits]) { g in
        let scale = g.scalar / Float(rows)
        var gradient = Kernels.map(logProbabilities) { expf($0) }.scalars  // p
        gradient.withUnsafeMutableBufferPointer { d in
            for row in 0..<rows {
                let base = row * classes
                for k in 0..<classes { d[base + k] = (d[base + k] - offTarget) * scale }
                d[base + Int(labels[row])] -= (onTarget - offTarget) * scale
            }
        }
        return [Tensor(shape: [rows, classes], scalars: gradient)]
    }
}

/// The mean over all elements of (prediction − target)².
///
/// Pullback: d prediction = 2g(prediction − target)/count, d target = its negation.
///
/// - Parameters:
///   - prediction: any shape.
///   - target: the same shape as `prediction` (no broadcasting, so a transposed target cannot slip through).
/// - Returns: a scalar (rank 0).
/// - Complexity: O(count).
public func meanSquaredError(_ prediction: Variable, _ target: Variable) -> Variable {
    precondition(
        prediction.shape == target.shape,
        "meanSquaredError: prediction shape \(prediction.shape) differs from target shape \(target.shape)")
    let difference = Kernels.zip(prediction.value, target.value, op: "meanSquaredError") { $0 - $1 }
    let count = max(difference.count, 1)
    var total: Double = 0
    for d in difference.scalars { total += Double(d) * Double(d) }
    let value = Tensor(Float(total / Double(count)))
    return Variable.recorded(value, from: [prediction, target]) { g in
        let scale = 2 * g.scalar / Float(count)
        return [Kernels.map(difference) { $0 * scale }, Kernels.map(difference) { -$0 * scale }]
    }
}
