import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding
import TabularBenchmarks

/// White et al.'s predictor study ("How Powerful are Performance Predictors in Neural Architecture Search?",
/// NeurIPS 2021) on a tabular benchmark: each predictor is judged on a held-out test set by Kendall's τ,
/// Spearman's ρ, Pearson's r and precision at the top 10%, with its fit and query times. Model-based predictors
/// and OMNI are fitted on seeded training sets of several sizes; learning-curve predictors read the first
/// `curveEpochs` epochs of each test architecture's curve and zero-cost proxies their precomputed scores, neither
/// using the training set (their row is the same at every size).
///
/// For seed s, the table's rows are shuffled by `StableHash.derive(seed: s, "predictor study")`; the first
/// `testSize` rows are the test set, the next `max(trainingSizes)` the training pool, whose first n rows train the
/// predictor at size n (so the training sets are nested and the test set is the same for every size and
/// predictor). The predictor's own randomness comes from `StableHash.derive(seed: s, "predictor fit n")`.
public struct PredictorStudy: Sendable {
    /// The study's settings.
    public struct Settings: Hashable, Codable, Sendable {
        /// The space (`"nb201"` or `"graph"`).
        public var space: String
        /// The table file.
        public var table: String
        /// The dataset.
        public var dataset: String
        /// The metric predicted (the table's final value).
        public var metric: String
        /// The predictors.
        public var predictors: [PredictorChoice]
        /// The training-set sizes.
        public var trainingSizes: [Int]
        /// The test-set size.
        public var testSize: Int
        /// The seeds.
        public var seeds: [UInt64]
        /// The query budgets of the learning-curve predictors and OMNI: the epochs of partial learning curve they
        /// read, each judged separately (empty when none is asked for).
        public var curveEpochs: [Int]
        /// The CSV file of zero-cost scores (`nasrun proxies --output`) the zero-cost predictors and OMNI read.
        public var proxyScores: String?
        /// The proxies whose scores OMNI adds to the encoding.
        public var omniProxies: [ZeroCostProxy]

        /// Creates settings.
        public init(
            space: String, table: String, dataset: String, metric: String, predictors: [PredictorChoice],
            trainingSizes: [Int], testSize: Int, seeds: [UInt64], curveEpochs: [Int] = [], proxyScores: String? = nil,
            omniProxies: [ZeroCostProxy] = OmniConfiguration().proxies
        ) {
            self.space = space
            self.table = table
            self.dataset = dataset
            self.metric = metric
            self.predictors = predictors
            self.trainingSizes = trainingSizes
            self.testSize = testSize
            self.seeds = seeds
            self.curveEpochs = curveEpochs
            self.proxyScores = proxyScores
            self.omniProxies = omniProxies
        }
    }

    /// One fit and its judgement.
    public struct Record: Hashable, Codable, Sendable {
        /// The predictor.
        public var predictor: PredictorChoice
        /// The training-set size.
        public var trainingSize: Int
        /// The epochs of learning curve read (learning-curve predictors and OMNI), `nil` for the others.
        public var curveEpochs: Int?
        /// The seed of the split and of the fit.
        public var seed: UInt64
        /// Kendall's τ-b of the predicted means with the test set's values.
        public var kendallTau: Double
        /// Spearman's ρ.
        public var spearman: Double
        /// Pearson's r.
        public var pearson: Double
        /// The share of the test set's true top 10% among the predicted top 10%.
        public var precisionAtTop10Percent: Double
        /// Wall seconds of the fit.
        public var fitSeconds: Double
        /// Wall seconds of predicting one test architecture (the test set's time divided by its size), with the
        /// table's training seconds of the curve read for learning-curve predictors and OMNI.
        public var querySeconds: Double

        /// The row's name in tables and plots: the predictor, with the epochs of curve it read ("sotle@3").
        public var label: String { predictor.rawValue + (curveEpochs.map { "@\($0)" } ?? "") }

        init(
            predictor: PredictorChoice, trainingSize: Int, curveEpochs: Int?, seed: UInt64,
            correlations: (Double, Double, Double, Double), fitSeconds: Double, querySeconds: Double
        ) {
            self.predictor = predictor
            self.trainingSize = trainingSize
            self.curveEpochs = curveEpochs
            self.seed = seed
            (kendallTau, spearman, pearson, precisionAtTop10Percent) = correlations
            self.fitSeconds = fitSeconds
            self.querySeconds = querySeconds
        }
    }

    /// Runs the study.
    ///
    /// - Parameter progress: Called after each fit.
    /// - Throws: ``RunError`` for an unknown space, a table that cannot answer, sizes the table cannot supply, or a
    ///   predictor that fails.
    public static func run(_ settings: Settings, progress: (Record) -> Void = { _ in }) throws(RunError) -> [Record] {
        guard let largest = settings.trainingSizes.max(), settings.trainingSizes.allSatisfy({ $0 >= 2 }) else {
            throw RunError("give training sizes of at least 2 (got \(settings.trainingSizes))")
        }
        guard settings.testSize >= 10 else { throw RunError("the test set needs at least 10 architectures") }
        guard !settings.seeds.isEmpty else { throw RunError("give at least one seed") }
        var cache = TableCache()
        let space = try SpaceChoice.named(settings.space)
        let table = try cache.table(at: settings.table, space: space)
        guard largest + settings.testSize <= table.rowCount else {
            throw RunError(
                "\(table.name) has \(table.rowCount) architectures; a test set of \(settings.testSize) and a training "
                    + "set of \(largest) need \(largest + settings.testSize)")
        }
        switch space {
        case .nb201: return try run(settings, space: NB201Space(), table: table, progress: progress)
        case .graph: return try run(settings, space: GraphSpace(), table: table, progress: progress)
        case .graphProteins: return try run(settings, space: GraphSpace.proteins, table: table, progress: progress)
        case .size: return try run(settings, space: SizeSpace(), table: table, progress: progress)
        }
    }

    private static func run<Space: EnumerableSearchSpace>(
        _ settings: Settings, space: Space, table: TabularBenchmark, progress: (Record) -> Void
    ) throws(RunError) -> [Record] {
        let values: [Double]
        let architectures: [Space.Architecture]
        do throws(TabularBenchmarkError) {
            let index = try TableIndex(table: table, space: space)
            let column = try table.column(metric: settings.metric, dataset: settings.dataset)
            values = (0..<table.rowCount).map { table[column, $0] }
            var byRow = [Space.Architecture?](repeating: nil, count: table.rowCount)
            for position in 0..<space.architectureCount {
                let architecture = space.architecture(at: position)
                if let row = index.row(of: architecture) { byRow[row] = architecture }
            }
            architectures = byRow.compactMap { $0 }
            guard architectures.count == table.rowCount else {
                throw TabularBenchmarkError("\(table.name) has rows that are not architectures of \(space.name)")
            }
        } catch {
            throw RunError(error.message)
        }
        let inputs = try StudyInputs.read(settings, table: table, architectures: architectures, space: space)
        var records: [Record] = []
        func record(_ record: Record) {
            records.append(record)
            progress(record)
        }
        for seed in settings.seeds {
            var rows = Array(0..<table.rowCount).filter { values[$0].isFinite }
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "predictor study"))
            rows.seededShuffle(using: &generator)
            let test = Array(rows[..<settings.testSize])
            let pool = Array(rows[settings.testSize...])
            for predictor in settings.predictors {
                if predictor.family == .zeroCost {
                    // A proxy reads no training set: one judgement per seed, the same at every size.
                    let correlations = try inputs.judgeProxy(predictor, test: test, truth: test.map { values[$0] })
                    for size in settings.trainingSizes {
                        record(Record(
                            predictor: predictor, trainingSize: size, curveEpochs: nil, seed: seed,
                            correlations: correlations, fitSeconds: 0, querySeconds: 0))
                    }
                    continue
                }
                if predictor.family == .learningCurve {
                    for epochs in settings.curveEpochs {
                        let (correlations, querySeconds) = try inputs.judgeCurves(
                            predictor, epochs: epochs, test: test, truth: test.map { values[$0] })
                        for size in settings.trainingSizes {
                            record(Record(
                                predictor: predictor, trainingSize: size, curveEpochs: epochs, seed: seed,
                                correlations: correlations, fitSeconds: 0, querySeconds: querySeconds))
                        }
                    }
                    continue
                }
                for size in settings.trainingSizes {
                    if predictor.family == .omni {
                        let training = Array(pool[..<size])
                        for epochs in settings.curveEpochs {
                            let (correlations, fitSeconds, querySeconds) = try inputs.judgeOmni(
                                epochs: epochs, training: training, targets: training.map { values[$0] }, test: test,
                                truth: test.map { values[$0] },
                                fitSeed: StableHash.derive(seed: seed, "predictor fit \(size)"))
                            record(Record(
                                predictor: predictor, trainingSize: size, curveEpochs: epochs, seed: seed,
                                correlations: correlations, fitSeconds: fitSeconds, querySeconds: querySeconds))
                        }
                        continue
                    }
                    let training = Array(pool[..<size])
                    let body = StudyFit(
                        space: space, training: training.map { architectures[$0] },
                        targets: training.map { values[$0] }, test: test.map { architectures[$0] },
                        truth: test.map { values[$0] },
                        fitSeed: StableHash.derive(seed: seed, "predictor fit \(size)"))
                    let (correlations, fitSeconds, querySeconds) = try predictor.withPredictor(body)
                    record(Record(
                        predictor: predictor, trainingSize: size, curveEpochs: nil, seed: seed,
                        correlations: correlations, fitSeconds: fitSeconds, querySeconds: querySeconds))
                }
            }
        }
        return records
    }
}

/// Fits one predictor and judges it on the test set.
private struct StudyFit<Space: SearchSpace>: PredictorBody {
    let space: Space
    let training: [Space.Architecture]
    let targets: [Double]
    let test: [Space.Architecture]
    let truth: [Double]
    let fitSeed: UInt64

    func run<Predictor: PerformancePredictor>(_ predictor: Predictor) throws(RunError)
        -> ((Double, Double, Double, Double), Double, Double) where Predictor.Space == Space
    {
        var predictor = predictor
        var rng = Xoshiro256(seed: fitSeed)
        return try StudyJudgement.timed(
            fit: { () throws(SearchError) in try predictor.fit(training, targets: targets, in: space, using: &rng) },
            predict: { () throws(SearchError) in try predictor.predict(test, in: space) }, truth: truth)
    }
}

/// How the study judges predictions against the test set's values.
enum StudyJudgement {
    /// Runs `fit`, then `predict` on the test set, and judges the predicted means against `truth`.
    ///
    /// - Returns: the correlations, the fit's wall seconds and the prediction's wall seconds per test architecture.
    /// - Throws: ``RunError`` with the predictor's message if either fails.
    static func timed(
        fit: () throws(SearchError) -> Void, predict: () throws(SearchError) -> [Prediction], truth: [Double]
    ) throws(RunError) -> ((Double, Double, Double, Double), Double, Double) {
        let start = MonotonicClock.seconds()
        let predictions: [Prediction]
        let fitted: Double
        let predicted: Double
        do {
            try fit()
            fitted = MonotonicClock.seconds()
            predictions = try predict()
            predicted = MonotonicClock.seconds()
        } catch {
            throw RunError(error.message)
        }
        return (
            correlations(predictions.map(\.mean), truth), fitted - start, (predicted - fitted) / Double(truth.count)
        )
    }

    /// Kendall's τ, Spearman's ρ, Pearson's r and precision at the top 10% of `predicted` against `truth`.
    static func correlations(_ predicted: [Double], _ truth: [Double]) -> (Double, Double, Double, Double) {
        let top = max(1, truth.count / 10)
        return (
            RankCorrelation.kendallTau(predicted, truth), RankCorrelation.spearman(predicted, truth),
            RankCorrelation.pearson(predicted, truth),
            RankCorrelation.precisionAtTop(top, predicted: predicted, truth: truth)
        )
    }
}
