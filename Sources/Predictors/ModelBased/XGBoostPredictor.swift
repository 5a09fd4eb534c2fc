import NASCore

/// Gradient-boosted regression trees through XGBoost's C API on an architecture encoding, the "XGBoost" of White
/// et al., "How Powerful are Performance Predictors in Neural Architecture Search?" (NeurIPS 2021), after Chen &
/// Guestrin, "XGBoost: A Scalable Tree Boosting System" (KDD 2016). A point predictor: its standard deviation is 0.
///
/// Algorithm (`Docs/Predictors/ModelBased.md`):
///
///     encode the architectures (adjacency one-hot by default)   TrainingInput.encoded
///     standardize the targets (NASLib's labels − mean / std)    TargetStandardization
///     create the booster, set NASLib's parameters in order       XGBoostLibrary.train (XGBoosterSetParam)
///     500 rounds of XGBoosterUpdateOneIter                       XGBoostLibrary.train
///     keep the model as XGBoost JSON (XGBoosterSaveModelToBuffer) XGBoostModel.json
///     predict: load the JSON, XGBoosterPredict, undo the scaling  XGBoostLibrary.predict
///
/// Defaults: NASLib's `XGBoost.default_hyperparams` and `num_boost_round=500`; see ``XGBoostConfiguration``.
/// Deterministic: one thread and a seed drawn from the generator (`nthread=1`, `seed`); XGBoost's default
/// `subsample` and column sampling of 1 draw nothing anyway.
///
/// Complexity: a fit costs O(rounds · d · n log n) for n architectures and encodings of length d (the exact
/// greedy method on a small matrix); a prediction O(rounds · depth) per architecture.
public struct XGBoostPredictor<Space: SearchSpace>: PerformancePredictor {
    /// The configuration.
    public var configuration: XGBoostConfiguration
    /// The fitted booster, `nil` before the first fit.
    public private(set) var model: XGBoostModel?

    /// The fewest architectures a fit accepts: two, so that the targets have a spread to standardize by.
    public static var minimumTrainingSize: Int { 2 }

    static var name: String { "XGBoost" }

    /// Creates an unfitted predictor.
    public init(configuration: XGBoostConfiguration = .init()) {
        self.configuration = configuration
    }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: Self.minimumTrainingSize, encoding: configuration.encoding)
    }

    /// Fits the booster to `targets` (higher is better), replacing any earlier fit.
    ///
    /// Draws one 64-bit value from `rng`, XGBoost's `seed` (its low 31 bits).
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, fewer than two architectures, a count mismatch, a
    ///   non-finite target, an encoding the space lacks, or XGBoost's refusal (its message included).
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError) {
        try configuration.validate()
        let encoded = try TrainingInput.encoded(
            Self.name, architectures, targets: targets, minimum: Self.minimumTrainingSize,
            as: configuration.encoding, in: space)
        let standardization = TargetStandardization(targets)
        let seed = rng.next() & 0x7fff_ffff
        let parameters = configuration.parameterPairs + [("nthread", "1"), ("seed", "\(seed)"), ("verbosity", "0")]
        let json = try XGBoostLibrary.train(
            features: encoded.values, rows: encoded.rowCount, columns: encoded.columnCount,
            labels: standardization.standardized(targets).map(Float.init), parameters: parameters,
            rounds: configuration.rounds)
        model = XGBoostModel(
            encoding: configuration.encoding, encodingLength: encoded.columnCount, json: json,
            standardization: standardization)
    }

    /// The booster's prediction for each architecture, in the targets' units, with standard deviation 0.
    ///
    /// - Throws: ``SearchError`` before the first fit, if the architectures encode to another length, or if
    ///   XGBoost refuses the stored model.
    public func predict(_ architectures: [Space.Architecture], in space: Space) throws(SearchError) -> [Prediction] {
        guard let model else { throw TrainingInput.unfitted(Self.name) }
        let encoded = try TrainingInput.encodedForPrediction(
            Self.name, architectures, as: model.encoding, length: model.encodingLength, in: space)
        let values = try XGBoostLibrary.predict(
            model: model.json, features: encoded.values, rows: encoded.rowCount, columns: encoded.columnCount)
        return values.map { model.standardization.prediction(mean: Double($0), standardDeviation: 0) }
    }
}

/// A fitted booster: XGBoost's own JSON model (the format `XGBoosterSaveModelToBuffer` writes and
/// `XGBoosterLoadModelFromBuffer` reads), so the fit is plain `Codable` text that any XGBoost ≥ 1.0 can load.
public struct XGBoostModel: Hashable, Codable, Sendable {
    /// The encoding the model reads.
    public let encoding: ArchitectureEncoding
    /// The length of that encoding.
    public let encodingLength: Int
    /// The booster in XGBoost's JSON model format.
    public let json: String
    /// The targets' standardization (the booster predicts standard units).
    public let standardization: TargetStandardization
}

/// XGBoost's settings: NASLib's `XGBoost.default_hyperparams` and its 500 boosting rounds.
public struct XGBoostConfiguration: Hashable, Codable, Sendable {
    /// The encoding read: adjacency one-hot, NASLib's `encoding_type` default for its trees.
    public var encoding: ArchitectureEncoding = .adjacencyOneHot
    /// The boosting rounds: NASLib's `num_boost_round=500`.
    public var rounds = 500
    /// The booster's parameters, set in this order: NASLib's defaults (objective reg:squarederror, eval_metric
    /// rmse, booster gbtree, max_depth 6, min_child_weight 1, colsample_bytree 1, learning_rate 0.3,
    /// colsample_bylevel 1). `nthread`, `seed` and `verbosity` are set after these by the fit.
    public var parameters: [Parameter] = [
        .init("objective", "reg:squarederror"), .init("eval_metric", "rmse"), .init("booster", "gbtree"),
        .init("max_depth", "6"), .init("min_child_weight", "1"), .init("colsample_bytree", "1"),
        .init("learning_rate", "0.3"), .init("colsample_bylevel", "1"),
    ]

    /// One XGBoost parameter, by XGBoost's name and textual value.
    public struct Parameter: Hashable, Codable, Sendable {
        public var name: String
        public var value: String

        /// Creates a parameter.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates the default configuration.
    public init() {}

    var parameterPairs: [(String, String)] { parameters.map { ($0.name, $0.value) } }

    /// Checks what XGBoost does not: the number of rounds and the fit's own parameters (values are XGBoost's
    /// to judge, when it trains).
    ///
    /// - Throws: ``SearchError`` naming the setting, the requirement and the value.
    public func validate() throws(SearchError) {
        guard rounds >= 1 else { throw SearchError("XGBoost: rounds must be at least 1 (got \(rounds))") }
        if let reserved = parameters.first(where: { ["nthread", "seed", "verbosity"].contains($0.name) }) {
            throw SearchError(
                "XGBoost: the parameter \(reserved.name) is set by the fit (nthread 1, seed from the generator, "
                    + "verbosity 0); remove it from parameters")
        }
    }
}
