import NASCore
import Seeding

/// The graph-convolutional neural predictor of Wen, Liu, Chen, Li, Bender & Kindermans, "Neural Predictor for
/// Neural Architecture Search" (ECCV 2020), as NASLib implements it (`naslib/predictors/gcn.py`), the "GCN" of
/// White et al., "How Powerful are Performance Predictors in Neural Architecture Search?" (NeurIPS 2021).
///
/// Algorithm (`Docs/Predictors/ModelBased.md` § GCN; NASLib's `NeuralPredictorModel` and `GCNPredictor.fit`):
///
///     read each cell as a graph: one-hot node labels, adjacency A     CellGraphRepresentable, CellGraph
///     Â = rownorm(A + I); per layer P = rownorm(Â), Q = rownorm(Âᵀ)   GCNGraphs
///     standardize the targets                                          TargetStandardization
///     Xavier-uniform graph weights, PyTorch-default fc1, fc2           GCNLayout.initialParameters
///     4 layers: X ← dropout((relu(P X W₁) + relu(Q X W₂)) / 2)          GCNWorkspace.forward
///     mean over nodes, fc1 (144 → 128), dropout, fc2 (128 → 1)         GCNWorkspace.forward
///     300 epochs of shuffled batches of 7 (last incomplete dropped),   GCNTraining.train
///         MSE, Adam 1e-4 with L2 3e-4, cosine-annealed per epoch
///     predict: the network without dropout, in the targets' units     GCNModel.predictions
///
/// Defaults and their sources are in ``GCNConfiguration``. The forward and backward passes are fused over
/// preallocated buffers and checked against finite differences in the tests. The predictor takes any space, so
/// that whoever picks predictors generically can build it, and refuses at `fit` and `predict` a space that does
/// not conform to ``CellGraphRepresentable``.
///
/// Complexity: a fit costs O(epochs · n · L · N · H · (F + H + N)) for n architectures of N nodes with F labels,
/// L layers of width H (about 3 · 10⁶ multiply-adds per graph and step for NB201 at the defaults); a prediction
/// a third of one step per architecture.
public struct GCNPredictor<Space: SearchSpace>: PerformancePredictor {
    /// The configuration.
    public var configuration: GCNConfiguration
    /// The fitted network, `nil` before the first fit.
    public private(set) var model: GCNModel?

    static var name: String { "GCN" }

    /// Creates an unfitted predictor.
    public init(configuration: GCNConfiguration = .init()) {
        self.configuration = configuration
    }

    /// At least one full batch of architectures (``GCNConfiguration/batchSize``, since the last incomplete batch
    /// of an epoch is dropped); no encoding (the predictor reads the space's cell graphs).
    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: configuration.batchSize, encoding: nil)
    }

    /// Fits the network to `targets` (higher is better), replacing any earlier fit.
    ///
    /// Draws one 64-bit seed from `rng`; the initial weights come from
    /// `StableHash.derive(seed:, "gcn initialization")` and the shuffles and dropout masks from
    /// `StableHash.derive(seed:, "gcn training")`, so the fit depends only on `rng`'s state.
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, a count mismatch, fewer architectures than one
    ///   batch, a non-finite target, graphs of different sizes, or training that diverged.
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError) {
        try configuration.validate()
        guard architectures.count == targets.count else {
            throw SearchError(
                "\(Self.name): \(architectures.count) architectures but \(targets.count) targets; give one target "
                    + "per architecture")
        }
        guard architectures.count >= configuration.batchSize else {
            throw SearchError(
                "\(Self.name): needs at least \(configuration.batchSize) measured architectures to fit (one batch "
                    + "of batchSize; the incomplete last batch is dropped), got \(architectures.count)")
        }
        if let position = targets.firstIndex(where: { !$0.isFinite }) {
            throw SearchError(
                "\(Self.name): target \(position) is \(targets[position]); every target must be a finite number")
        }
        let cellGraphs = try Self.cellGraphs(architectures, in: space)
        let (nodeCount, labelCount) = (cellGraphs[0].nodeCount, cellGraphs[0].labelCount)
        let graphs = try Self.prepared(cellGraphs, nodeCount: nodeCount, labelCount: labelCount, in: space)
        let standardization = TargetStandardization(targets)
        let layout = GCNLayout(
            featureCount: labelCount, graphWidth: configuration.graphWidth, graphLayers: configuration.graphLayers,
            linearWidth: configuration.linearWidth)
        let training = GCNTraining(
            graphs: graphs, targets: standardization.standardized(targets).map(Float.init),
            epochs: configuration.epochs, batchSize: configuration.batchSize,
            learningRate: configuration.learningRate, weightDecay: Float(configuration.weightDecay),
            dropout: Float(configuration.dropout))
        let seed = rng.next()
        var initialization = Xoshiro256(seed: StableHash.derive(seed: seed, "gcn initialization"))
        var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "gcn training"))
        let workspace = GCNWorkspace(layout: layout, nodeCount: nodeCount, capacity: configuration.batchSize)
        let trained = training.train(
            from: layout.initialParameters(using: &initialization), workspace: workspace, using: &generator)
        guard trained.allSatisfy(\.isFinite) else {
            throw SearchError(
                "\(Self.name): training diverged (non-finite weights); lower learningRate "
                    + "(\(configuration.learningRate))")
        }
        model = GCNModel(layout: layout, nodeCount: nodeCount, parameters: trained, standardization: standardization)
    }

    /// The network's prediction for each architecture, in the targets' units (standard deviation 0: one network).
    ///
    /// - Throws: ``SearchError`` before the first fit, or if the architectures' graphs differ in size from those
    ///   it was fitted on.
    public func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction] {
        guard let model else { throw TrainingInput.unfitted(Self.name) }
        let graphs = try Self.prepared(
            Self.cellGraphs(architectures, in: space), nodeCount: model.nodeCount,
            labelCount: model.layout.featureCount, in: space)
        return model.predictions(graphs)
    }

    /// The architectures as the space's cell graphs.
    ///
    /// - Throws: ``SearchError`` if the space does not conform to ``CellGraphRepresentable``.
    static func cellGraphs(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [CellGraph] {
        guard let graphSpace = space as? any CellGraphRepresentable else {
            throw SearchError(
                "\(name): the space \(space.name) does not provide cell graphs; conform it to CellGraphRepresentable "
                    + "(node labels and arcs) where it meets the predictors, or choose an encoding-based predictor")
        }
        return cellGraphs(architectures, in: graphSpace)
    }

    /// The cell graphs of `architectures` in `space`, the same space as ``Space`` opened as its graph conformance.
    private static func cellGraphs<GraphSpace: CellGraphRepresentable>(
        _ architectures: [Space.Architecture], in space: GraphSpace
    ) -> [CellGraph] {
        guard let typed = architectures as? [GraphSpace.Architecture] else {
            preconditionFailure("GCNPredictor: \(GraphSpace.self) is \(Space.self), so their architectures agree")
        }
        return typed.map(space.cellGraph(of:))
    }

    /// The graphs prepared for the network, after checking that each has `nodeCount` nodes and `labelCount`
    /// labels.
    static func prepared(_ graphs: [CellGraph], nodeCount: Int, labelCount: Int, in space: Space) throws(SearchError)
        -> GCNGraphs
    {
        if let position = graphs.firstIndex(where: { $0.nodeCount != nodeCount || $0.labelCount != labelCount }) {
            throw SearchError(
                "\(name): architecture \(position) of the space \(space.name) is a graph of "
                    + "\(graphs[position].nodeCount) nodes and \(graphs[position].labelCount) labels, but the "
                    + "predictor reads graphs of \(nodeCount) nodes and \(labelCount) labels; give architectures of "
                    + "one space, whose graphs share one size")
        }
        return GCNGraphs(graphs, nodeCount: nodeCount, featureCount: labelCount)
    }
}
