import NASCore

/// The GCN predictor's settings. Every default is NASLib's (`naslib/predictors/gcn.py`: `NeuralPredictorModel`
/// and `GCNPredictor.fit`).
public struct GCNConfiguration: Hashable, Codable, Sendable {
    /// The width of every graph-convolution layer: NASLib's `gcn_hidden=144`.
    public var graphWidth: Int = 144
    /// The number of graph-convolution layers: NASLib's `gcn_layers=4`.
    public var graphLayers: Int = 4
    /// The width of the first fully connected layer after pooling: NASLib's `linear_hidden=128`.
    public var linearWidth: Int = 128
    /// The dropout probability after every graph convolution and after the first fully connected layer:
    /// NASLib's `nn.Dropout(0.1)`.
    public var dropout: Double = 0.1
    /// The training epochs: NASLib's `epochs=300`.
    public var epochs: Int = 300
    /// The minibatch size: NASLib's `batch_size=7`; the last incomplete batch of an epoch is dropped
    /// (`drop_last=True`), so a fit needs at least this many architectures.
    public var batchSize: Int = 7
    /// Adam's initial learning rate, annealed to 0 by a cosine over the epochs: NASLib's `lr=1e-4` with
    /// `CosineAnnealingLR(optimizer, epochs)`.
    public var learningRate: Double = 1e-4
    /// Adam's L2 penalty (added to the gradient, PyTorch's `Adam(weight_decay=)`): NASLib's `wd=3e-4`.
    public var weightDecay: Double = 3e-4

    /// Creates the default configuration.
    public init() {}

    /// Checks every setting.
    ///
    /// - Throws: ``SearchError`` naming the setting, the requirement and the value.
    public func validate() throws(SearchError) {
        for (name, value) in [
            ("graphWidth", graphWidth), ("graphLayers", graphLayers), ("linearWidth", linearWidth),
            ("epochs", epochs), ("batchSize", batchSize),
        ] where value < 1 {
            throw SearchError("GCN: \(name) must be at least 1 (got \(value))")
        }
        guard dropout >= 0, dropout < 1 else {
            throw SearchError("GCN: dropout must be a probability in [0, 1) (got \(dropout))")
        }
        guard learningRate > 0, learningRate.isFinite else {
            throw SearchError("GCN: learningRate must be a positive number (got \(learningRate))")
        }
        guard weightDecay >= 0, weightDecay.isFinite else {
            throw SearchError("GCN: weightDecay must be a non-negative number (got \(weightDecay))")
        }
    }
}
