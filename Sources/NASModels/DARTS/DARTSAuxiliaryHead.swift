import Layers
import Seeding
import Tensors

/// DARTS's `AuxiliaryHeadCIFAR` (from NASNet): on the 8x8 output of cell ⌊2·layers/3⌋, ReLU, 5x5 average pooling
/// at stride 3 (padding excluded; 8x8 → 2x2), 1x1 convolution to 128 channels, batch norm, ReLU, 2x2 convolution
/// to 768 channels (→ 1x1), batch norm, ReLU, linear classifier. Parameters `"<name>.features.2.weight"`,
/// `.features.3.*`, `.features.5.weight`, `.features.6.*`, `.classifier.*`; DARTS does not count them in the
/// network's size.
final class DARTSAuxiliaryHead: Layer {
    let name: String
    let features: Sequential
    let classifier: Linear

    init(inputChannels: Int, classes: Int, name: String, using rng: inout some RandomNumberGenerator) {
        self.name = name
        let prefix = name + ".features"
        features = Sequential(name: prefix, [
            ReLU(),
            AvgPool2D(kernelSize: 5, stride: 3, padding: 0, countingPadding: false),
            Conv2D(inputChannels: inputChannels, outputChannels: 128, kernelSize: 1, bias: false, name: prefix + ".2", using: &rng),
            BatchNorm(channels: 128, name: prefix + ".3"),
            ReLU(),
            Conv2D(inputChannels: 128, outputChannels: 768, kernelSize: 2, bias: false, name: prefix + ".5", using: &rng),
            BatchNorm(channels: 768, name: prefix + ".6"),
            ReLU(),
        ])
        classifier = Linear(inputSize: 768, outputSize: classes, name: name + ".classifier", using: &rng)
    }

    var parameters: [Parameter] { features.parameters + classifier.parameters }

    /// (N, C, 8, 8) → (N, classes).
    func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let output = features(input, mode: mode)  // (N, 768, 1, 1)
        enforce(
            output.shape.count == 4 && output.shape[2] == 1 && output.shape[3] == 1,
            "DARTSAuxiliaryHead '\(name)': input \(input.shape) is not (N, C, 8, 8); the head expects the 8x8 features of 32x32 images")
        return classifier(output.reshaped([output.shape[0], 768]), mode: mode)
    }
}
