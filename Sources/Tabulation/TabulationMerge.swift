import Foundation
import TabularBenchmarks

/// Merges the rows of one or more tabulation directories (shards made on other machines) into a tabular
/// benchmark in NASKit's HDF5 schema: per-epoch curves of training loss, training, validation and test accuracy
/// and cumulative training time, the mean over the training seeds, plus parameters and multiply-adds.
public enum TabulationMerge {
    /// The dataset name of the merged table's metrics.
    static func datasetName(_ specification: TabulationSpecification) -> String { specification.dataset }

    /// Builds the table of `directories` (every item of the plan must have a row in one of them).
    ///
    /// - Parameters:
    ///   - prefix: Merge only the first `prefix` architectures of the directories' sample: the table that
    ///     `sample:<prefix>:<seed>` would have given (the same trainings, bit for bit), for a tabulation stopped
    ///     early. `nil`: the whole plan.
    /// - Throws: ``TabulationError`` for directories of different specifications, a prefix that is not one of a
    ///   sample, missing rows (counting them and saying how to train them), or a damaged row.
    public static func table(of directories: [TabulationDirectory], command: String, prefix: Int? = nil)
        throws(TabulationError) -> TabularBenchmark
    {
        guard let first = directories.first else {
            throw TabulationError("no tabulation directories to merge; give at least one")
        }
        for other in directories.dropFirst() where other.specification != first.specification {
            throw TabulationError(
                "\(other.path) is another tabulation than \(first.path) ("
                    + other.specification.differences(from: first.specification).joined(separator: "; ")
                    + "); merge only shards of one tabulation")
        }
        var specification = first.specification
        var checksum = first.specificationChecksum
        if let prefix {
            guard case .sample(let count, let seed) = specification.architectures else {
                throw TabulationError(
                    "\(first.path) tabulates all architectures, not a sample; merge a prefix only of a sample:N:SEED "
                        + "tabulation, or merge without one")
            }
            guard (1...count).contains(prefix) else {
                throw TabulationError(
                    "the prefix must lie between 1 and the sample's \(count) architectures (got \(prefix))")
            }
            specification.architectures = .sample(count: prefix, seed: seed)
            checksum = TabulationDirectory.checksum(of: specification)
        }
        let plan = TabulationPlan(specification)
        var rows: [TabulationPlan.Item: TabulatedRow] = [:]
        var missing = 0
        for item in plan.items {
            guard let directory = directories.first(where: { $0.hasRow(item) }) else {
                missing += 1
                continue
            }
            let row = try TabulatedRow.read(from: directory.rowPath(of: item))
            guard row.architectureIndex == item.architectureIndex, row.seed == item.seed,
                row.epochs.count == specification.epochs
            else {
                throw TabulationError(
                    "\(directory.rowPath(of: item)) does not hold \(specification.epochs) epochs of architecture "
                        + "\(item.architectureIndex) with seed \(item.seed); remove it to train it again")
            }
            rows[item] = row
        }
        guard missing == 0 else {
            throw TabulationError(
                "\(missing) of \(plan.items.count) trainings have no row yet; run nasrun tabulate on the missing "
                    + "shards (it trains only what is missing), then merge again")
        }
        return try build(specification: specification, plan: plan, rows: rows, checksum: checksum, command: command)
    }

    private static func build(
        specification: TabulationSpecification, plan: TabulationPlan, rows: [TabulationPlan.Item: TabulatedRow],
        checksum: String, command: String
    ) throws(TabulationError) -> TabularBenchmark {
        let dataset = datasetName(specification)
        let epochs = Array(1...specification.epochs)
        let seeds = specification.seeds
        var texts: [String] = []
        var curves: [String: [Double]] = [:]
        var parameters: [Double] = []
        var multiplyAdds: [Double] = []
        for index in plan.architectureIndices {
            let trainings = seeds.map { rows[TabulationPlan.Item(architectureIndex: index, seed: $0)]! }
            texts.append(trainings[0].architecture)
            parameters.append(Double(trainings[0].parameters))
            multiplyAdds.append(Double(trainings[0].multiplyAdds))
            func mean(_ value: (TabulatedRow.EpochRecord) -> Double) -> [Double] {
                epochs.indices.map { epoch in
                    trainings.reduce(0) { $0 + value($1.epochs[epoch]) } / Double(trainings.count)
                }
            }
            curves["train_loss", default: []] += mean(\.trainLoss)
            curves["train_accuracy", default: []] += mean { 100 * $0.trainAccuracy }
            curves["valid_accuracy", default: []] += mean { 100 * $0.validationAccuracy }
            curves["test_accuracy", default: []] += mean { 100 * $0.testAccuracy }
            // Cumulative training seconds to each epoch: what training to that epoch costs.
            var cumulative = 0.0
            let perEpoch = mean(\.seconds)
            curves[TabularSchema.trainingTimeMetric, default: []] += perEpoch.map { cumulative += $0; return cumulative }
        }
        let source = "NASKit tabulation, specification SHA-256 \(checksum)"
        let seedText = "mean over training seeds \(seeds.map(String.init).joined(separator: ", "))"
        func curve(_ name: String, _ unit: String, _ what: String, _ direction: TabularMetric.Direction?)
            -> TabularMetricValues
        {
            TabularMetricValues(
                metric: TabularMetric(
                    name: name, dataset: dataset, unit: unit, description: "\(what), \(seedText)", source: source,
                    epochs: epochs, epochMeaning: .curve, direction: direction),
                values: curves[name]!)
        }
        let metrics = [
            curve("train_loss", "nats", "mean cross-entropy over the epoch's training minibatches", .minimize),
            curve("train_accuracy", "%", "accuracy on the training images during the epoch", .maximize),
            curve("valid_accuracy", "%", "accuracy on the validation images after the epoch", .maximize),
            curve(
                "test_accuracy", "%", "accuracy on \(specification.testImages) test images after the epoch", .maximize),
            curve(TabularSchema.trainingTimeMetric, "s", "wall seconds of training to the epoch (2-core machine)", nil),
            TabularMetricValues(
                metric: TabularMetric(
                    name: "parameters", dataset: dataset, unit: "count", description: "trainable parameters",
                    source: source),
                values: parameters),
            TabularMetricValues(
                metric: TabularMetric(
                    name: "multiply_adds", dataset: dataset, unit: "count",
                    description: "multiply-adds for one image at \(specification.resolution)x\(specification.resolution)",
                    source: source),
                values: multiplyAdds),
        ]
        let networks = try TabulatedSpace(name: specification.space).networkDescription(specification)
        let description =
            networks + ", \(specification.epochs) epochs of SGD (Nesterov 0.9, weight decay 5e-4, cosine from "
            + "\(specification.learningRate), batch \(specification.batchSize)), \(specification.trainingImages) "
            + "training and \(specification.validationImages) validation images of the training split, "
            + "\(specification.testImages) test images"
        do {
            return try TabularBenchmark(
                name: "tabulation", metadata: TabularMetadata(
                    space: specification.space, description: description, source: source,
                    sourceFile: TabulationDirectory.specificationFile, sourceSHA256: checksum, importCommand: command),
                architectures: texts, sourceIndices: plan.architectureIndices,
                datasetDescriptions: [
                    dataset: "Fashion-MNIST (Debian dataset-fashion-mnist), \(specification.trainingImages) training / "
                        + "\(specification.validationImages) validation images drawn stratified from the training "
                        + "split (seeds 0 and 1), the first \(specification.testImages) test images"
                ],
                metrics: metrics)
        } catch {
            throw TabulationError(error.message)
        }
    }
}
