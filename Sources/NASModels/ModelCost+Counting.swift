import Layers

/// A layer whose multiply-adds NAS-Bench-201's reference counter counts, with the size of its input: every
/// convolution and every linear layer (batch norm, activations and pooling count nothing).
public enum CountedLayer {
    /// A convolution applied to an input of `inputHeight` x `inputWidth` pixels.
    case convolution(Conv2D, inputHeight: Int, inputWidth: Int)
    /// A linear layer applied to one vector.
    case linear(Linear)

    /// Multiply-adds for one example, as the reference counter counts them: a convolution costs
    /// K·K·(C/groups)·O per output pixel, plus O per output pixel for a bias; a linear layer costs I·O, plus O
    /// for a bias.
    public var multiplyAdds: Int {
        switch self {
        case let .convolution(convolution, inputHeight, inputWidth):
            let (height, width) = convolution.outputSize(inputHeight: inputHeight, inputWidth: inputWidth)
            let pixels = height * width
            let kernel = convolution.kernelSize * convolution.kernelSize
            let perPixel = kernel * (convolution.inputChannels / convolution.groups) * convolution.outputChannels
            return pixels * perPixel + (convolution.bias == nil ? 0 : pixels * convolution.outputChannels)
        case let .linear(linear):
            return linear.inputSize * linear.outputSize + (linear.bias == nil ? 0 : linear.outputSize)
        }
    }
}

extension ModelCost {
    /// The cost of a network from its built layers.
    ///
    /// - Parameters:
    ///   - parameters: every parameter and buffer of the network; the trainable ones are counted (running
    ///     statistics are buffers and are not).
    ///   - countedLayers: the network's convolutions (with their input sizes) and linear layers, each once per
    ///     application.
    public init(parameters: [Parameter], countedLayers: [CountedLayer]) {
        self.init(
            parameterCount: parameters.filter(\.isTrainable).reduce(0) { $0 + $1.value.count },
            multiplyAdds: countedLayers.reduce(0) { $0 + $1.multiplyAdds })
    }
}

extension Conv2D {
    /// The output's height and width for an input of `inputHeight` x `inputWidth`:
    /// ⌊(size + 2·padding − dilation·(K − 1) − 1) / stride⌋ + 1 per side.
    func outputSize(inputHeight: Int, inputWidth: Int) -> (height: Int, width: Int) {
        func side(_ size: Int) -> Int { (size + 2 * padding - dilation * (kernelSize - 1) - 1) / stride + 1 }
        return (side(inputHeight), side(inputWidth))
    }
}
