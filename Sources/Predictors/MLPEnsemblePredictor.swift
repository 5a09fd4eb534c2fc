import NASCore
import Seeding

/// BANANAS's neural predictor: an ensemble of feed-forward "meta neural networks" on an architecture encoding
/// (White, Neiswanger & Savani, "BANANAS: Bayesian Optimization with Neural Architectures for Neural Architecture
/// Search", AAAI 2021), whose spread over members is the uncertainty BANANAS's acquisition functions read.
///
/// Algorithm (paper § BANANAS step i; `Docs/Predictors/MLPEnsemble.md`):
///
///     encode the architectures (path encoding by default)      EncodedArchitectures
///     standardize the targets, weigh them for the loss         MLPTrainingTargets
///     for each of the 5 members, from its own seed:            fit(_:targets:in:using:engine:)
///         Glorot-uniform weights, zero biases                  MLPLayout.initialParameters
///         150 epochs of shuffled batches of 32, Adam 0.01      MLPTraining.train (fused) / trainOnTape
///     predict: mean and standard deviation over the members    MLPEnsembleModel.predictions
///
/// Defaults and their sources are in ``MLPEnsembleConfiguration``. The predictor is a value: the fitted networks
/// are plain `[Float]` vectors (``MLPEnsembleModel``), the engine's layers exist only while a fit runs, and copies
/// are independent, `Codable` and `Sendable`.
///
/// Complexity: a fit costs O(members · epochs · n · P) for n architectures and P parameters per network
/// (P = 5,501 for the 84-long NB201 path encoding); a prediction O(members · P) per architecture.
public struct MLPEnsemblePredictor<Space: SearchSpace>: PerformancePredictor {
    /// The configuration.
    public var configuration: MLPEnsembleConfiguration
    /// The fitted networks, `nil` before the first fit.
    public private(set) var model: MLPEnsembleModel?

    /// The fewest architectures a fit accepts: two, so that the targets have a spread to standardize by.
    public static var minimumTrainingSize: Int { 2 }

    /// Creates an unfitted predictor.
    public init(configuration: MLPEnsembleConfiguration = .init()) {
        self.configuration = configuration
    }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: Self.minimumTrainingSize, encoding: configuration.encoding)
    }

    /// Fits the ensemble with the fused trainer; see ``fit(_:targets:in:using:engine:)``.
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError) {
        try fit(architectures, targets: targets, in: space, using: &rng, engine: .fused)
    }

    /// Fits every member to `targets` (higher is better), replacing any earlier fit.
    ///
    /// Draws one 64-bit seed from `rng`; member m's initial weights and shuffles come from
    /// `StableHash.derive(seed:, "mlp-ensemble member m")`, so the fit depends only on `rng`'s state.
    ///
    /// - Parameters:
    ///   - engine: `.fused` (the default) or `.tape`, the engine's general layers; both give the same networks
    ///     up to rounding.
    /// - Throws: ``SearchError`` for an invalid configuration, fewer than two architectures, a count mismatch, a
    ///   non-finite target, an encoding the space lacks, or training that diverged.
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator, engine: MLPTrainingEngine
    ) throws(SearchError) {
        try configuration.validate()
        guard architectures.count == targets.count else {
            throw SearchError(
                "MLP ensemble: \(architectures.count) architectures but \(targets.count) targets; give one target "
                    + "per architecture")
        }
        guard architectures.count >= Self.minimumTrainingSize else {
            throw SearchError(
                "MLP ensemble: needs at least \(Self.minimumTrainingSize) measured architectures to fit, got "
                    + "\(architectures.count)")
        }
        if let position = targets.firstIndex(where: { !$0.isFinite }) {
            throw SearchError(
                "MLP ensemble: target \(position) is \(targets[position]); every target must be a finite number")
        }
        let whole = try EncodedArchitectures(architectures, as: configuration.encoding, in: space)
        var inputColumns = configuration.dropUnusedFeatures ? whole.nonzeroColumns : Array(0..<whole.columnCount)
        // Training architectures that all encode to zeros (NB201 cells without an input-output path) leave one
        // position, so the networks fit the targets' mean.
        if inputColumns.isEmpty, whole.columnCount > 0 { inputColumns = [0] }
        let encoded = inputColumns.count == whole.columnCount ? whole : whole.selecting(columns: inputColumns)
        guard encoded.columnCount > 0 else {
            throw SearchError(
                "MLP ensemble: the space \(space.name) encodes architectures as empty "
                    + "\(configuration.encoding.rawValue) vectors; choose another encoding")
        }
        let layout = MLPLayout(
            inputSize: encoded.columnCount, hiddenLayers: configuration.hiddenLayers, width: configuration.layerWidth)
        let scaled = MLPTrainingTargets(targets, loss: configuration.loss, boundMargin: configuration.boundMargin)
        let training = MLPTraining(
            layout: layout, inputs: encoded.values, targets: scaled, epochs: configuration.epochs,
            batchSize: configuration.batchSize, learningRate: Float(configuration.learningRate))
        let workspace = MLPWorkspace(layout: layout, capacity: min(configuration.batchSize, architectures.count))
        let seed = rng.next()
        var members: [[Float]] = []
        for member in 0..<configuration.ensembleSize {
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "mlp-ensemble member \(member)"))
            let initial = layout.initialParameters(using: &generator)
            let trained = switch engine {
            case .fused: training.train(from: initial, workspace: workspace, using: &generator)
            case .tape: training.trainOnTape(from: initial, using: &generator)
            }
            guard trained.allSatisfy(\.isFinite) else {
                throw SearchError(
                    "MLP ensemble: member \(member)'s training diverged (non-finite weights); lower learningRate "
                        + "(\(configuration.learningRate))")
            }
            members.append(trained)
        }
        model = MLPEnsembleModel(
            encoding: configuration.encoding, inputColumns: inputColumns, encodingLength: whole.columnCount,
            layout: layout, members: members, targetMean: scaled.mean,
            targetScale: scaled.scale)
    }

    /// The ensemble's mean and standard deviation for each architecture, in the targets' units.
    ///
    /// - Throws: ``SearchError`` before the first fit, or if the architectures encode to another length.
    public func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction] {
        let (model, encoded) = try encodedForPrediction(architectures, in: space)
        return model.predictions(encoded)
    }

    /// Each member's prediction for each architecture, `[member][architecture]`: what plain Thompson sampling
    /// draws a member from.
    ///
    /// - Throws: ``SearchError`` before the first fit, or if the architectures encode to another length.
    public func memberPredictions(_ architectures: [Space.Architecture], in space: Space) throws(SearchError)
        -> [[Double]]
    {
        let (model, encoded) = try encodedForPrediction(architectures, in: space)
        return model.memberPredictions(encoded)
    }

    private func encodedForPrediction(_ architectures: [Space.Architecture], in space: Space) throws(SearchError)
        -> (MLPEnsembleModel, EncodedArchitectures)
    {
        guard let model else {
            throw SearchError(
                "MLP ensemble: predict was called before fit; fit the predictor to measured architectures first")
        }
        let encoded = try EncodedArchitectures(architectures, as: model.encoding, in: space)
        guard encoded.rowCount == 0 || encoded.columnCount == model.encodingLength else {
            throw SearchError(
                "MLP ensemble: the architectures encode to length \(encoded.columnCount) but the predictor was "
                    + "fitted on length \(model.encodingLength); predict architectures of the space it was fitted on")
        }
        return (model, encoded)
    }
}

/// Which trainer a fit uses; both compute the same thing.
public enum MLPTrainingEngine: String, CaseIterable, Hashable, Codable, Sendable {
    /// Fused forward/backward over preallocated buffers (the default).
    case fused
    /// The engine's `Linear`/`ReLU` layers on a `Tape` with `Adam` (the reference).
    case tape
}
