import Foundation
import NASCore
import NASRunner
import NASSpaces
import TabularBenchmarks
import Testing
import _TestSupport

/// Black-box search on the NATS-Bench size space over a table of real trainings.
///
/// The rows were trained by NASKit's engine (`nasrun tabulate --space size --architectures sample:12:0 --epochs 2
/// --resolution 8 --training-images 60 --validation-images 40 --test-images 40 --batch-size 30 --workers 1`, debug
/// build, 5 min 14 s) and are written here as `nasrun tabulate-merge` writes them (dataset `fashion-mnist`,
/// `valid_accuracy` and `test_accuracy` in percent after each epoch, cumulative training seconds): NASRunnerTests
/// cannot train (it does not link Tabulation), and so few images keep the accuracies near chance, which is enough
/// to test the runner. The table covers 12 of the 32,768 networks, so the runner searches the space of its rows.
@Suite("Search on the size space")
struct SizeSearchTests {
    struct Row {
        let text: String
        let valid: [Double]
        let test: [Double]
        let seconds: [Double]
        let parameters: Double

        init(_ text: String, valid: [Double], test: [Double], seconds: [Double], parameters: Double) {
            (self.text, self.valid, self.test, self.seconds, self.parameters) = (text, valid, test, seconds, parameters)
        }
    }

    /// The 12 trainings, in dense-index order as the merge writes them.
    static let rows: [Row] = [
        Row("8:32:40:40:56", valid: [10, 10], test: [10, 10], seconds: [5.7, 14.5], parameters: 242098),
        Row("16:24:8:64:64", valid: [10, 12.5], test: [5, 12.5], seconds: [7.3, 15.4], parameters: 254426),
        Row("16:24:32:32:8", valid: [10, 10], test: [10, 10], seconds: [13.0, 32.5], parameters: 89978),
        Row("16:40:8:40:8", valid: [17.5, 17.5], test: [15, 15], seconds: [3.1, 5.5], parameters: 66490),
        Row("16:40:40:56:24", valid: [5, 10], test: [2.5, 10], seconds: [10.5, 16.3], parameters: 197738),
        Row("24:16:32:48:16", valid: [10, 10], test: [12.5, 15], seconds: [3.7, 7.3], parameters: 128578),
        Row("24:32:32:64:8", valid: [10, 10], test: [10, 10], seconds: [4.4, 9.1], parameters: 159106),
        Row("24:56:40:16:56", valid: [10, 12.5], test: [7.5, 12.5], seconds: [15.0, 50.0], parameters: 266370),
        Row("32:16:56:56:32", valid: [10, 20], test: [10, 17.5], seconds: [18.6, 24.9], parameters: 278890),
        Row("40:32:56:8:24", valid: [10, 12.5], test: [10, 12.5], seconds: [8.2, 14.6], parameters: 239250),
        Row("48:64:32:32:48", valid: [12.5, 15], test: [12.5, 12.5], seconds: [18.3, 41.9], parameters: 351610),
        Row("48:64:48:48:56", valid: [15, 20], test: [17.5, 25], seconds: [8.6, 26.6], parameters: 474746),
    ]

    /// The table in NASKit's schema, as `nasrun tabulate-merge` builds it from the rows.
    static func table() throws -> TabularBenchmark {
        let source = "NASKit tabulation (SizeSearchTests' rows)"
        func curve(_ name: String, _ unit: String, _ direction: TabularMetric.Direction?, _ values: (Row) -> [Double])
            -> TabularMetricValues
        {
            TabularMetricValues(
                metric: TabularMetric(
                    name: name, dataset: "fashion-mnist", unit: unit, description: name, source: source,
                    epochs: [1, 2], epochMeaning: .curve, direction: direction),
                values: rows.flatMap(values))
        }
        let space = SizeSpace()
        return try TabularBenchmark(
            name: "size-fashion-mnist.h5",
            metadata: TabularMetadata(
                space: "size", description: "12 size-space networks trained on Fashion-MNIST at 8x8", source: source,
                sourceFile: "tabulation.json", sourceSHA256: "none", importCommand: "SizeSearchTests"),
            architectures: rows.map(\.text),
            sourceIndices: try rows.map { space.index(of: try space.parse($0.text)) },
            datasetDescriptions: ["fashion-mnist": "Fashion-MNIST, 60 training, 40 validation, 40 test images"],
            metrics: [
                curve("valid_accuracy", "%", .maximize, \.valid),
                curve("test_accuracy", "%", .maximize, \.test),
                curve(TabularSchema.trainingTimeMetric, "s", nil, \.seconds),
                TabularMetricValues(
                    metric: TabularMetric(
                        name: "parameters", dataset: "fashion-mnist", unit: "count", description: "parameters",
                        source: source),
                    values: rows.map(\.parameters)),
            ])
    }

    /// Runs `optimizer` for `queries` queries with `seed` on the table at `path`, in memory.
    static func search(
        _ optimizer: String, seed: UInt64, queries: Int, table path: String, hyperparameters: [String: String] = [:]
    ) throws -> RunResult {
        let configuration = try SearchRequest(
            space: "size", optimizer: optimizer, table: path, hyperparameters: hyperparameters,
            budget: .queries(queries), seed: seed
        ).resolved()
        var tables = TableCache()
        let outcome = try SearchRunner.run(configuration, directory: nil, resume: false, tables: &tables)
        return try #require(outcome.result)
    }

    @Test("the size space's defaults: fashion-mnist, valid_accuracy searched, test_accuracy reported")
    func defaults() throws {
        let configuration = try SearchRequest(space: "size", optimizer: "random-search", budget: .queries(1), seed: 0)
            .resolved()
        #expect(configuration.table == "data/tables/size-fashion-mnist.h5")
        #expect(configuration.dataset == "fashion-mnist")
        #expect(configuration.objective == "valid_accuracy")
        #expect(configuration.reportedMetric == "test_accuracy")
    }

    @Test("random search and regularized evolution propose only the table's networks, the same for the same seed")
    func searches() throws {
        let directory = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        let path = directory.file("size-fashion-mnist.h5")
        try Self.table().write(to: path)
        let texts = Set(Self.rows.map(\.text))
        for optimizer in ["random-search", "regularized-evolution"] {
            let result = try Self.search(optimizer, seed: 3, queries: 30, table: path)
            #expect(result.trajectory.count == 30)
            #expect(result.trajectory.allSatisfy { texts.contains($0.architecture) })
            // The oracle is the table's best test accuracy: 48:64:48:48:56's 25% after 2 epochs.
            #expect(result.oracle.value == 25)
            #expect(result.oracle.architecture == "48:64:48:48:56")
            #expect(result.costUnit == "seconds")
            #expect(try Self.search(optimizer, seed: 3, queries: 30, table: path) == result)
            #expect(try Self.search(optimizer, seed: 4, queries: 30, table: path).trajectory != result.trajectory)
        }
    }

    @Test("a size-space run stopped after 7 queries and resumed writes the same run.json as an uninterrupted run")
    func resume() throws {
        let directory = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        let path = directory.file("size-fashion-mnist.h5")
        try Self.table().write(to: path)
        let configuration = try SearchRequest(
            space: "size", optimizer: "regularized-evolution", table: path, budget: .queries(20), seed: 5
        ).resolved()
        var tables = TableCache()
        let (whole, parts) = (directory.file("whole"), directory.file("parts"))
        _ = try SearchRunner.run(configuration, directory: whole, resume: false, tables: &tables)
        let stopped = try SearchRunner.run(
            configuration, directory: parts, resume: false, tables: &tables, stopAfterQueries: 7)
        #expect(stopped.result == nil)
        let resumed = try SearchRunner.run(configuration, directory: parts, resume: true, tables: &tables)
        #expect(resumed.resumedAfter == 7)
        let first = try #require(FileManager.default.contents(atPath: whole + "/run.json"))
        #expect(first == FileManager.default.contents(atPath: parts + "/run.json"))
    }

    /// Every optimizer for 12 queries, the table's size (local search stops once every network is queried).
    /// BANANAS's default encoding is the path encoding, which the size space does not have: it is given the
    /// one-hot encoding. The multi-fidelity optimizers use the table's epochs 1 and 2.
    @Test("every black-box optimizer runs on the size table and proposes only its networks", arguments: OptimizerChoice.allCases)
    func everyOptimizer(optimizer: OptimizerChoice) throws {
        let directory = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        let path = directory.file("size-fashion-mnist.h5")
        try Self.table().write(to: path)
        let texts = Set(Self.rows.map(\.text))
        let hyperparameters = optimizer == .bananas ? ["encoding": "one-hot"] : [:]
        let result = try Self.search(
            optimizer.rawValue, seed: 1, queries: 12, table: path, hyperparameters: hyperparameters)
        #expect(result.trajectory.count == 12)
        #expect(result.trajectory.allSatisfy { texts.contains($0.architecture) })
    }
}
