/// The macro network's settings around an architecture's four layers (NAS-Bench-Graph's `HP`: `dim`,
/// `dropout`, `num_pre`, `num_pro`, `num_cells`).
///
/// Defaults are the benchmark's Cora and CiteSeer settings (Qin et al., NeurIPS 2022, the table of
/// hyper-parameters per dataset; the same values in the benchmark's training code): hidden size 256, dropout
/// 0.7, no pre-processing layer, one post-processing layer, one cell.
public struct GraphNetworkConfiguration: Hashable, Codable, Sendable {
    /// The width of every layer (`dim`).
    public var hiddenSize: Int
    /// The dropout rate on the input features and before every layer that reads a computed node (`dropout`).
    public var dropout: Float
    /// Fully connected layers before the cell, 0 or 1 (`num_pre`).
    public var preprocessingLayers: Int
    /// Fully connected layers after the cell's output layer, 0 or 1 (`num_pro`).
    public var postprocessingLayers: Int
    /// The heads of every graph attention layer (4, as the benchmark's code builds `GATConv`).
    public var attentionHeads: Int

    /// Creates a configuration; the defaults are the benchmark's for Cora and CiteSeer.
    public init(
        hiddenSize: Int = 256, dropout: Float = 0.7, preprocessingLayers: Int = 0, postprocessingLayers: Int = 1,
        attentionHeads: Int = 4
    ) {
        self.hiddenSize = hiddenSize
        self.dropout = dropout
        self.preprocessingLayers = preprocessingLayers
        self.postprocessingLayers = postprocessingLayers
        self.attentionHeads = attentionHeads
    }
}
