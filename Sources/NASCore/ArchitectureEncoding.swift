/// The numeric encodings of architectures that predictors train on (White et al., "A Study on Encodings for
/// Neural Architecture Search", NeurIPS 2020).
public enum ArchitectureEncoding: String, CaseIterable, Codable, Hashable, Sendable {
    /// One-hot of the operation at every decision (edge or node), concatenated.
    case oneHot = "one-hot"
    /// The flattened upper-triangular adjacency matrix followed by the one-hot operations of the nodes.
    case adjacencyOneHot = "adjacency-one-hot"
    /// BANANAS's path encoding (White et al. 2021): one indicator per input-to-output path, named by its sequence
    /// of operations.
    case path
}
