import Datasets
import Foundation
import NASSpaces
import Seeding
import TabularBenchmarks

/// Trains a seeded uniform sample of NAS-Bench-Graph architectures, and the benchmark's best ones, on one
/// Planetoid graph, writing one JSON line per architecture to `<directory>/rows.jsonl` as it finishes, so a run
/// that is stopped resumes where it was and loses only the architecture in training.
///
/// The sample is `sampleSize` distinct dense indices of ``GraphSpace`` (26,206 architectures) drawn by a seeded
/// shuffle (`Xoshiro256(seed: StableHash.derive(seed:, "graph sample"))`); the best are the `topCount` rows of the
/// table with the highest recorded test accuracy (ties by index). Every architecture trains with the run's seed.
/// `<directory>/configuration.json` records what the run was asked; a rerun with other settings is refused.
public struct GraphSampleExperiment: Sendable {
    /// What a run is: written to `configuration.json` and compared on resume.
    public struct Settings: Hashable, Codable, Sendable {
        /// The dataset's name.
        public var dataset: String
        /// The number of sampled architectures.
        public var sampleSize: Int
        /// The number of the benchmark's best architectures also trained.
        public var topCount: Int
        /// The seed of the sample and of every training.
        public var seed: UInt64
        /// The training recipe.
        public var training: GraphTrainingConfiguration
    }

    /// The settings.
    public let settings: Settings
    /// The trainer (graph and recipe).
    public let trainer: GraphTrainer
    /// The benchmark's recorded validation and test accuracy of every row, on this dataset.
    let recorded: (valid: [Double], test: [Double])

    /// Prepares a run.
    ///
    /// - Parameters:
    ///   - trainer: the graph and the recipe.
    ///   - table: NAS-Bench-Graph's table (`graph.h5`), whose rows are ``GraphSpace``'s dense indices.
    ///   - sampleSize: architectures to sample, at most the space's size.
    ///   - topCount: the benchmark's best architectures to train too.
    ///   - seed: the seed of the sample and the trainings.
    /// - Throws: ``TabulationError`` when the table has no accuracy columns for the graph's dataset or a
    ///   different number of rows than the space.
    public init(
        trainer: GraphTrainer, table: TabularBenchmark, sampleSize: Int, topCount: Int = 5, seed: UInt64
    ) throws(TabulationError) {
        let space = GraphSpace()
        let dataset = trainer.graph.name
        guard table.rowCount == space.architectureCount else {
            throw TabulationError(
                "\(table.name) has \(table.rowCount) rows, but the graph space has \(space.architectureCount); "
                    + "pass NAS-Bench-Graph's graph.h5 (Scripts/setup.sh builds it)")
        }
        guard (0...space.architectureCount).contains(sampleSize), topCount >= 0 else {
            throw TabulationError(
                "--sample must be in 0...\(space.architectureCount) and the top count non-negative, got \(sampleSize) and \(topCount)")
        }
        do {
            let valid = try table.column(metric: "valid_accuracy", dataset: dataset)
            let test = try table.column(metric: "test_accuracy", dataset: dataset)
            recorded = (
                (0..<table.rowCount).map { table[valid, $0] }, (0..<table.rowCount).map { table[test, $0] }
            )
        } catch {
            throw TabulationError("\(table.name) cannot be read for \(dataset): \(error.message)")
        }
        self.trainer = trainer
        settings = Settings(
            dataset: dataset, sampleSize: sampleSize, topCount: topCount, seed: seed,
            training: trainer.configuration)
    }

    /// The architectures to train, in order: the sample, then the benchmark's best.
    public var plan: [(role: GraphSampleRow.Role, index: Int)] {
        var indices = Array(0..<GraphSpace().architectureCount)
        var generator = Xoshiro256(seed: StableHash.derive(seed: settings.seed, "graph sample"))
        indices.seededShuffle(using: &generator)
        let best = recorded.test.indices.sorted {
            recorded.test[$0] != recorded.test[$1] ? recorded.test[$0] > recorded.test[$1] : $0 < $1
        }
        return indices.prefix(settings.sampleSize).map { (GraphSampleRow.Role.sample, $0) }
            + best.prefix(settings.topCount).map { (GraphSampleRow.Role.top, $0) }
    }

    /// Trains every planned architecture that `directory` has no row for, appending each row as it finishes.
    ///
    /// - Parameters:
    ///   - directory: the run's directory, created if needed.
    ///   - progress: called after each architecture with the row, how many are done and the plan's size.
    /// - Returns: all rows of the plan, in plan order.
    /// - Throws: ``TabulationError`` when the directory holds a run with other settings, or a file cannot be
    ///   read or written.
    public func run(
        directory: String, progress: (GraphSampleRow, Int, Int) -> Void = { _, _, _ in }
    ) throws(TabulationError) -> [GraphSampleRow] {
        let log = GraphSampleLog(directory: directory)
        try log.prepare(settings: settings)
        var done = try log.readRows()
        let plan = plan
        let space = GraphSpace()
        for (position, item) in plan.enumerated() {
            let key = GraphSampleLog.Key(role: item.role, index: item.index)
            if done[key] != nil { continue }
            let result = trainer.train(space.architecture(at: item.index), seed: settings.seed)
            let row = GraphSampleRow(
                role: item.role, index: item.index, result: result,
                benchmarkValidAccuracy: recorded.valid[item.index], benchmarkTestAccuracy: recorded.test[item.index])
            try log.append(row)
            done[key] = row
            progress(row, position + 1, plan.count)
        }
        return plan.compactMap { done[GraphSampleLog.Key(role: $0.role, index: $0.index)] }
    }
}
