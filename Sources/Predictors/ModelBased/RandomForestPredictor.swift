import NASCore
import Seeding

/// A random forest of regression trees on an architecture encoding, the "RF" of White et al., "How Powerful are
/// Performance Predictors in Neural Architecture Search?" (NeurIPS 2021), after Breiman, "Random Forests"
/// (Machine Learning, 2001); the spread of the trees' predictions is the uncertainty.
///
/// Algorithm (`Docs/Predictors/ModelBased.md`):
///
///     encode the architectures (adjacency one-hot by default)        TrainingInput.encoded
///     standardize the targets                                          TargetStandardization
///     for each of the 116 trees, from its own seed:                    fit
///         the training rows, or a bootstrap sample of them             fit (bootstrap: false by default)
///         grow a CART tree, ⌊0.1706 · d⌋ features tried per split      RegressionTreeBuilder.grow
///     predict: the mean and standard deviation over the trees          RandomForestModel.predictions
///
/// Defaults: NASLib's `RandomForestPredictor.default_hyperparams` (copied there from NAS-Bench-301's surrogate),
/// passed to scikit-learn's `RandomForestRegressor`; see ``RandomForestConfiguration``.
///
/// Complexity: a fit costs O(trees · f · n log² n) for n architectures and f features tried per split; a
/// prediction O(trees · depth) per architecture.
public struct RandomForestPredictor<Space: SearchSpace>: PerformancePredictor {
    /// The configuration.
    public var configuration: RandomForestConfiguration
    /// The fitted forest, `nil` before the first fit.
    public private(set) var model: RandomForestModel?

    /// The fewest architectures a fit accepts: two, so that a tree can split.
    public static var minimumTrainingSize: Int { 2 }

    static var name: String { "random forest" }

    /// Creates an unfitted predictor.
    public init(configuration: RandomForestConfiguration = .init()) {
        self.configuration = configuration
    }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: Self.minimumTrainingSize, encoding: configuration.encoding)
    }

    /// Fits the forest to `targets` (higher is better), replacing any earlier fit.
    ///
    /// Draws one 64-bit seed from `rng`; tree t's bootstrap sample and feature draws come from
    /// `StableHash.derive(seed:, "random-forest tree t")`.
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, fewer than two architectures, a count mismatch, a
    ///   non-finite target, or an encoding the space lacks.
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError) {
        try configuration.validate()
        let encoded = try TrainingInput.encoded(
            Self.name, architectures, targets: targets, minimum: Self.minimumTrainingSize,
            as: configuration.encoding, in: space)
        let standardization = TargetStandardization(targets)
        let builder = RegressionTreeBuilder(
            features: encoded.values, columns: encoded.columnCount, targets: standardization.standardized(targets),
            featuresPerSplit: configuration.featuresPerSplit(of: encoded.columnCount),
            minimumSamplesSplit: configuration.minimumSamplesSplit,
            minimumSamplesLeaf: configuration.minimumSamplesLeaf,
            maximumDepth: configuration.maximumDepth)
        let seed = rng.next()
        let n = encoded.rowCount
        let trees = (0..<configuration.treeCount).map { tree in
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "random-forest tree \(tree)"))
            let samples = configuration.bootstrap
                ? (0..<n).map { _ in generator.uniformInt(below: n) }.sorted() : Array(0..<n)
            return builder.grow(samples: samples, using: &generator)
        }
        model = RandomForestModel(
            encoding: configuration.encoding, encodingLength: encoded.columnCount, trees: trees,
            standardization: standardization)
    }

    /// The mean and standard deviation over the trees for each architecture, in the targets' units.
    ///
    /// - Throws: ``SearchError`` before the first fit, or if the architectures encode to another length.
    public func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction] {
        guard let model else { throw TrainingInput.unfitted(Self.name) }
        let encoded = try TrainingInput.encodedForPrediction(
            Self.name, architectures, as: model.encoding, length: model.encodingLength, in: space)
        return model.predictions(encoded)
    }
}

/// A fitted random forest: its trees on standardized targets.
public struct RandomForestModel: Hashable, Codable, Sendable {
    /// The encoding the model reads.
    public let encoding: ArchitectureEncoding
    /// The length of that encoding.
    public let encodingLength: Int
    /// The trees.
    public let trees: [RegressionTree]
    /// The targets' standardization.
    public let standardization: TargetStandardization

    /// Each tree's prediction for each encoded architecture, `[tree][architecture]`, in the targets' units.
    func treePredictions(_ encoded: EncodedArchitectures) -> [[Double]] {
        encoded.values.withUnsafeBufferPointer { values in
            trees.map { tree in
                (0..<encoded.rowCount).map {
                    standardization.mean
                        + standardization.scale * tree.predict(values, offset: $0 * encoded.columnCount)
                }
            }
        }
    }

    /// The mean and population standard deviation over the trees, in the targets' units.
    func predictions(_ encoded: EncodedArchitectures) -> [Prediction] {
        let values = treePredictions(encoded)
        let count = Double(trees.count)
        return (0..<encoded.rowCount).map { row in
            let mean = values.reduce(0) { $0 + $1[row] } / count
            let variance = values.reduce(0) { $0 + ($1[row] - mean) * ($1[row] - mean) } / count
            return Prediction(mean: mean, standardDeviation: variance.squareRoot())
        }
    }
}

/// The random forest's settings: NASLib's `RandomForestPredictor.default_hyperparams` (from NAS-Bench-301) with
/// scikit-learn's `RandomForestRegressor` defaults for the rest.
public struct RandomForestConfiguration: Hashable, Codable, Sendable {
    /// The encoding read: adjacency one-hot, NASLib's `encoding_type` default for its trees.
    public var encoding: ArchitectureEncoding = .adjacencyOneHot
    /// The number of trees: NASLib's `n_estimators` 116.
    public var treeCount = 116
    /// The fraction of the features tried per split: NASLib's `max_features` 0.17055852159745608; scikit-learn
    /// tries max(1, ⌊fraction · d⌋).
    public var featureFraction = 0.17055852159745608
    /// NASLib's `min_samples_split` 2.
    public var minimumSamplesSplit = 2
    /// NASLib's `min_samples_leaf` 2.
    public var minimumSamplesLeaf = 2
    /// scikit-learn's `max_depth` None: grown until the leaf rules stop it.
    public var maximumDepth: Int?
    /// NASLib's `bootstrap` False: every tree sees all training rows and differs by its feature draws only.
    public var bootstrap = false

    /// Creates the default configuration.
    public init() {}

    /// The features tried per split for `columns` features: max(1, ⌊featureFraction · columns⌋).
    func featuresPerSplit(of columns: Int) -> Int {
        max(1, Int((featureFraction * Double(columns)).rounded(.down)))
    }

    /// Checks every setting.
    ///
    /// - Throws: ``SearchError`` naming the setting, the requirement and the value.
    public func validate() throws(SearchError) {
        guard treeCount >= 1 else {
            throw SearchError("random forest: treeCount must be at least 1 (got \(treeCount))")
        }
        guard featureFraction > 0, featureFraction <= 1 else {
            throw SearchError("random forest: featureFraction must be in (0, 1] (got \(featureFraction))")
        }
        guard minimumSamplesSplit >= 2 else {
            throw SearchError("random forest: minimumSamplesSplit must be at least 2 (got \(minimumSamplesSplit))")
        }
        guard minimumSamplesLeaf >= 1 else {
            throw SearchError("random forest: minimumSamplesLeaf must be at least 1 (got \(minimumSamplesLeaf))")
        }
        if let maximumDepth, maximumDepth < 1 {
            throw SearchError("random forest: maximumDepth must be at least 1 (got \(maximumDepth))")
        }
    }
}
