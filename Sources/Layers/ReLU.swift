import Tensors

/// The rectifier max(x, 0), elementwise.
public final class ReLU: Layer {
    public let name: String

    /// Creates the layer; it has no parameters, so the name only labels non-finite reports.
    public init(name: String = "") {
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    /// Applies relu to any shape.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        relu(input)
    }
}

/// Receives activations while a network runs, for measurements that read them (the zero-cost proxies NASWOT,
/// Zen-NAS, GraSP and Fisher). It is passed to ``ObservableLayer/callAsFunction(_:mode:observer:)`` as an argument
/// and never stored on a layer; a forward pass without an observer reports nothing.
public protocol ActivationObserver: AnyObject {
    /// Called with the input of every rectifier, (N, ...), in forward order.
    func observeRectifierInput(_ input: Variable)
    /// Called once with the features a network pools globally before its classifier, (N, C, H, W).
    func observeFeaturesBeforePooling(_ features: Variable)
    /// The output to use instead of relu(input) at this rectifier, or `nil` for relu(input). An exact
    /// Hessian-vector product by differences of gradients (GraSP) freezes the rectifiers' masks this way, so that
    /// the perturbed passes stay on the same linear piece.
    func rectify(_ input: Variable) -> Variable?
    /// The output to use instead of `output`, the result (N, O, ...) of a convolution or linear layer whose weight
    /// (O, ...) is `weight`, or `nil` to keep it. Called for every such layer in forward order. Fisher reads
    /// ∂L/∂output by adding a zero leaf variable here (the reference's identity "dummy" layer after each layer).
    func weightedLayerOutput(_ output: Variable, weight: Parameter) -> Variable?
}

extension ActivationObserver {
    /// Ignores the rectifier inputs.
    public func observeRectifierInput(_ input: Variable) {}
    /// Ignores the pooled features.
    public func observeFeaturesBeforePooling(_ features: Variable) {}
    /// Keeps relu.
    public func rectify(_ input: Variable) -> Variable? { nil }
    /// Keeps the output.
    public func weightedLayerOutput(_ output: Variable, weight: Parameter) -> Variable? { nil }
}

/// A layer whose forward pass can report activations to an ``ActivationObserver``; the output equals the one of
/// ``Layer/callAsFunction(_:mode:)``.
public protocol ObservableLayer: Layer {
    /// Applies the layer and reports its activations to `observer`.
    func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable
}

extension ReLU: ObservableLayer {
    /// Reports the input to `observer`, then applies relu (or the observer's replacement,
    /// ``ActivationObserver/rectify(_:)``).
    public func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        observer.observeRectifierInput(input)
        return observer.rectify(input) ?? relu(input)
    }
}
