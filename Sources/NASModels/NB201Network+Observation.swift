import Layers
import NASSpaces
import Tensors

/// The observed forward pass: what the benchmark's PyTorch network runs, reported to an observer.
///
/// It reports the input of every rectifier in module order (each ReLU-Conv-BN's, the reduction blocks', and the
/// head's `lastact` ReLU) and the features before global pooling. Unlike the plain forward pass it also runs the
/// edges whose target node does not reach the output, because the benchmark runs every edge and hooks on its
/// ReLUs fire for them (NASWOT's codes include them); the output is the same.
extension NB201Network: ObservableLayer {
    /// Images (N, inputChannels, H, W) to logits (N, classes), reporting activations to `observer`.
    public func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        var features = stemBatchNorm(stemConvolution(input, mode: mode), mode: mode)
        for layer in body {
            if let cell = layer as? NB201Cell {
                features = cell(features, mode: mode, observer: observer)
            } else if let block = layer as? NB201ResidualBlock {
                features = block(features, mode: mode, observer: observer)
            } else {
                features = layer(features, mode: mode)
            }
        }
        let normalized = lastBatchNorm(features, mode: mode)
        observer.observeRectifierInput(normalized)
        features = observer.rectify(normalized) ?? relu(normalized)
        observer.observeFeaturesBeforePooling(features)
        return classifier(globalAveragePool(features), mode: mode)  // (N, 4C) -> (N, classes)
    }
}

extension NB201Cell {
    /// The cell with every edge run (see the extension of ``NB201Network``); (N, C, H, W) -> (N, C, H, W).
    func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        var nodes: [Variable?] = [input]
        for target in 1...3 {
            var sum: Variable?
            for source in 0..<target {
                let edge = NB201Architecture.edgeIndex(source: source, target: target)
                let output: Variable?
                switch edges[edge] {
                case .zero: output = nil
                case .identity: output = nodes[source]
                case let .pooling(pool): output = nodes[source].map { pool($0, mode: mode) }
                case let .convolution(layers, _):
                    output = observedForward(layers, nodes[source] ?? input * 0, mode: mode, observer: observer)
                }
                guard let output else { continue }
                sum = sum.map { $0 + output } ?? output
            }
            nodes.append(sum)
        }
        return nodes[3] ?? input * 0
    }
}

extension NB201ResidualBlock {
    /// The block, reporting its two rectifiers' inputs; (N, C, H, W) -> (N, 2C, H/2, W/2).
    func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        let main = observedForward(
            second, observedForward(first, input, mode: mode, observer: observer), mode: mode, observer: observer)
        return main + shortcut(shortcutPool(input, mode: mode), mode: mode)
    }
}

/// A sequence's layers in order, the observable ones reporting to `observer`.
func observedForward(
    _ sequence: Sequential, _ input: Variable, mode: ForwardMode, observer: any ActivationObserver
) -> Variable {
    sequence.layers.reduce(input) { x, layer in
        if let observable = layer as? any ObservableLayer { return observable(x, mode: mode, observer: observer) }
        return layer(x, mode: mode)
    }
}
