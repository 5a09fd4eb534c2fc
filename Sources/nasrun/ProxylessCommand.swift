import ArgumentParser
import Datasets
import Foundation
import NASModels
import NASSpaces
import OneShot
import Seeding
import Training

/// `nasrun proxyless`: ProxylessNAS on the MnasNet-like space with a latency term from the latency table measured
/// on this machine, then the derived network's predicted and measured latency and its accuracy.
struct ProxylessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxyless",
        abstract: "ProxylessNAS on the MnasNet-like space: cross entropy + λ·E[latency] from this machine's table.",
        discussion: """
            The supernet holds 12 MBConv candidates per layer slot and a mixed depth per block \
            (SearchSpaces/mnasnet/SPACE.md); --data is split in half (weights / architecture). After the search \
            the derived network's latency is predicted by the table and measured end to end, its shared-weight \
            accuracy is measured on the architecture half, and with --train-epochs it is trained from scratch and \
            tested on --test-data.
            """)

    @Option(help: "λ, the loss's weight per millisecond of expected latency.")
    var latencyWeight: Float = 0

    @Option(help: "A latency table measured on this machine (nasrun latency-table).")
    var latencyTable = "SearchSpaces/mnasnet/latency-table.json"

    @Option(help: "Epochs of the search.")
    var epochs = 8

    @Option(help: "The seed of α, the weights, batch order and every gate.")
    var seed: UInt64 = 0

    @Option(help: "A CIFAR-10 binary batch file; its first half trains the weights, the second half α.")
    var data = "../shared/data/cifar10_jpeg/data_batch_1.bin"

    @Option(help: "Use only the first N examples of --data.")
    var examples = 2000

    @Option(help: "Examples per batch.")
    var batchSize = 64

    @Option(help: "Train the derived network from scratch for this many epochs on the first half and test it.")
    var trainEpochs = 0

    @Option(help: "The CIFAR-10 binary batch file the trained network is tested on.")
    var testData = "../shared/data/cifar10_jpeg/test_batch_2000.bin"

    @Option(help: "Write the records and the result as JSON to this file.")
    var output: String?

    func validate() throws {
        if latencyWeight < 0 { throw ValidationError("--latency-weight must not be negative, got \(latencyWeight)") }
        if examples < 4 { throw ValidationError("--examples must be at least 4, got \(examples)") }
        if trainEpochs < 0 { throw ValidationError("--train-epochs must not be negative, got \(trainEpochs)") }
    }

    func run() throws {
        let table = try LatencyTable.load(from: latencyTable)
        var images = try CIFAR.load(batchFiles: [data])
        images = images.subset(Array(0..<min(examples, images.count)))
        let statistics = ChannelStatistics(of: images)
        images = images.normalized(by: statistics)
        let half = images.count / 2
        let training = images.subset(Array(0..<half))
        let validation = images.subset(Array(half..<images.count))
        let search = try OneShotSearch<ProxylessNAS<MnasNetSupernet>>(
            configuration: OneShotSearchConfiguration(epochs: epochs, batchSize: batchSize, seed: seed),
            training: training, validation: validation)
        var rng = Xoshiro256(seed: seed)
        var weightsGenerator = rng.child("weights")
        let supernet = try MnasNetSupernet(
            space: MnasNetSpace(skeleton: table.skeleton), classes: images.classCount, latencyTable: table,
            using: &weightsGenerator)
        var methodGenerator = rng.child("method")
        // ProxylessNAS's search trains weights with Nesterov SGD and weight decay 4e-5.
        var optimizer = ProxylessNAS(
            supernet: supernet, latencyWeight: latencyWeight,
            weightTraining: SupernetWeightTraining(weightDecay: 4e-5, nesterov: true), using: &methodGenerator)
        emit(
            "nasrun proxyless: λ = \(latencyWeight)/ms on the MnasNet supernet (\(supernet.trainableParameterCount) "
                + "weights), \(training.count)+\(validation.count) images from \(data), \(epochs) epochs, seed \(seed)")
        var records: [ProxylessRecord] = []
        let derived = try search.run(supernet, optimizer: &optimizer) { record, optimizer in
            let expected = optimizer.expectedLatency(supernet)
            let cell = record.derived ?? ""
            let predicted = (try? supernet.space.parse(cell)).map { supernet.predictedLatency(of: $0) } ?? .nan
            records.append(ProxylessRecord(epoch: record, expectedLatency: expected, derivedLatency: predicted))
            emit(String(
                format: "epoch %d  lr %.4f  train loss %.3f acc %.1f%%  E[latency] %.3f ms  %.0f s  %@ (%.3f ms)",
                record.epoch, record.learningRate, record.trainingLoss, 100 * record.trainingAccuracy, expected,
                record.seconds, cell, predicted))
        }
        let text = supernet.space.format(derived)
        let predicted = supernet.predictedLatency(of: derived)
        let sharedAccuracy = SharedWeightRanking.accuracy(of: derived, in: supernet, on: Array(search.rankingBatches))
        var networkGenerator = rng.child("derived network")
        let network = MnasNetNetwork(
            architecture: derived, skeleton: table.skeleton, classes: images.classCount, using: &networkGenerator)
        let timing = LatencyMeasurer(repetitions: 100, warmupRepetitions: 10).timing(
            of: network, inputShape: [table.skeleton.inputChannels, table.skeleton.inputResolution,
                table.skeleton.inputResolution])
        emit(String(
            format: "derived: %@  predicted %.3f ms, measured median %.3f ms (minimum %.3f ms), shared-weight accuracy %.1f%%",
            text, predicted, timing.median, timing.minimum, 100 * sharedAccuracy))
        var testAccuracy: Double?
        if trainEpochs > 0 {
            var configuration = ClassifierTrainingConfiguration()
            configuration.epochs = trainEpochs
            configuration.batchSize = batchSize
            configuration.seed = seed
            let trainer = try ClassifierTrainer(model: network, configuration: configuration)
            let test = try CIFAR.load(batchFiles: [testData]).normalized(by: statistics)
            let reports = try trainer.train(on: training, testSet: test) { report in
                emit(String(format: "  training the derived network: epoch %d  test accuracy %.1f%%", report.epoch,
                    100 * (report.test?.accuracy ?? 0)))
            }
            testAccuracy = reports.last?.test?.accuracy
        }
        if let output {
            let result = ProxylessRunResult(
                latencyWeight: latencyWeight, seed: seed, epochs: epochs, examples: images.count, data: data,
                latencyTable: latencyTable, derived: text, predictedLatency: predicted,
                measuredLatencyMedian: timing.median, measuredLatencyMinimum: timing.minimum,
                sharedWeightAccuracy: sharedAccuracy, trainEpochs: trainEpochs, testAccuracy: testAccuracy,
                parameters: network.trainableParameterCount, records: records)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(result).write(to: URL(fileURLWithPath: output))
        }
    }
}

/// One epoch of `nasrun proxyless`.
struct ProxylessRecord: Codable {
    var epoch: OneShotEpochRecord
    var expectedLatency: Double
    var derivedLatency: Double
}

/// What `nasrun proxyless --output` writes.
struct ProxylessRunResult: Codable {
    var latencyWeight: Float
    var seed: UInt64
    var epochs: Int
    var examples: Int
    var data: String
    var latencyTable: String
    var derived: String
    var predictedLatency: Double
    var measuredLatencyMedian: Double
    var measuredLatencyMinimum: Double
    var sharedWeightAccuracy: Double
    var trainEpochs: Int
    var testAccuracy: Double?
    var parameters: Int
    var records: [ProxylessRecord]
}
