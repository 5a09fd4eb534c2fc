import Foundation
import Testing

/// `nasrun search` (the default command) and `nasrun experiment`: output, files and refusals of the built binary,
/// on the NB201 table Scripts/setup.sh builds.
@Suite(
    "nasrun search and experiment",
    .enabled(if: FileManager.default.fileExists(atPath: "data/tables/nb201.h5"), "needs Scripts/setup.sh's tables"))
struct SearchCommandTests {
    final class Directory {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-search-\(UUID())").path
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test("nasrun --space nb201 --optimizer random-search prints progress, then the best cell with its metrics")
    func search() throws {
        let output = Directory()
        let result = try CommandLineRunner.run(
            ["--space", "nb201", "--optimizer", "random-search", "--queries", "20", "--output", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("[random-search seed 0] 1/20 queries  best test_accuracy ") == true)
        let summary = lines.drop { !$0.hasPrefix("best architecture") }
        #expect(summary.first == "best architecture (nb201, cifar10, random-search, seed 0):")
        #expect(summary.dropFirst().first?.hasPrefix("  |") == true)
        #expect(summary.last == "  results: \(output.path)/nb201/cifar10/random-search/seed-0/run.json")
    }

    @Test("the same command twice writes byte-identical run.json files")
    func deterministic() throws {
        let first = Directory()
        let second = Directory()
        for directory in [first, second] {
            let result = try CommandLineRunner.run(
                ["--optimizer", "regularized-evolution", "--queries", "40", "--seed", "2", "--runs", "2", "--quiet",
                 "--output", directory.path])
            #expect(result.status == 0, "\(result.standardError)")
        }
        for seed in [2, 3] {
            let file = "/nb201/cifar10/regularized-evolution/seed-\(seed)/run.json"
            let a = FileManager.default.contents(atPath: first.path + file)
            #expect(a != nil)
            #expect(a == FileManager.default.contents(atPath: second.path + file))
        }
    }

    @Test("bad input: unknown names list the choices, zero budgets and negative seeds are refused", arguments: [
        (["--space", "nb999"], "Error: unknown space 'nb999'; choose one of: nb201, graph, graph-proteins, size"),
        (["--space", "nb101"],
         "Error: unknown space 'nb101' (nb101 has no tabular benchmark in NASKit yet); choose one of: nb201, graph, graph-proteins, size"),
        (["--queries", "0"], "Error: the budget must be at least 1 query (got --queries 0)"),
        (["--cost", "-5"], "Error: the budget must be a positive simulated cost (got --cost -5.0)"),
        (["--seed", "-1"], "Error: the seed must be a non-negative integer (got -1); give --seed 0 or more"),
        (["--set", "population"], "Error: --set takes name=value (got 'population'), e.g. --set population=50"),
        (["--optimizer", "random-search", "--dataset", "mnist"],
         "Error: nb201.h5 has no dataset 'mnist' (datasets: ImageNet16-120, cifar10, cifar100)"),
        (["--optimizer", "regularized-evolution", "--set", "size=3"],
         "Error: regularized-evolution has no hyper-parameter 'size'; its hyper-parameters are: populationSize, sampleSize"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let output = Directory()
        let result = try CommandLineRunner.run(arguments + ["--output", output.path])
        #expect(result.status != 0)
        #expect(result.standardError.split(separator: "\n").first.map(String.init) == message)
        #expect(!FileManager.default.fileExists(atPath: output.path + "/nb201"))
    }

    @Test("an unknown optimizer lists every optimizer")
    func unknownOptimizer() throws {
        let result = try CommandLineRunner.run(["--optimizer", "genetic", "--output", Directory().path])
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix("Error: unknown optimizer 'genetic'; choose one of: random-search, local-search, regularized-evolution, reinforce"))
    }

    @Test("--resume refuses a corrupt results file and leaves it untouched")
    func corruptResume() throws {
        let output = Directory()
        let run = output.path + "/nb201/cifar10/random-search/seed-0"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        let garbage = Data("not json at all".utf8)
        try garbage.write(to: URL(fileURLWithPath: run + "/run.json"))
        let result = try CommandLineRunner.run(
            ["--optimizer", "random-search", "--resume", "--output", output.path])
        #expect(result.status != 0)
        #expect(result.standardError == "Error: \(run)/run.json is not JSON, so not a NASKit results file; it was left untouched\n")
        #expect(FileManager.default.contents(atPath: run + "/run.json") == garbage)
    }
}

/// Killing `nasrun` mid-run (SIGKILL, no chance to clean up) and resuming gives the uninterrupted run's bytes.
@Suite(
    "nasrun search killed and resumed",
    .enabled(if: FileManager.default.fileExists(atPath: "data/tables/nb201.h5"), "needs Scripts/setup.sh's tables"))
struct SearchKillResumeTests {
    @Test("REINFORCE on NB201 killed after its first checkpoints, then --resume: run.json equals the uninterrupted one")
    func killAndResume() throws {
        let whole = SearchCommandTests.Directory()
        let killed = SearchCommandTests.Directory()
        let arguments = ["--optimizer", "reinforce", "--queries", "120", "--seed", "5", "--quiet", "--checkpoint-interval", "0"]
        let uninterrupted = try CommandLineRunner.run(arguments + ["--output", whole.path])
        #expect(uninterrupted.status == 0, "\(uninterrupted.standardError)")

        let process = Process()
        process.executableURL = CommandLineRunner.executable
        process.arguments = arguments + ["--output", killed.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let checkpoint = killed.path + "/nb201/cifar10/reinforce/seed-5/checkpoint.json"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: checkpoint), Date() < deadline { usleep(2_000) }
        usleep(50_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let run = "/nb201/cifar10/reinforce/seed-5/run.json"
        #expect(process.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: killed.path + run))

        let resumed = try CommandLineRunner.run(arguments + ["--output", killed.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let expected = FileManager.default.contents(atPath: whole.path + run)
        #expect(expected != nil)
        #expect(FileManager.default.contents(atPath: killed.path + run) == expected)
    }
}

/// `nasrun experiment`: worker processes, skipping finished runs, and byte-identical reports.
@Suite(
    "nasrun experiment",
    .enabled(if: FileManager.default.fileExists(atPath: "data/tables/nb201.h5"), "needs Scripts/setup.sh's tables"))
struct ExperimentCommandTests {
    static let specification = """
        {"title": "Test grid", "grids": [
          {"name": "small", "space": "nb201", "datasets": ["cifar10"], "optimizers": ["random-search", "local-search"],
           "seeds": 3, "budget": {"queries": 20}, "reportBudgets": [5, 20]}]}
        """

    @Test("two workers run the grid; a repeat skips every run; deleting the outputs and repeating gives the same bytes")
    func experiment() throws {
        let directory = SearchCommandTests.Directory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        try Data(Self.specification.utf8).write(to: URL(fileURLWithPath: directory.path + "/experiment.json"))
        let first = try CommandLineRunner.run(["experiment", directory.path, "--workers", "2"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.hasPrefix("Test grid: 6 runs, 0 finished; 2 worker process(es)\n"))
        #expect(first.standardOutput.split(separator: "\n").filter { $0.contains("] ran small cifar10") }.count == 6)
        let outputs = ["results.md", "results-small.csv", "plots/small-regret-nb201-cifar10.svg"]
        let firstBytes = outputs.map { FileManager.default.contents(atPath: directory.path + "/" + $0) }
        #expect(firstBytes.allSatisfy { $0 != nil })
        let markdown = String(decoding: firstBytes[0] ?? Data(), as: UTF8.self)
        #expect(markdown.contains("| random-search | 3 |"))
        #expect(markdown.contains("| local-search | 3 |"))

        let repeated = try CommandLineRunner.run(["experiment", directory.path, "--workers", "2"])
        #expect(repeated.status == 0)
        #expect(repeated.standardOutput.hasPrefix("Test grid: 6 runs, 6 finished; 2 worker process(es)\n"))

        for output in outputs { try FileManager.default.removeItem(atPath: directory.path + "/" + output) }
        try FileManager.default.removeItem(atPath: directory.path + "/runs")
        let again = try CommandLineRunner.run(["experiment", directory.path, "--workers", "1"])
        #expect(again.status == 0)
        #expect(outputs.map { FileManager.default.contents(atPath: directory.path + "/" + $0) } == firstBytes)
    }

    @Test("an experiment without experiment.json, or with an unknown optimizer, is refused with the fix")
    func refusals() throws {
        let directory = SearchCommandTests.Directory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let missing = try CommandLineRunner.run(["experiment", directory.path])
        #expect(missing.status != 0)
        #expect(missing.standardError == "Error: no experiment at \(directory.path): \(directory.path)/experiment.json is missing (see Experiments/nb201/ for the form)\n")
        let wrong = Self.specification.replacingOccurrences(of: "\"local-search\"", with: "\"annealing\"")
        try Data(wrong.utf8).write(to: URL(fileURLWithPath: directory.path + "/experiment.json"))
        let unknown = try CommandLineRunner.run(["experiment", directory.path])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.hasPrefix("Error: grid 'small': unknown optimizer 'annealing'; choose one of: random-search"))
    }
}
