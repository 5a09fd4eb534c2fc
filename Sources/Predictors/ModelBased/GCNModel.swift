import NASCore

/// A fitted GCN: its layout, the graphs' shape it was fitted on, its parameters and the targets'
/// standardization. A plain value (`Codable`, `Sendable`); the workspace exists only while it runs.
public struct GCNModel: Hashable, Codable, Sendable {
    /// The network's shape.
    public let layout: GCNLayout
    /// The nodes of every graph it reads.
    public let nodeCount: Int
    /// The trained parameters, laid out as ``GCNLayout`` says.
    public let parameters: [Float]
    /// The targets' standardization, to map predictions back to the targets' units.
    public let standardization: TargetStandardization

    /// The most graphs one evaluation pass takes (bounds the workspace's memory: about 23 MB at the defaults).
    static let predictionChunk = 256

    /// The network's prediction for each graph (evaluation mode: no dropout), in the targets' units, with
    /// standard deviation 0 (one network, as NASLib's GCN).
    ///
    /// - Complexity: O(graphs · cost of one graph's forward pass).
    func predictions(_ graphs: GCNGraphs) -> [Prediction] {
        guard graphs.graphCount > 0 else { return [] }
        let workspace = GCNWorkspace(
            layout: layout, nodeCount: nodeCount, capacity: min(Self.predictionChunk, graphs.graphCount))
        var predictions: [Prediction] = []
        predictions.reserveCapacity(graphs.graphCount)
        for start in stride(from: 0, to: graphs.graphCount, by: workspace.capacity) {
            let indices = start..<min(start + workspace.capacity, graphs.graphCount)
            workspace.load(graphs, indices: indices)
            parameters.withUnsafeBufferPointer {
                workspace.forward(parameters: $0.baseAddress!, count: indices.count, training: false)
            }
            for position in 0..<indices.count {
                predictions.append(
                    standardization.prediction(mean: Double(workspace.output[position]), standardDeviation: 0))
            }
        }
        return predictions
    }
}
