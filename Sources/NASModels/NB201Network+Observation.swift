import Layers
import NASSpaces
import Tensors

/// The observed forward pass: what the benchmark's PyTorch network runs, reported to an observer.
///
/// It reports the input of every rectifier in module order (each ReLU-Conv-BN's, the reduction blocks', and the
/// head's `lastact` ReLU), the features before global pooling, and the output of every convolution and of the
/// classifier (``ActivationObserver/weightedLayerOutput(_:weight:)``, in module order). Unlike the plain forward
/// pass it also runs the edges whose target node does not reach the output, because the benchmark runs every edge
/// and hooks on its ReLUs fire for them (NASWOT's codes include them); the output is the same.
extension NB201Network: ObservableLayer {
    /// Images (N, inputChannels, H, W) to logits (N, classes), reporting activations to `observer`.
    public func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        let stem = observedForward(stemConvolution, input, mode: mode, observer: observer)
        var features = stemBatchNorm(stem, mode: mode)
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
        // (N, 4C) -> (N, classes)
        return observedForward(classifier, globalAveragePool(features), mode: mode, observer: observer)
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
        return main + observedForward(shortcut, shortcutPool(input, mode: mode), mode: mode, observer: observer)
    }
}

/// A sequence's layers in order, the observable ones reporting to `observer`.
func observedForward(
    _ sequence: Sequential, _ input: Variable, mode: ForwardMode, observer: any ActivationObserver
) -> Variable {
    sequence.layers.reduce(input) { x, layer in observedForward(layer, x, mode: mode, observer: observer) }
}

/// One layer: an observable one reports to `observer`; a convolution's or linear layer's output goes through
/// ``ActivationObserver/weightedLayerOutput(_:weight:)``.
func observedForward(
    _ layer: any Layer, _ input: Variable, mode: ForwardMode, observer: any ActivationObserver
) -> Variable {
    if let observable = layer as? any ObservableLayer { return observable(input, mode: mode, observer: observer) }
    let output = layer(input, mode: mode)
    let weight = (layer as? Conv2D)?.weight ?? (layer as? Linear)?.weight
    guard let weight else { return output }
    return observer.weightedLayerOutput(output, weight: weight) ?? output
}
