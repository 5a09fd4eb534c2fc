import Tensors

/// Layers applied one after another.
///
/// Its parameters are its layers' parameters, in layer order. A checking forward pass
/// (``callAsFunction(_:mode:checkingAtStep:)``) stops at the first layer whose output holds a NaN or an
/// infinity and names it.
public final class Sequential: Layer {
    public let name: String
    /// The layers, in application order.
    public let layers: [any Layer]

    /// Creates a sequence of layers.
    ///
    /// - Parameters:
    ///   - name: the sequence's path; layers without a name are reported as `"<name>.<index>"`.
    ///   - layers: the layers, in application order.
    public init(name: String = "", _ layers: [any Layer]) {
        self.name = name
        self.layers = layers
    }

    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        layers.reduce(input) { x, layer in layer(x, mode: mode) }
    }

    /// Applies the layers and checks every layer's output for NaN and infinity.
    ///
    /// Nested sequences are checked layer by layer too. An unnamed layer is reported by its position:
    /// `"<name>.<index>"`, or `"<index>"` when this sequence has no name either.
    ///
    /// - Parameters:
    ///   - input: the input.
    ///   - mode: training or evaluation.
    ///   - step: the training step, for the message.
    /// - Returns: the output of the last layer.
    /// - Throws: ``NonFiniteError`` naming the first layer whose output is not finite, e.g.
    ///   "step 12: layer 'stage2.cell1' produced NaN".
    /// - Complexity: the forward pass plus one scan of every layer's output.
    public func callAsFunction(
        _ input: Variable, mode: ForwardMode, checkingAtStep step: Int
    ) throws(NonFiniteError) -> Variable {
        try checkedForward(input, mode: mode, step: step, path: name)
    }

    /// The checking forward pass, with `path` standing for this sequence's name when it has none.
    private func checkedForward(
        _ input: Variable, mode: ForwardMode, step: Int, path: String
    ) throws(NonFiniteError) -> Variable {
        var x = input
        for (index, layer) in layers.enumerated() {
            let layerPath = layer.name.isEmpty ? (path.isEmpty ? "\(index)" : "\(path).\(index)") : layer.name
            if let nested = layer as? Sequential {
                x = try nested.checkedForward(x, mode: mode, step: step, path: layerPath)
            } else {
                x = layer(x, mode: mode)
                try NumericsCheck.checkOutput(x.value, layer: layerPath, step: step)
            }
        }
        return x
    }
}
