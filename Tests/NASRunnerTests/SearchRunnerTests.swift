import Foundation
import NASRunner
import Testing
import _TestSupport

@Suite("SearchRunner")
struct SearchRunnerTests {
    static func configuration(seed: UInt64 = 4, queries: Int = 25, optimizer: String = "random-search") throws
        -> RunConfiguration
    {
        try SearchRequest(
            space: "nb201", optimizer: optimizer, table: TestTables.path("nb201.h5"), budget: .queries(queries),
            seed: seed
        ).resolved()
    }

    @Test("a run on the NB201 table records every query, its incumbent and regret to the table's optimum")
    func records() throws {
        var tables = TableCache()
        let outcome = try SearchRunner.run(try Self.configuration(), directory: nil, resume: false, tables: &tables)
        let result = try #require(outcome.result)
        #expect(result.trajectory.count == 25)
        #expect(result.oracle.value == 94.37333333)
        // NAS-Bench-201 index 6111, the first of the two cells at 94.37333333 (13714 is the other).
        #expect(result.oracle.architecture == "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|")
        #expect(result.costUnit == "epochs")
        var best = -Double.infinity
        for record in result.trajectory {
            #expect(record.cost == 200)  // a full NB201 evaluation is charged 200 epochs
            if record.objective > best { best = record.objective }
            // Random search evaluates at full fidelity, where the objective is the reported test accuracy.
            #expect(record.objective == record.reported)
            #expect(record.incumbentReported == best)
            #expect(record.regret == 94.37333333 - best)
        }
        #expect(result.trajectory.last?.cumulativeCost == Double(25 * 200))
    }

    @Test("the same configuration gives byte-identical run.json files")
    func deterministic() throws {
        let first = TemporaryDirectory()
        let second = TemporaryDirectory()
        var tables = TableCache()
        for directory in [first, second] {
            _ = try SearchRunner.run(try Self.configuration(), directory: directory.path, resume: false, tables: &tables)
        }
        let a = try #require(FileManager.default.contents(atPath: first.path + "/run.json"))
        let b = try #require(FileManager.default.contents(atPath: second.path + "/run.json"))
        #expect(a == b)
        #expect(!FileManager.default.fileExists(atPath: first.path + "/checkpoint.json"))
        try? FileManager.default.removeItem(atPath: first.path)
        try? FileManager.default.removeItem(atPath: second.path)
    }

    @Test("a run stopped after 10 queries and resumed writes the same run.json as an uninterrupted run")
    func resume() throws {
        let whole = TemporaryDirectory()
        let parts = TemporaryDirectory()
        var tables = TableCache()
        let configuration = try Self.configuration()
        _ = try SearchRunner.run(configuration, directory: whole.path, resume: false, tables: &tables)
        let stopped = try SearchRunner.run(
            configuration, directory: parts.path, resume: false, tables: &tables, stopAfterQueries: 10)
        #expect(stopped.result == nil)
        #expect(FileManager.default.fileExists(atPath: parts.path + "/checkpoint.json"))
        // Without --resume a directory holding a run is refused.
        let refusal = #expect(throws: RunError.self) {
            try SearchRunner.run(configuration, directory: parts.path, resume: false, tables: &tables)
        }
        #expect(refusal?.message == "\(parts.path) holds an unfinished run (checkpoint.json); pass --resume to continue it, or choose another --output")
        let resumed = try SearchRunner.run(configuration, directory: parts.path, resume: true, tables: &tables)
        #expect(resumed.resumedAfter == 10)
        #expect(FileManager.default.contents(atPath: whole.path + "/run.json")
            == FileManager.default.contents(atPath: parts.path + "/run.json"))
        try? FileManager.default.removeItem(atPath: whole.path)
        try? FileManager.default.removeItem(atPath: parts.path)
    }

    @Test("--resume refuses a foreign or damaged file, and a run of another configuration, leaving them untouched")
    func refusesForeignFiles() throws {
        let directory = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        var tables = TableCache()
        let configuration = try Self.configuration()
        let foreign = Data(#"{"format": "something-else", "version": 1}"#.utf8)
        try foreign.write(to: URL(fileURLWithPath: directory.path + "/run.json"))
        let error = #expect(throws: RunError.self) {
            try SearchRunner.run(configuration, directory: directory.path, resume: true, tables: &tables)
        }
        #expect(error?.message == "\(directory.path)/run.json is not a NASKit search results file (its format is 'something-else', expected 'naskit-search-run'); it was left untouched")
        #expect(FileManager.default.contents(atPath: directory.path + "/run.json") == foreign)

        let damaged = Data("{\"format\": \"naskit-search-run\", \"version\": 1, \"trajec".utf8)
        try damaged.write(to: URL(fileURLWithPath: directory.path + "/run.json"))
        #expect(throws: RunError.self) {
            try SearchRunner.run(configuration, directory: directory.path, resume: true, tables: &tables)
        }
        #expect(FileManager.default.contents(atPath: directory.path + "/run.json") == damaged)

        try FileManager.default.removeItem(atPath: directory.path + "/run.json")
        _ = try SearchRunner.run(
            configuration, directory: directory.path, resume: false, tables: &tables, stopAfterQueries: 3)
        let other = try Self.configuration(seed: 5)
        let mismatch = #expect(throws: RunError.self) {
            try SearchRunner.run(other, directory: directory.path, resume: true, tables: &tables)
        }
        #expect(mismatch?.message == "\(directory.path)/checkpoint.json is a run of another configuration (seed 4, asked 5); it was left untouched: repeat that run's options to resume it, or choose another --output")
    }

    @Test("bad requests name the problem and the choices")
    func badRequests() {
        func message(_ request: SearchRequest) -> String? {
            #expect(throws: RunError.self) { try request.resolved() }?.message
        }
        #expect(message(SearchRequest(space: "nb999", optimizer: "random-search", budget: .queries(1), seed: 0))
            == "unknown space 'nb999'; choose one of: nb201, graph, graph-proteins, size")
        #expect(message(SearchRequest(space: "nb201", optimizer: "genetic", budget: .queries(1), seed: 0))?
            .hasPrefix("unknown optimizer 'genetic'; choose one of: random-search") == true)
        #expect(message(SearchRequest(space: "nb201", optimizer: "random-search", budget: .queries(0), seed: 0))
            == "the budget must be at least 1 query (got 0); give --queries N with N > 0")
        #expect(message(SearchRequest(
            space: "nb201", optimizer: "random-search", hyperparameters: ["population": "3"], budget: .queries(1),
            seed: 0)) == "random-search has no hyper-parameter 'population'; it has none")
    }

    @Test("an unknown dataset lists the table's datasets")
    func unknownDataset() throws {
        var tables = TableCache()
        var configuration = try Self.configuration()
        configuration.dataset = "mnist"
        let error = #expect(throws: RunError.self) {
            try SearchRunner.run(configuration, directory: nil, resume: false, tables: &tables)
        }
        #expect(error?.message == "nb201.h5 has no metric 'test_accuracy' for mnist (metrics: )" || error?.message.contains("datasets: ImageNet16-120, cifar10, cifar100") == true)
    }
}
