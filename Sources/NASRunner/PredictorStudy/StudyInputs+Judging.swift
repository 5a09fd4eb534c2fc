import NASCore
import Predictors
import Seeding
import TabularBenchmarks

/// What the study gives predictors beyond the encodings and the table's final values: partial learning curves
/// and zero-cost scores, read once per study for the predictors that declared them.
struct StudyInputs<Space: EnumerableSearchSpace> {
    /// The space.
    let space: Space
    /// The table's architectures by row.
    let architectures: [Space.Architecture]
    /// The curves of each query budget (epochs read), when a learning-curve predictor or OMNI was asked for.
    let curves: [Int: StudyCurves]
    /// The epoch predicted.
    let targetEpoch: Int
    /// The zero-cost scores, when a zero-cost predictor or OMNI was asked for.
    let scores: StudyProxyScores?
    /// OMNI's proxies.
    let omniProxies: [ZeroCostProxy]

    /// Reads what the settings' predictors declared they need, refusing what the table or files cannot supply.
    ///
    /// - Throws: ``RunError`` naming the predictor, the missing data and where it comes from.
    static func read(
        _ settings: PredictorStudy.Settings, table: TabularBenchmark, architectures: [Space.Architecture], space: Space
    ) throws(RunError) -> StudyInputs {
        let targetEpoch: Int
        do {
            targetEpoch = try table.metric(settings.metric, dataset: settings.dataset).epochs?.last ?? Int.max
        } catch {
            throw RunError(error.message)
        }
        let readers = settings.predictors.filter { $0.family == .learningCurve || $0.family == .omni }
        var curves: [Int: StudyCurves] = [:]
        if let reader = readers.first {
            guard !settings.curveEpochs.isEmpty else {
                throw RunError(
                    "\(reader.rawValue) reads a partial learning curve of every architecture; give --curve-epochs K, "
                        + "the epochs it may read")
            }
            for predictor in readers where predictor.family == .learningCurve {
                if let budget = settings.curveEpochs.first(where: { $0 < predictor.minimumCurveEpochs }) {
                    throw RunError(
                        "\(predictor.rawValue) fits its curve models to at least \(predictor.minimumCurveEpochs) "
                            + "epochs; the query budget \(budget) in --curve-epochs is too short: give budgets of at "
                            + "least \(predictor.minimumCurveEpochs), or leave \(predictor.rawValue) out")
                }
            }
            for epochs in settings.curveEpochs {
                curves[epochs] = try StudyCurves.read(
                    table, dataset: settings.dataset, epochs: epochs, targetEpoch: targetEpoch,
                    reader: reader.rawValue)
            }
        }
        var proxies = settings.predictors.compactMap(\.proxy)
        if settings.predictors.contains(.omni) { proxies += settings.omniProxies.filter { !proxies.contains($0) } }
        var scores: StudyProxyScores?
        if !proxies.isEmpty {
            let reader = settings.predictors.first { $0.family == .zeroCost || $0.family == .omni }!
            scores = try StudyProxyScores.read(
                settings.proxyScores, proxies: proxies, indices: architectures.map(space.index(of:)),
                reader: reader.rawValue)
        }
        return StudyInputs(
            space: space, architectures: architectures, curves: curves, targetEpoch: targetEpoch, scores: scores,
            omniProxies: settings.omniProxies)
    }

    /// Judges a zero-cost proxy's scores on the `test` rows (its time is `nasrun proxies`'s).
    func judgeProxy(_ predictor: PredictorChoice, test: [Int], truth: [Double]) throws(RunError)
        -> (Double, Double, Double, Double)
    {
        guard let proxy = predictor.proxy, let scores = scores?.scores[proxy] else {
            preconditionFailure("scores are read for every zero-cost predictor")
        }
        return StudyJudgement.correlations(test.map { scores[$0] }, truth)
    }

    /// Judges a learning-curve predictor reading `epochs` epochs on the `test` rows.
    ///
    /// - Returns: the correlations and the query seconds per architecture: the time to score the curve plus the
    ///   training seconds to the curve's last epoch read (the table's `train_time`, as White et al. count a
    ///   learning-curve query).
    func judgeCurves(_ predictor: PredictorChoice, epochs: Int, test: [Int], truth: [Double]) throws(RunError)
        -> ((Double, Double, Double, Double), Double)
    {
        guard let curves = curves[epochs] else { preconditionFailure("curves are read for every budget") }
        let reader = predictor.learningCurvePredictor(epochs: epochs)
        let start = MonotonicClock.seconds()
        let predictions: [Prediction]
        do {
            predictions = try reader.predict(
                curves: test.map { curves.curves[$0] }, targetEpoch: targetEpoch)
        } catch {
            throw RunError(error.message)
        }
        let elapsed = (MonotonicClock.seconds() - start) / Double(test.count)
        let training = curves.seconds.map { seconds in test.reduce(0) { $0 + seconds[$1] } / Double(test.count) } ?? 0
        return (StudyJudgement.correlations(predictions.map(\.mean), truth), elapsed + training)
    }

    /// Fits OMNI reading `epochs` epochs of curve on the `training` rows and judges it on the `test` rows.
    ///
    /// - Returns: the correlations, the fit seconds and the query seconds per architecture (with the training
    ///   seconds of the curve read, as for learning-curve predictors).
    func judgeOmni(epochs: Int, training: [Int], targets: [Double], test: [Int], truth: [Double], fitSeed: UInt64)
        throws(RunError) -> ((Double, Double, Double, Double), Double, Double)
    {
        var configuration = OmniConfiguration()
        configuration.proxies = omniProxies
        configuration.learningCurveEpochs = epochs
        let curves = curves[epochs]
        var omni = OmniPredictor<Space>(configuration: configuration)
        func features(_ rows: [Int]) -> [OmniFeatures] {
            rows.map { row in
                OmniFeatures(
                    zeroCostScores: omniProxies.map { scores!.scores[$0]![row] }, curve: curves?.curves[row])
            }
        }
        var rng = Xoshiro256(seed: fitSeed)
        let (correlations, fitSeconds, querySeconds) = try StudyJudgement.timed(
            fit: { () throws(SearchError) in
                try omni.fit(
                    training.map { architectures[$0] }, targets: targets, features: features(training), in: space,
                    using: &rng)
            },
            predict: { () throws(SearchError) in
                try omni.predict(test.map { architectures[$0] }, features: features(test), in: space)
            }, truth: truth)
        let training = curves?.seconds.map { seconds in test.reduce(0) { $0 + seconds[$1] } / Double(test.count) } ?? 0
        return (correlations, fitSeconds, querySeconds + training)
    }
}
