import Layers
import Seeding

/// The shape of the GCN and where each weight sits in its flat parameter vector.
///
/// Graph-convolution layer l (0 ≤ l < graphLayers) has two weights of shape (inputs, graphWidth), row-major as
/// NASLib's `weight1`/`weight2` (applied as X W): the forward one, then the backward one. Then the head: `fc1`
/// (linearWidth, graphWidth) and `fc2` (1, linearWidth), row-major as PyTorch's `nn.Linear`, both without
/// bias (NASLib's `bias=False`). Layer 0's inputs are the one-hot node labels.
public struct GCNLayout: Hashable, Codable, Sendable {
    /// The length of a node's one-hot label.
    public let featureCount: Int
    /// The width of every graph-convolution layer.
    public let graphWidth: Int
    /// The number of graph-convolution layers.
    public let graphLayers: Int
    /// The width of the first fully connected layer.
    public let linearWidth: Int

    /// Creates the layout.
    ///
    /// - Precondition: every size is at least 1.
    public init(featureCount: Int, graphWidth: Int, graphLayers: Int, linearWidth: Int) {
        precondition(
            featureCount >= 1 && graphWidth >= 1 && graphLayers >= 1 && linearWidth >= 1,
            "GCNLayout: sizes must be at least 1")
        self.featureCount = featureCount
        self.graphWidth = graphWidth
        self.graphLayers = graphLayers
        self.linearWidth = linearWidth
    }

    /// The inputs of graph-convolution layer `layer`.
    public func inputs(of layer: Int) -> Int { layer == 0 ? featureCount : graphWidth }

    /// Where layer `layer`'s forward weight starts; its backward weight follows it.
    public func forwardWeightOffset(of layer: Int) -> Int {
        (0..<layer).reduce(0) { $0 + 2 * inputs(of: $1) * graphWidth }
    }

    /// Where layer `layer`'s backward weight starts.
    public func backwardWeightOffset(of layer: Int) -> Int {
        forwardWeightOffset(of: layer) + inputs(of: layer) * graphWidth
    }

    /// Where `fc1` (linearWidth, graphWidth) starts.
    public var firstLinearOffset: Int { forwardWeightOffset(of: graphLayers) }

    /// Where `fc2` (1, linearWidth) starts.
    public var secondLinearOffset: Int { firstLinearOffset + linearWidth * graphWidth }

    /// The length of the parameter vector.
    public var parameterCount: Int { secondLinearOffset + linearWidth }

    /// Initial parameters as NASLib's model draws them, in the vector's order: every graph weight Xavier-uniform
    /// in ±√(6 / (inputs + graphWidth)) (`reset_parameters`), `fc1` and `fc2` PyTorch's `nn.Linear` default,
    /// uniform in ±1/√inputs.
    ///
    /// - Complexity: O(``parameterCount``).
    public func initialParameters(using rng: inout some RandomNumberGenerator) -> [Float] {
        var parameters: [Float] = []
        parameters.reserveCapacity(parameterCount)
        for layer in 0..<graphLayers {
            for _ in 0..<2 {
                let shape = [inputs(of: layer), graphWidth]
                parameters += Initializer.xavierUniform().makeTensor(shape: shape, using: &rng).scalars
            }
        }
        for shape in [[linearWidth, graphWidth], [1, linearWidth]] {
            parameters += Initializer.pytorchDefaultWeight.makeTensor(shape: shape, using: &rng).scalars
        }
        return parameters
    }
}
