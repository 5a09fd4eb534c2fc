import Layers
import Tensors

/// The observed forward pass, for the zero-cost proxies: the input of every rectifier in module order (each
/// ReLU-Conv-BN's, the reduction blocks', the head's `lastact` ReLU; a widening skip has none), the features
/// before global pooling, and the output of every convolution and of the classifier, in module order. The output
/// equals the plain forward pass's.
extension SizeNetwork: ObservableLayer {
    /// Images (N, inputChannels, H, W) to logits (N, classes), reporting activations to `observer`.
    public func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        let stem = observedForward(stemConvolution, input, mode: mode, observer: observer)
        var features = stemBatchNorm(stem, mode: mode)
        for layer in body {
            if let cell = layer as? SizeCell {
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
        // (N, c4) -> (N, classes)
        return observedForward(classifier, globalAveragePool(features), mode: mode, observer: observer)
    }
}

extension SizeCell {
    /// The cell, its layers reporting in module order (0, 1, 2, the widening skip, 4, 5);
    /// (N, C_in, H, W) -> (N, C_out, H, W).
    func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
        func edge(_ position: Int, _ value: Variable) -> Variable {
            observedForward(convolutionEdges[position], value, mode: mode, observer: observer)
        }
        let node1 = edge(0, input)
        let fromInput = edge(1, input)
        let node2 = fromInput + edge(2, node1)
        let skip = widening.map { widening in
            widening.batchNorm(
                observedForward(widening.convolution, input, mode: mode, observer: observer), mode: mode)
        } ?? input
        return skip + edge(3, node1) + edge(4, node2)
    }
}
