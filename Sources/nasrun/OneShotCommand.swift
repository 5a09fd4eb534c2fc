import ArgumentParser
import Datasets
import Foundation
import NASModels
import NASSpaces
import OneShot
import Seeding
import TabularBenchmarks

/// `nasrun oneshot`: a one-shot search on the NAS-Bench-201 supernet, trained by the engine on real images, and
/// the derived cell's accuracy looked up in the imported NB201 CIFAR-10 table.
struct OneShotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oneshot",
        abstract: "Train an NB201 supernet with a one-shot method and look the derived cell up in the table.",
        discussion: """
            The supernet is NAS-Bench-201's search network at C stem channels and N cells per stage, trained on \
            a CIFAR-10 binary batch file split in half (weights / architecture), images resized to --resolution. \
            Each epoch prints the derived cell and its CIFAR-10 200-epoch test accuracy from the table.
            """)

    @Option(help: "The method: \(OneShotMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
    var method: OneShotMethod

    @Option(help: "The search space (only nb201).")
    var space: SpaceName = .nb201

    @Option(help: "Epochs over the training half (DARTS and NAS-Bench-201: 50).")
    var epochs = 50

    @Option(help: "The seed of α, the weights, batch order and every sample.")
    var seed: UInt64 = 0

    @Option(help: "C, the supernet's stem channels (NAS-Bench-201: 16).")
    var stemChannels = 8

    @Option(help: "N, the supernet's cells per stage (NAS-Bench-201: 5).")
    var cellsPerStage = 1

    @Option(help: "The images' side after area resampling (CIFAR: 32).")
    var resolution = 16

    @Option(help: "Examples per batch.")
    var batchSize = 64

    @Option(help: "The weights' SGD weight decay (NAS-Bench-201's one-shot configs: 5e-4; DARTS's paper: 3e-4).")
    var weightDecay: Float = 5e-4

    @Flag(inversion: .prefixedNo, help: "Nesterov momentum for the weights (NAS-Bench-201's configs use it).")
    var nesterov = true

    @Option(help: "A CIFAR-10 binary batch file; its first half trains the weights, the second half α.")
    var data = "../shared/data/cifar10_jpeg/data_batch_1.bin"

    @Option(help: "Use only the first N examples of --data (default: all).")
    var examples: Int?

    @Option(help: "Write the per-epoch records and the result as JSON to this file.")
    var output: String?

    @Option(help: "Keep a checkpoint after every epoch in this directory; rerun the same command to resume.")
    var checkpoint: String?

    @OptionGroup var location: TableOptions

    func validate() throws {
        if space != .nb201 { throw ValidationError("--space: one-shot search is implemented for nb201 only") }
        if resolution < 4 || resolution % 4 != 0 {
            throw ValidationError("--resolution must be a positive multiple of 4 (two reductions), got \(resolution)")
        }
        if stemChannels < 1 || cellsPerStage < 1 {
            throw ValidationError("--stem-channels and --cells-per-stage must be positive")
        }
        if let examples, examples < 4 { throw ValidationError("--examples must be at least 4, got \(examples)") }
    }

    func run() throws {
        let table = try location.defaultTable(of: space.rawValue)
        let accuracyColumn = try table.column(metric: "test_accuracy", dataset: "cifar10", epoch: 200)
        var images = try CIFAR.load(batchFiles: [data])
        if let examples { images = images.subset(Array(0..<min(examples, images.count))) }
        if resolution != images.imageShape[1] { images = images.resized(height: resolution, width: resolution) }
        images = images.normalized(by: ChannelStatistics(of: images))
        let half = images.count / 2
        let training = images.subset(Array(0..<half))
        let validation = images.subset(Array(half..<images.count))
        let search = try OneShotSearch<AnyNB201OneShotOptimizer>(
            configuration: OneShotSearchConfiguration(epochs: epochs, batchSize: batchSize, seed: seed),
            training: training, validation: validation)

        var rng = Xoshiro256(seed: seed)
        var weightsGenerator = rng.child("weights")
        let supernet = try NB201Supernet(
            configuration: NB201NetworkConfiguration(
                stemChannels: stemChannels, cellsPerStage: cellsPerStage, classes: images.classCount,
                inputChannels: images.imageShape[0]),
            using: &weightsGenerator)
        var methodGenerator = rng.child("method")
        var optimizer = AnyNB201OneShotOptimizer(
            method: method, supernet: supernet,
            weightTraining: SupernetWeightTraining(weightDecay: weightDecay, nesterov: nesterov),
            using: &methodGenerator)
        emit(
            "nasrun oneshot: \(optimizer.name) on the NB201 supernet C=\(stemChannels) N=\(cellsPerStage) "
                + "(\(supernet.trainableParameterCount) weights), \(training.count)+\(validation.count) images "
                + "\(resolution)x\(resolution) from \(data), \(epochs) epochs, batch \(batchSize), "
                + "weight decay \(weightDecay)\(nesterov ? " (Nesterov)" : ""), seed \(seed)")

        func lookup(_ text: String) -> Double? {
            guard let row = try? table.row(ofArchitecture: text) else { return nil }
            return table[accuracyColumn, row]
        }
        var records: [OneShotEpochRecord] = []
        let settings = [
            "method": method.rawValue, "seed": "\(seed)", "epochs": "\(epochs)", "stem channels": "\(stemChannels)",
            "cells per stage": "\(cellsPerStage)", "resolution": "\(resolution)", "batch size": "\(batchSize)",
            "weight decay": "\(weightDecay)", "nesterov": "\(nesterov)", "data": data,
            "examples": "\(images.count)",
        ]
        let checkpointDirectory = checkpoint.map { URL(fileURLWithPath: $0) }
        if let checkpointDirectory,
            let saved = try OneShotCheckpoint<AnyNB201OneShotOptimizer>.load(
                from: checkpointDirectory, supernet: supernet, settings: settings)
        {
            optimizer = saved.optimizer
            records = saved.records
            emit("resuming from \(checkpointDirectory.path) after \(saved.completedEpochs) epochs")
            for record in records { emit(Self.line(record, lookup: lookup)) }
        }
        // A finished run's checkpoint gives its result again without drawing anything.
        let finished = records.count == epochs ? records.last?.derived.flatMap { try? supernet.space.parse($0) } : nil
        let derived = try finished ?? search.run(supernet, optimizer: &optimizer, startEpoch: records.count) {
            record, optimizer in
            records.append(record)
            if let checkpointDirectory {
                try OneShotCheckpoint(settings: settings, optimizer: optimizer, records: records)
                    .save(to: checkpointDirectory, supernet: supernet)
            }
            emit(Self.line(record, lookup: lookup))
        }
        let text = supernet.space.format(derived)
        let accuracy = lookup(text)
        emit("derived: \(text)  CIFAR-10 200-epoch test accuracy \(accuracy.map { String(format: "%.2f%%", $0) } ?? "?")")
        if let output {
            let result = OneShotRunResult(
                method: optimizer.name, seed: seed, epochs: epochs, stemChannels: stemChannels,
                cellsPerStage: cellsPerStage, resolution: resolution, batchSize: batchSize,
                weightDecay: weightDecay, nesterov: nesterov,
                trainingExamples: training.count, validationExamples: validation.count, data: data,
                derived: text, tableAccuracy: accuracy, records: records)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(result).write(to: URL(fileURLWithPath: output))
        }
    }
}

extension OneShotCommand {
    /// The progress line of one epoch: schedule, training loss and accuracy, time, and the derived cell with its
    /// skip_connect count and table accuracy.
    static func line(_ record: OneShotEpochRecord, lookup: (String) -> Double?) -> String {
        var line = String(
            format: "epoch %d  lr %.4f  train loss %.3f acc %.1f%%  %.0f s", record.epoch, record.learningRate,
            record.trainingLoss, 100 * record.trainingAccuracy, record.seconds)
        if let cell = record.derived {
            line += "  \(cell) skips \(OneShotReportCommand.skips(in: cell))"
            if let accuracy = lookup(cell) { line += String(format: " -> %.2f%%", accuracy) }
        }
        return line
    }
}

/// What `nasrun oneshot --output` writes.
struct OneShotRunResult: Codable {
    var method: String
    var seed: UInt64
    var epochs: Int
    var stemChannels: Int
    var cellsPerStage: Int
    var resolution: Int
    var batchSize: Int
    var weightDecay: Float
    var nesterov: Bool
    var trainingExamples: Int
    var validationExamples: Int
    var data: String
    var derived: String
    var tableAccuracy: Double?
    var records: [OneShotEpochRecord]
}
