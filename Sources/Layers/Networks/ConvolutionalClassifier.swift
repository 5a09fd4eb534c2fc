import Seeding
import Tensors

/// A small VGG-style image classifier for engine-level training: stages of 3x3 Conv-BN-ReLU blocks, each
/// stage but the last followed by 2x2 max pooling, then global average pooling and a linear classifier.
///
/// `ConvolutionalClassifier.make(inputChannels: 1, widths: [[32, 32], [64, 64]], classes: 10, ...)` on 28x28
/// Fashion-MNIST images gives conv 1→32, 32→32, pool to 14x14, conv 32→64, 64→64, pool, average, linear.
public enum ConvolutionalClassifier {
    /// Builds the network.
    ///
    /// - Parameters:
    ///   - inputChannels: channels of the input images.
    ///   - widths: output channels of each block, grouped by stage.
    ///   - classes: the number of classes.
    ///   - rng: draws every weight (Kaiming-uniform, PyTorch's default), in layer order.
    /// - Returns: a `Sequential` named "classifier" whose layers are named "stage<i>.block<j>.conv" etc.
    public static func make(
        inputChannels: Int, widths: [[Int]], classes: Int, using rng: inout some RandomNumberGenerator
    ) -> Sequential {
        enforce(!widths.isEmpty && widths.allSatisfy { !$0.isEmpty }, "ConvolutionalClassifier: every stage needs a block")
        var layers: [any Layer] = []
        var channels = inputChannels
        for (stage, stageWidths) in widths.enumerated() {
            for (block, width) in stageWidths.enumerated() {
                let name = "stage\(stage).block\(block)"
                layers.append(Conv2D(
                    inputChannels: channels, outputChannels: width, kernelSize: 3, padding: 1, bias: false,
                    name: name + ".conv", using: &rng))
                layers.append(BatchNorm(channels: width, name: name + ".bn"))
                layers.append(ReLU(name: name + ".relu"))
                channels = width
            }
            if stage < widths.count - 1 {
                layers.append(MaxPool2D(kernelSize: 2, name: "stage\(stage).pool"))
            }
        }
        layers.append(GlobalAveragePool(name: "pool"))
        layers.append(Linear(inputSize: channels, outputSize: classes, name: "linear", using: &rng))
        return Sequential(name: "", layers)
    }
}
