import Tensors

/// Guards that find the first NaN or infinity in a training step and name where it came from.
///
/// Each check scans its tensors once (O(count)); the scans are cheap next to the forward and backward passes
/// they guard.
public enum NumericsCheck {
    /// The kind of non-finite value in `tensor`: `nil` when every element is finite, `.nan` when any is NaN,
    /// else `.infinity`.
    public static func nonFiniteKind(of tensor: Tensor) -> NonFiniteError.Kind? {
        tensor.scalars.withUnsafeBufferPointer { buffer in
            var foundInfinity = false
            for value in buffer where !value.isFinite {
                if value.isNaN { return .nan }
                foundInfinity = true
            }
            return foundInfinity ? .infinity : nil
        }
    }

    /// Throws when a layer's output is not finite.
    ///
    /// - Parameters:
    ///   - output: the layer's output.
    ///   - layer: the layer's path, for the message.
    ///   - step: the training step, for the message.
    /// - Throws: ``NonFiniteError`` with location `.layerOutput(layer)`.
    public static func checkOutput(_ output: Tensor, layer: String, step: Int) throws(NonFiniteError) {
        if let kind = nonFiniteKind(of: output) {
            throw NonFiniteError(step: step, location: .layerOutput(layer), kind: kind)
        }
    }

    /// Throws when a loss is not finite.
    public static func checkLoss(_ loss: Tensor, step: Int) throws(NonFiniteError) {
        if let kind = nonFiniteKind(of: loss) {
            throw NonFiniteError(step: step, location: .loss, kind: kind)
        }
    }

    /// Throws for the first parameter, in the given order, whose gradient is not finite.
    ///
    /// - Parameters:
    ///   - parameters: the parameters to check, in reporting order.
    ///   - step: the training step, for the message.
    ///   - gradient: the gradient of a parameter, or `nil` when it has none (skipped).
    /// - Throws: ``NonFiniteError`` with location `.gradient(name)`.
    public static func checkGradients(
        of parameters: [Parameter], step: Int, gradient: (Parameter) -> Tensor?
    ) throws(NonFiniteError) {
        for parameter in parameters {
            guard let tensor = gradient(parameter), let kind = nonFiniteKind(of: tensor) else { continue }
            throw NonFiniteError(step: step, location: .gradient(parameter.name), kind: kind)
        }
    }

    /// Throws for the first parameter whose gradient in `gradients` (from one backward pass) is not finite.
    public static func checkGradients(
        _ gradients: Gradients, of parameters: [Parameter], step: Int
    ) throws(NonFiniteError) {
        try checkGradients(of: parameters, step: step) { gradients[$0] }
    }

    /// Throws for the first parameter, in the given order, whose value is not finite.
    public static func checkValues(of parameters: [Parameter], step: Int) throws(NonFiniteError) {
        for parameter in parameters {
            guard let kind = nonFiniteKind(of: parameter.value) else { continue }
            throw NonFiniteError(step: step, location: .parameter(parameter.name), kind: kind)
        }
    }

    /// Applies `layer` and checks its output; a ``Sequential`` checks each of its layers in turn (recursively),
    /// so the report names the first layer whose output is not finite.
    ///
    /// - Parameters:
    ///   - layer: the layer to apply.
    ///   - input: its input.
    ///   - mode: training or evaluation.
    ///   - step: the training step, for the message.
    /// - Returns: the layer's output.
    /// - Throws: ``NonFiniteError`` with location `.layerOutput(path)`.
    public static func forward(
        _ layer: any Layer, _ input: Variable, mode: ForwardMode, step: Int
    ) throws(NonFiniteError) -> Variable {
        if let sequential = layer as? Sequential {
            return try sequential(input, mode: mode, checkingAtStep: step)
        }
        let output = layer(input, mode: mode)
        try checkOutput(output.value, layer: layer.name, step: step)
        return output
    }
}
