import Layers
import Tensors

/// Gradients keyed by parameter name: what weight optimizers consume.
///
/// Unlike ``Tensors/Gradients``, which belongs to one tape, this is a plain value that can be clipped,
/// scaled, combined from several backward passes, and inspected by name.
public struct ParameterGradients: Hashable, Sendable {
    /// The gradient of each parameter that has one.
    public var byName: [String: Tensor]

    /// Gradients from a dictionary.
    public init(_ byName: [String: Tensor] = [:]) {
        self.byName = byName
    }

    /// The gradients of the trainable `parameters` that one backward pass reached.
    ///
    /// - Parameters:
    ///   - gradients: the result of `Tape.gradients(of:)`.
    ///   - parameters: the parameters to collect; buffers and parameters the output does not depend on are
    ///     left out.
    public init(_ gradients: Gradients, of parameters: [Parameter]) {
        byName = [:]
        for parameter in parameters where parameter.isTrainable {
            if let gradient = gradients[parameter] { byName[parameter.name] = gradient }
        }
    }

    /// The gradient of the parameter with this name.
    public subscript(name: String) -> Tensor? {
        get { byName[name] }
        set { byName[name] = newValue }
    }

    /// The gradient of `parameter`.
    public subscript(parameter: Parameter) -> Tensor? {
        byName[parameter.name]
    }

    /// The names with a gradient, sorted.
    public var names: [String] { byName.keys.sorted() }

    /// The number of gradients.
    public var count: Int { byName.count }

    /// The Euclidean norm of all gradients together, √(Σ g²), accumulated in Double in name order.
    ///
    /// - Complexity: O(total elements).
    public var norm: Float {
        var total: Double = 0
        for name in names {
            for value in byName[name]!.scalars { total += Double(value) * Double(value) }
        }
        return Float(total.squareRoot())
    }

    /// Every gradient multiplied by `factor`.
    public func scaled(by factor: Float) -> ParameterGradients {
        ParameterGradients(byName.mapValues { tensor in
            Tensor(shape: tensor.shape, scalars: tensor.scalars.map { $0 * factor })
        })
    }
}
