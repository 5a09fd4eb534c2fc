import Foundation
import NASSpaces
import TabularBenchmarks
import Tabulation
import Testing
import _TestSupport

/// `nasrun tabulate`'s library on real Fashion-MNIST, at a size a debug test can train: 4 sampled NB201 cells,
/// 2 epochs, 8x8 images, 4 stem channels, one cell per stage, 200 training, 100 validation and 200 test images.
@Suite(
    "Tabulation", .serialized,
    .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist"), "needs Scripts/setup.sh"))
struct TabulationTests {
    static let specification = TabulationSpecification(
        architectures: .sample(count: 4, seed: 3), seeds: [0], epochs: 2, resolution: 8, stemChannels: 4,
        cellsPerStage: 1, trainingImages: 200, validationImages: 100, testImages: 200, batchSize: 50, learningRate: 0.1)
    static let data = Result { try TabulationData(specification) }

    @Test("the plan is a seeded sample whose prefixes are the smaller samples, split into disjoint shards and workers")
    func plan() {
        let plan = TabulationPlan(Self.specification)
        #expect(plan.architectureIndices.count == 4)
        #expect(plan.architectureIndices == plan.architectureIndices.sorted())
        #expect(TabulationPlan(Self.specification) == plan)
        var larger = Self.specification
        larger.architectures = .sample(count: 50, seed: 3)
        let largerPlan = TabulationPlan(larger)
        #expect(Array(largerPlan.items.prefix(4)) == plan.items)  // trained first, so an early stop is a sample
        #expect(largerPlan.items.map(\.architectureIndex) != largerPlan.architectureIndices)  // not in index order
        let parts = (0..<2).flatMap { shard in (0..<2).flatMap { plan.items(shard: shard, of: 2, worker: $0, of: 2) } }
        #expect(parts.count == plan.items.count)
        #expect(Set(parts) == Set(plan.items))
    }

    @Test("a killed tabulation keeps its rows and trains only what is missing; shards merge into the same table")
    func resumeAndShards() throws {
        let data = try Self.data.get()
        let whole = TemporaryDirectory()
        let directory = try TabulationDirectory.create(at: whole.path, for: Self.specification)
        #expect(try TabulationWorker.run(directory, limit: 2, data: data) == 2)  // as if killed after two rows
        #expect(try TabulationWorker.run(directory, data: data) == 2)  // the rest, nothing twice
        #expect(try TabulationWorker.run(directory, data: data) == 0)
        let table = try TabulationMerge.table(of: [directory], command: "test")

        let first = TemporaryDirectory()
        let second = TemporaryDirectory()
        let shards = try [first, second].map { try TabulationDirectory.create(at: $0.path, for: Self.specification) }
        for (shard, shardDirectory) in shards.enumerated() {
            try TabulationWorker.run(shardDirectory, shard: shard, of: 2, data: data)
        }
        let missing = #expect(throws: TabulationError.self) { try TabulationMerge.table(of: [shards[0]], command: "test") }
        #expect(missing?.message == "2 of 4 trainings have no row yet; run nasrun tabulate on the missing shards (it trains only what is missing), then merge again")
        let merged = try TabulationMerge.table(of: shards, command: "test")
        #expect(merged.architectures == table.architectures)
        #expect(merged.sourceIndices == TabulationPlan(Self.specification).architectureIndices)
        // Training is deterministic: every metric but the wall time is equal bit for bit.
        for metric in table.metrics where metric.name != TabularSchema.trainingTimeMetric {
            for epoch in metric.epochs ?? [0] {
                let column = try table.column(metric: metric.name, dataset: "fashion-mnist", epoch: metric.epochs == nil ? nil : epoch)
                let mergedColumn = try merged.column(metric: metric.name, dataset: "fashion-mnist", epoch: metric.epochs == nil ? nil : epoch)
                for row in 0..<table.rowCount { #expect(table[column, row] == merged[mergedColumn, row]) }
            }
        }

        // The table in the HDF5 schema, read back, serves as a multi-fidelity benchmark.
        let path = whole.file("table.h5")
        try table.write(to: path)
        let reopened = try TabularBenchmark.open(path: path, space: "nb201")
        #expect(reopened.datasets == ["fashion-mnist"])
        #expect(try reopened.metrics(in: "fashion-mnist").map(\.name) == [
            "multiply_adds", "parameters", "test_accuracy", "train_accuracy", "train_loss", "train_time", "valid_accuracy",
        ])
        #expect(try reopened.metric("valid_accuracy", dataset: "fashion-mnist").epochs == [1, 2])
        let index = try TableIndex(table: reopened, space: NB201Space())
        let evaluator = try TabularEvaluator(
            index: index, dataset: "fashion-mnist", objective: "valid_accuracy", reportedMetrics: ["test_accuracy"])
        #expect(evaluator.fidelities == [1, 2])
        let cell = NB201Space().architecture(at: try #require(reopened.sourceIndices?.first))
        let evaluation = try evaluator.evaluate(cell, fidelity: 1)
        #expect(evaluation.costUnit == "seconds")
        #expect(evaluation.metrics["test_accuracy"].map { $0 >= 0 && $0 <= 100 } == true)

        // A prefix of the sample merges on its own, as the smaller sample's table: the same rows, bit for bit.
        var smaller = Self.specification
        smaller.architectures = .sample(count: 2, seed: 3)
        let prefix = try TabulationMerge.table(of: [directory], command: "test", prefix: 2)
        #expect(prefix.sourceIndices == TabulationPlan(smaller).architectureIndices)
        let wholeColumn = try table.column(metric: "test_accuracy", dataset: "fashion-mnist", epoch: 2)
        let prefixColumn = try prefix.column(metric: "test_accuracy", dataset: "fashion-mnist", epoch: 2)
        for (row, index) in try #require(prefix.sourceIndices).enumerated() {
            let wholeRow = try #require(table.sourceIndices?.firstIndex(of: index))
            #expect(prefix[prefixColumn, row] == table[wholeColumn, wholeRow])
        }
        #expect(throws: TabulationError("the prefix must lie between 1 and the sample's 4 architectures (got 5)")) {
            try TabulationMerge.table(of: [directory], command: "test", prefix: 5)
        }
        for temporary in [whole, first, second] { try? FileManager.default.removeItem(atPath: temporary.path) }
    }

    @Test("a directory of another tabulation and invalid specifications are refused with the fix")
    func refusals() throws {
        let temporary = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary.path) }
        _ = try TabulationDirectory.create(at: temporary.path, for: Self.specification)
        var other = Self.specification
        other.epochs = 3
        let error = #expect(throws: TabulationError.self) { try TabulationDirectory.create(at: temporary.path, for: other) }
        #expect(error?.message == "\(temporary.path)/tabulation.json describes another tabulation (epochs 2, asked 3); repeat its options to continue it, or choose another --output")
        var wrongSpace = Self.specification
        wrongSpace.space = "nb101"
        #expect(throws: TabulationError("tabulate builds networks for nb201 and size only (got space 'nb101')")) {
            try wrongSpace.validate()
        }
    }
}
