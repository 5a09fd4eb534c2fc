import ArgumentParser
import Foundation
import Tabulation

/// `nasrun tabulate`: trains architectures of a space on a real dataset with the engine and records every epoch,
/// one row file per training, in worker processes, resumable and shardable across machines.
struct TabulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tabulate",
        abstract: "Train architectures on a real dataset with the engine and record every epoch, for a new table.",
        discussion: """
            Trains each selected architecture (an NB201 cell, or with --space size a NATS-Bench size-space \
            network) once per seed on Fashion-MNIST and writes <output>/rows/<index>-seed-\
            <seed>.json after each training (the specification goes to <output>/tabulation.json). Repeating the \
            command trains only what has no row yet, so it can be killed at any moment; --shard i/n takes every \
            n-th training from i, for other machines. `nasrun tabulate-merge` builds the HDF5 table from the rows.
            """)

    @Option(help: "The directory of the rows.")
    var output: String

    @Option(help: "The space: nb201 (NB201 cells) or size (NATS-Bench's size space, widths c0:c1:c2:c3:c4).")
    var space = "nb201"

    @Option(help: "Which architectures: all, or sample:N:SEED.")
    var architectures = "all"

    @Option(help: "Training seeds, comma separated.")
    var seeds = "0"

    @Option(help: "Epochs per training.")
    var epochs = 12

    @Option(help: "The images' side after resampling (Fashion-MNIST's native 28).")
    var resolution = 16

    @Option(help: "Stem channels of the network (NB201: 16).")
    var stemChannels = 8

    @Option(help: "Cells per stage (NB201: 5).")
    var cellsPerStage = 1

    @Option(help: "Training images (a stratified subset of the training split).")
    var trainingImages = 10_000

    @Option(help: "Validation images (a disjoint stratified subset of the training split).")
    var validationImages = 5_000

    @Option(help: "Test images: the first N of the test split.")
    var testImages = 10_000

    @Option(help: "Minibatch size.")
    var batchSize = 128

    @Option(help: "Peak learning rate of the cosine schedule.")
    var learningRate = 0.1

    @Option(help: "This machine's shard, as i/n (default 0/1: everything).")
    var shard = "0/1"

    @Option(help: "Worker processes (default: the number of online processors).")
    var workers: Int?

    @Option(help: .hidden)
    var worker: Int?

    func validate() throws {
        guard ArchitectureSelection(architectures) != nil else {
            throw ValidationError("--architectures takes all or sample:N:SEED (got '\(architectures)')")
        }
        guard seedList.count == seeds.split(separator: ",").count, !seedList.isEmpty else {
            throw ValidationError("--seeds takes non-negative integers separated by commas (got '\(seeds)')")
        }
        guard let parts = shardParts, parts[1] >= 1, (0..<parts[1]).contains(parts[0]) else {
            throw ValidationError("--shard takes i/n with 0 <= i < n (got '\(shard)')")
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1 (got \(workers))") }
    }

    private var seedList: [UInt64] { seeds.split(separator: ",").compactMap { UInt64($0) } }

    private var shardParts: [Int]? {
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 ? parts : nil
    }

    func run() throws {
        guard let selection = ArchitectureSelection(architectures), let parts = shardParts else { return }
        let specification = TabulationSpecification(
            space: space, architectures: selection, seeds: seedList, epochs: epochs, resolution: resolution,
            stemChannels: stemChannels, cellsPerStage: cellsPerStage, trainingImages: trainingImages,
            validationImages: validationImages, testImages: testImages, batchSize: batchSize, learningRate: learningRate)
        let directory = try TabulationDirectory.create(at: output, for: specification)
        let workerCount = workers ?? ProcessInfo.processInfo.activeProcessorCount
        if let worker {
            try TabulationWorker.run(directory, shard: parts[0], of: parts[1], worker: worker, of: workerCount) {
                emit("[worker \(worker)] \($0)")
            }
            return
        }
        let plan = TabulationPlan(specification)
        let mine = plan.items(shard: parts[0], of: parts[1], worker: 0, of: 1)
        let done = mine.filter(directory.hasRow).count
        emit("tabulate \(output): \(mine.count) trainings in shard \(shard), \(done) done; \(workerCount) worker process(es)")
        guard done < mine.count else { return }
        let arguments = [
            "tabulate", "--output", output, "--space", space, "--architectures", architectures, "--seeds", seeds,
            "--epochs", "\(epochs)",
            "--resolution", "\(resolution)", "--stem-channels", "\(stemChannels)", "--cells-per-stage",
            "\(cellsPerStage)", "--training-images", "\(trainingImages)", "--validation-images", "\(validationImages)",
            "--test-images", "\(testImages)",
            "--batch-size", "\(batchSize)", "--learning-rate", "\(learningRate)", "--shard", shard,
        ]
        try WorkerProcesses.run(arguments, count: workerCount, whatIsKept: "finished rows are kept")
    }
}

/// `nasrun tabulate-merge`: builds the HDF5 table from the rows of one or more tabulation directories.
struct TabulateMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tabulate-merge",
        abstract: "Merge tabulation directories (shards) into a tabular benchmark in NASKit's HDF5 schema.")

    @Argument(help: "The tabulation directories.")
    var directories: [String]

    @Option(help: "The table file to write.")
    var output: String

    @Option(
        help: ArgumentHelp(
            "Merge only the first N architectures of the sample (a tabulation stopped early).",
            discussion: "The table is the one `--architectures sample:N:SEED` would have given."))
    var prefix: Int?

    func run() throws {
        let opened = try directories.map { path throws(TabulationError) in try TabulationDirectory.open(at: path) }
        let command =
            "nasrun tabulate-merge " + directories.joined(separator: " ") + (prefix.map { " --prefix \($0)" } ?? "")
            + " --output " + output
        let table = try TabulationMerge.table(of: opened, command: command, prefix: prefix)
        try table.write(to: output)
        emit("wrote \(output): \(table.rowCount) architectures, \(table.metrics.count) metrics")
    }
}
