import Layers
import Seeding
import Tensors

/// The shape of one meta network: `hiddenLayers` fully connected ReLU layers of `width` units on an input of
/// `inputSize`, then a linear output unit; and where each layer's parameters sit in the network's flat parameter
/// vector.
///
/// Layer l (0 ≤ l < hiddenLayers + 1, the last being the output) stores its weight W (outputs, inputs),
/// row-major as PyTorch's `nn.Linear`, then its bias b (outputs). A network's parameters are one `[Float]`, so
/// a fitted ensemble is plain values (`[[Float]]`, one vector per member) that copy, compare and encode like
/// any other, and one Adam loop updates a whole network.
public struct MLPLayout: Hashable, Codable, Sendable {
    /// The length of the input (the encoding's length).
    public let inputSize: Int
    /// The number of hidden ReLU layers.
    public let hiddenLayers: Int
    /// The width of every hidden layer.
    public let width: Int

    /// Creates the layout.
    ///
    /// - Precondition: every size is at least 1.
    public init(inputSize: Int, hiddenLayers: Int, width: Int) {
        precondition(inputSize >= 1 && hiddenLayers >= 1 && width >= 1, "MLPLayout: sizes must be at least 1")
        self.inputSize = inputSize
        self.hiddenLayers = hiddenLayers
        self.width = width
    }

    /// The number of layers with parameters (the hidden layers and the output layer).
    public var layerCount: Int { hiddenLayers + 1 }

    /// The inputs of layer `layer`.
    public func inputs(of layer: Int) -> Int { layer == 0 ? inputSize : width }

    /// The outputs of layer `layer`.
    public func outputs(of layer: Int) -> Int { layer == hiddenLayers ? 1 : width }

    /// Where layer `layer`'s weight starts in the parameter vector; its bias follows the weight.
    public func weightOffset(of layer: Int) -> Int {
        var offset = 0
        for earlier in 0..<layer { offset += (inputs(of: earlier) + 1) * outputs(of: earlier) }
        return offset
    }

    /// Where layer `layer`'s bias starts in the parameter vector.
    public func biasOffset(of layer: Int) -> Int {
        weightOffset(of: layer) + inputs(of: layer) * outputs(of: layer)
    }

    /// The length of the parameter vector.
    public var parameterCount: Int { weightOffset(of: layerCount) }

    /// Initial parameters as Keras's `Dense` draws them (the paper's code): every weight Glorot-uniform in
    /// ±√(6 / (inputs + outputs)), layer by layer in row-major order, every bias zero.
    ///
    /// - Complexity: O(``parameterCount``).
    public func initialParameters(using rng: inout some RandomNumberGenerator) -> [Float] {
        var parameters: [Float] = []
        parameters.reserveCapacity(parameterCount)
        for layer in 0..<layerCount {
            let shape = [outputs(of: layer), inputs(of: layer)]
            parameters += Initializer.xavierUniform().makeTensor(shape: shape, using: &rng).scalars
            parameters += [Float](repeating: 0, count: outputs(of: layer))
        }
        return parameters
    }
}
