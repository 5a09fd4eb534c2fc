import ArgumentParser
import Datasets
import Foundation
import Layers
import Seeding
import Tensors
import Training

/// The real datasets `nasrun train` knows, each with the network and recipe it trains by default.
enum TrainingDataset: String, CaseIterable, ExpressibleByArgument {
    case fashionMNIST = "fashion-mnist"
    case digits

    /// Loads the training and test sets, normalised by the training set's channel statistics.
    func load() throws -> (train: ImageDataset, test: ImageDataset) {
        let train: ImageDataset
        let test: ImageDataset
        switch self {
        case .fashionMNIST:
            train = try FashionMNIST.load(split: .train)
            test = try FashionMNIST.load(split: .test)
        case .digits:
            // The digits have no official split: a stratified 80/20 split with a fixed seed.
            (train, test) = try Digits.load().stratifiedSplit(trainFraction: 0.8, seed: 0)
        }
        let statistics = ChannelStatistics(of: train)
        return (train.normalized(by: statistics), test.normalized(by: statistics))
    }

    /// Block widths per stage of the default ``ConvolutionalClassifier``.
    var defaultWidths: [[Int]] {
        switch self {
        case .fashionMNIST: [[32, 32], [64, 64]]
        case .digits: [[16], [32]]
        }
    }

    var defaultEpochs: Int { self == .fashionMNIST ? 4 : 8 }
    var defaultBatchSize: Int { self == .fashionMNIST ? 128 : 64 }
    var defaultLearningRate: Float { self == .fashionMNIST ? 0.05 : 0.1 }
}

/// `nasrun train`: trains a small convolutional network with the engine on a real dataset.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a small convolutional network on a real dataset with NASKit's engine.",
        discussion: """
            Fashion-MNIST comes from Debian's dataset-fashion-mnist and the UCI digits from scikit-learn's wheel \
            (Scripts/setup.sh fetches both). With --output, a checkpoint is kept after every epoch and a rerun of \
            the same command resumes from it.
            """)

    @Option(help: "The dataset.")
    var dataset: TrainingDataset = .digits

    @Option(help: "Passes over the training set (default: 4 for fashion-mnist, 8 for digits).")
    var epochs: Int?

    @Option(help: "Examples per step (default: 128 for fashion-mnist, 64 for digits).")
    var batchSize: Int?

    @Option(help: "Peak learning rate of the cosine schedule (default: 0.05 for fashion-mnist, 0.1 for digits).")
    var learningRate: Float?

    @Option(help: "Seed of the weights and of every random choice of training.")
    var seed: UInt64 = 0

    @Option(help: "Directory for the checkpoint and result.json (resumes when it holds a checkpoint).")
    var output: String?

    func validate() throws {
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
        if let learningRate, !(learningRate > 0) {
            throw ValidationError("--learning-rate must be positive, got \(learningRate)")
        }
    }

    func run() throws {
        emit("nasrun train: \(dataset.rawValue), seed \(seed), OpenBLAS \(GEMM.coreName), \(EngineThreading.workerCount) engine workers")
        let (train, test) = try dataset.load()
        var settings = ClassifierTrainingConfiguration()
        settings.epochs = epochs ?? dataset.defaultEpochs
        settings.batchSize = batchSize ?? dataset.defaultBatchSize
        settings.learningRate = learningRate ?? dataset.defaultLearningRate
        settings.seed = seed
        var rng = Xoshiro256(seed: StableHash.derive(seed: seed, "weights"))
        let model = ConvolutionalClassifier.make(
            inputChannels: train.imageShape[0], widths: dataset.defaultWidths, classes: train.classCount, using: &rng)
        emit("\(train.count) training and \(test.count) test images of shape \(train.imageShape); \(model.trainableParameterCount) parameters")

        let trainer = try ClassifierTrainer(model: model, configuration: settings)
        let start = Date()
        let directory = output.map { URL(fileURLWithPath: $0) }
        let history = try trainer.train(on: train, testSet: test, checkpointDirectory: directory) { report in
            emit(String(
                format: "epoch %d/%d  train loss %.4f  train acc %.2f%%  test loss %.4f  test acc %.2f%%  %.1f s",
                report.epoch, settings.epochs, report.trainLoss, 100 * report.trainAccuracy,
                report.test?.loss ?? .nan, 100 * (report.test?.accuracy ?? .nan), report.seconds))
        }
        let final = history.last?.test?.accuracy ?? .nan
        emit(String(format: "test accuracy %.2f%% after %d epochs; %.1f s in this process", 100 * final, history.count, Date().timeIntervalSince(start)))
        if let directory {
            try TrainingResult(
                dataset: dataset.rawValue, configuration: settings, widths: dataset.defaultWidths,
                parameterCount: model.trainableParameterCount, history: history
            ).write(to: directory.appendingPathComponent("result.json"))
        }
    }
}

/// The results file of `nasrun train`: what was run and what it measured.
struct TrainingResult: Codable {
    var dataset: String
    var configuration: ClassifierTrainingConfiguration
    var widths: [[Int]]
    var parameterCount: Int
    var history: [EpochReport]
    var blas = "OpenBLAS \(GEMM.coreName), \(GEMM.threadCount) BLAS thread(s), \(EngineThreading.workerCount) engine workers"

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
