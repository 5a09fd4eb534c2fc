import Datasets
import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Training

/// Trains NAS-Bench-Graph architectures on one Planetoid graph full-batch with the benchmark's recipe, as its
/// training code (`Worker.run`) does: every epoch one step of the weight optimizer on the mean cross entropy of
/// the training nodes (dropout on), then an evaluation-mode pass over the whole graph scoring the training,
/// validation and test nodes; the result is taken at the epoch of lowest validation loss (``GraphTrainingResult``).
///
/// Everything random comes from the seed: the weights from `StableHash.derive(seed:, "graph weights")`, epoch
/// e's dropout masks from `StableHash.derive(seed:, "graph epoch <e>")`. The same architecture, graph,
/// configuration and seed give the same bits.
public struct GraphTrainer: Sendable {
    /// The graph.
    public let graph: PlanetoidGraph
    /// The recipe.
    public let configuration: GraphTrainingConfiguration
    let structure: GraphStructure
    let features: (pattern: SparsityPattern, values: Tensor)

    /// Prepares the graph's propagation matrices and input features once for many trainings.
    ///
    /// - Complexity: O(N + E log E + nnz).
    public init(graph: PlanetoidGraph, configuration: GraphTrainingConfiguration) {
        precondition(configuration.epochs > 0, "GraphTrainer: epochs must be positive, got \(configuration.epochs)")
        self.graph = graph
        self.configuration = configuration
        structure = GraphStructure(adjacency: graph.adjacency)
        features = graph.features(normalized: configuration.normalizesFeatures)
    }

    /// Builds the network of `architecture` with the seed's weights.
    public func network(for architecture: GraphArchitecture, seed: UInt64) -> GraphNetwork {
        var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "graph weights"))
        return GraphNetwork(
            architecture: architecture, inputSize: graph.featureCount, classCount: graph.classCount,
            configuration: configuration.network, using: &generator)
    }

    /// Trains `architecture` (its canonical form) and selects the epoch of lowest validation loss.
    ///
    /// - Parameters:
    ///   - architecture: any description; the benchmark's canonical form is trained.
    ///   - seed: the seed of the weights and dropout masks.
    ///   - onEpoch: called after every epoch with the epoch (1-based) and its evaluation.
    /// - Returns: the selected epoch's accuracies and the run's summary.
    /// - Complexity: `epochs` × (one training and one evaluation pass), each O(nnz(X)·d + layers·(N·d² + E·d)).
    public func train(
        _ architecture: GraphArchitecture, seed: UInt64,
        onEpoch: (Int, GraphEvaluation) -> Void = { _, _ in }
    ) -> GraphTrainingResult {
        let network = network(for: architecture, seed: seed)
        let parameters = network.parameters.filter(\.isTrainable)
        var sgd = SGD(weightDecay: configuration.weightDecay)
        var adam = Adam(weightDecay: configuration.weightDecay)
        let trainLabels = graph.trainNodes.map { graph.labels[Int($0)] }
        var best: (epoch: Int, loss: Float, evaluation: GraphEvaluation)?
        var bestValidAccuracy = 0.0
        var last: GraphEvaluation?
        var lastEpoch = 0
        for epoch in 1...configuration.epochs {
            lastEpoch = epoch
            let tape = Tape()
            let logits = network(
                features: (features.pattern, tape.constant(features.values)), structure: structure,
                mode: .training(seed: StableHash.derive(seed: seed, "graph epoch \(epoch)")))
            let loss = crossEntropy(logits: embedding(graph.trainNodes, table: logits), labels: trainLabels)
            let gradients = ParameterGradients(tape.gradients(of: loss), of: parameters)
            switch configuration.weightOptimizer {
            case .sgd: sgd.update(parameters, gradients: gradients, learningRate: configuration.learningRate)
            case .adam: adam.update(parameters, gradients: gradients, learningRate: configuration.learningRate)
            }
            let evaluation = evaluate(network)
            onEpoch(epoch, evaluation)
            bestValidAccuracy = max(bestValidAccuracy, evaluation.validation.accuracy)
            if best.map({ evaluation.validation.loss < $0.loss }) ?? true {
                best = (epoch, evaluation.validation.loss, evaluation)
            }
            last = evaluation
            if let patience = configuration.patience, epoch - best!.epoch >= patience { break }
        }
        let selected = best!
        return GraphTrainingResult(
            dataset: graph.name, architecture: network.architecture.description,
            benchmarkHash: network.architecture.benchmarkHash, seed: seed, epochs: configuration.epochs,
            epochsTrained: lastEpoch, selectedEpoch: selected.epoch, validAccuracy: selected.evaluation.validation.accuracy,
            testAccuracy: selected.evaluation.test.accuracy, validLoss: Double(selected.loss),
            bestValidAccuracy: bestValidAccuracy, finalTrainAccuracy: last!.train.accuracy,
            parameterCount: network.trainableParameterCount)
    }

    /// One evaluation-mode pass over the whole graph, scored on the three splits.
    public func evaluate(_ network: GraphNetwork) -> GraphEvaluation {
        let logits = network(
            features: (features.pattern, Variable(features.values)), structure: structure, mode: .evaluation)
        func score(_ nodes: [Int32]) -> GraphEvaluation.Score {
            let picked = embedding(nodes, table: logits)
            let labels = nodes.map { graph.labels[Int($0)] }
            let loss = crossEntropy(logits: picked, labels: labels).value.scalar
            let correct = TrainingStep.correctCount(logits: picked.value, labels: labels)
            return GraphEvaluation.Score(loss: loss, accuracy: Double(correct) / Double(nodes.count))
        }
        return GraphEvaluation(
            train: score(graph.trainNodes), validation: score(graph.validationNodes), test: score(graph.testNodes))
    }
}

/// The loss and accuracy of one evaluation-mode pass on the three splits.
public struct GraphEvaluation: Hashable, Sendable {
    /// The mean cross entropy and the accuracy (fraction) of one split.
    public struct Score: Hashable, Sendable {
        /// Mean cross entropy.
        public var loss: Float
        /// Fraction of nodes whose highest score is their class.
        public var accuracy: Double
    }

    /// The training nodes.
    public var train: Score
    /// The validation nodes.
    public var validation: Score
    /// The test nodes.
    public var test: Score
}
