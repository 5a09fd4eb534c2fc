import NASCore

/// OMNI, the combination of the three predictor families of White et al., "How Powerful are Performance
/// Predictors in Neural Architecture Search?" (NeurIPS 2021, § 6): NGBoost on the architecture's encoding with
/// its zero-cost proxy scores and a learning-curve feature as extra columns.
///
/// Algorithm (NASLib `naslib/predictors/omni_ngb.py`, `OmniNGBPredictor`; `Docs/Predictors/Omni.md`):
///
///     per proxy: z-score the training scores (training mean, sd)        prepare_features → columns
///     per curve feature: the last read epoch's value, z-scored          prepare_features → columns
///     [zero-cost | curve | encoding] as one feature row                 prepare_features → designMatrix
///     NGBoost on the standardised targets                               model.fit → NGBoostFitting.fit
///     predict: the same columns with the training statistics            query → predict
///
/// Differences from NASLib, all documented in `Docs/Predictors/Omni.md`: NGBoost runs with its fixed defaults
/// (``NGBoostConfiguration``) instead of 35 random configurations chosen by 3-fold cross-validation; the test
/// set's columns use the training set's statistics (NASLib standardises the test curve feature by the test set's
/// own); a non-finite proxy score becomes the lowest finite training score.
///
/// Complexity: NGBoost's fit on f + p + c columns (encoding, proxies, curve features).
public struct OmniPredictor<Space: SearchSpace>: Codable, Sendable {
    /// The configuration.
    public var configuration: OmniConfiguration
    /// The fitted model, `nil` before the first fit.
    public private(set) var model: NGBoostModel?
    /// The training statistics of each extra column (proxies, then curve features).
    private var columns: [OmniColumnStandardization] = []

    /// The fewest architectures a fit accepts: two, so that the targets have a spread.
    public static var minimumTrainingSize: Int { 2 }

    static var name: String { "OMNI" }

    /// Creates an unfitted predictor.
    public init(configuration: OmniConfiguration = .init()) {
        self.configuration = configuration
    }

    /// A training set, the encoding, `learningCurveEpochs` epochs of curve when curve features are read, and a
    /// data batch when a proxy uses one.
    public var requirements: PredictorRequirements {
        PredictorRequirements(
            minimumTrainingSize: Self.minimumTrainingSize, encoding: configuration.ngboost.encoding,
            learningCurveEpochs: configuration.curveFeatures.isEmpty ? nil : configuration.learningCurveEpochs,
            usesDataBatch: configuration.proxies.contains(where: \.usesDataBatch))
    }

    /// Fits NGBoost to `targets` (higher is better) on the encodings of `architectures` extended by `features`,
    /// replacing any earlier fit.
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, fewer than two architectures, mismatched counts,
    ///   a non-finite target, an encoding the space lacks, or features without a score per proxy or a curve long
    ///   enough (naming the architecture and what is missing).
    public mutating func fit(
        _ architectures: [Space.Architecture], targets: [Double], features: [OmniFeatures], in space: Space,
        using rng: inout some RandomNumberGenerator
    ) throws(SearchError) {
        try configuration.validate()
        let encoded = try TrainingInput.encoded(
            Self.name, architectures, targets: targets, minimum: Self.minimumTrainingSize,
            as: configuration.ngboost.encoding, in: space)
        let extra = try extraColumns(features, count: architectures.count)
        columns = extra.map(OmniColumnStandardization.init)
        let design = designMatrix(encoded, extra: extra)
        model = NGBoostFitting.fit(design, targets: targets, configuration: configuration.ngboost, using: &rng)
    }

    /// The predicted normal's mean and standard deviation for each architecture, in the targets' units.
    ///
    /// - Throws: ``SearchError`` before the first fit, for architectures that encode to another length, or for
    ///   features that lack what the configuration reads.
    public func predict(_ architectures: [Space.Architecture], features: [OmniFeatures], in space: Space)
        throws(SearchError) -> [Prediction]
    {
        guard let model else { throw TrainingInput.unfitted(Self.name) }
        let encoded = try TrainingInput.encodedForPrediction(
            Self.name, architectures, as: configuration.ngboost.encoding,
            length: model.encodingLength - columns.count, in: space)
        let extra = try extraColumns(features, count: architectures.count)
        return model.predictions(designMatrix(encoded, extra: extra))
    }

    /// The extra columns' raw values, one array per column: each proxy's scores, then each curve feature.
    private func extraColumns(_ features: [OmniFeatures], count: Int) throws(SearchError) -> [[Double]] {
        guard features.count == count else {
            throw SearchError(
                "\(Self.name): \(count) architectures but \(features.count) feature sets; give one per architecture")
        }
        let proxies = configuration.proxies
        var result = [[Double]](repeating: [], count: proxies.count + configuration.curveFeatures.count)
        let epochs = configuration.learningCurveEpochs
        for (position, feature) in features.enumerated() {
            guard feature.zeroCostScores.count == proxies.count else {
                throw SearchError(
                    "\(Self.name) reads the zero-cost scores \(proxies.map(\.rawValue).joined(separator: ", ")); "
                        + "architecture \(position) has \(feature.zeroCostScores.count) scores: give one per proxy, "
                        + "in that order")
            }
            for (slot, score) in feature.zeroCostScores.enumerated() { result[slot].append(score) }
            for (offset, curveFeature) in configuration.curveFeatures.enumerated() {
                let metric = curveFeature.metric
                guard let curve = feature.curve else {
                    throw SearchError(
                        "\(Self.name) reads \(epochs) epochs of \(metric.rawValue) per architecture; architecture "
                            + "\(position) has no learning curve: give its partial curve, or configure OMNI without "
                            + "curve features")
                }
                guard let values = curve.values(of: metric, epochs: epochs), values.count == epochs else {
                    let has = curve.values(of: metric, epochs: epochs)?.count ?? 0
                    throw SearchError(
                        "\(Self.name) reads \(epochs) epochs of \(metric.rawValue) per architecture; architecture "
                            + "\(position) has \(has): train it longer, or lower learningCurveEpochs")
                }
                let last = values[epochs - 1]
                result[proxies.count + offset].append(curveFeature == .lastTrainingLoss ? -last : last)
            }
        }
        return result
    }

    /// The feature rows [standardised extra columns | encoding], NASLib's column order.
    private func designMatrix(_ encoded: EncodedArchitectures, extra: [[Double]]) -> EncodedArchitectures {
        let width = columns.count + encoded.columnCount
        var values: [Float] = []
        values.reserveCapacity(encoded.rowCount * width)
        for row in 0..<encoded.rowCount {
            for (column, standardization) in columns.enumerated() {
                values.append(standardization.standardized(extra[column][row]))
            }
            let start = row * encoded.columnCount
            values.append(contentsOf: encoded.values[start..<(start + encoded.columnCount)])
        }
        return EncodedArchitectures(values: values, rowCount: encoded.rowCount, columnCount: width)
    }
}
