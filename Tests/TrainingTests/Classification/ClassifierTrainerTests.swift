import Datasets
import Foundation
import Layers
import Seeding
import Tensors
import Testing
import Training

/// Training on the real UCI digits (set-up copies them from scikit-learn's wheel to data/digits/).
@Suite("ClassifierTrainer on the UCI digits", .enabled(if: FileManager.default.fileExists(atPath: Digits.defaultPath), "run Scripts/setup.sh to fetch the digits"))
struct ClassifierTrainerTests {
    static func data() throws -> (train: ImageDataset, test: ImageDataset) {
        let digits = try Digits.load()
        let split = digits.stratifiedSplit(trainFraction: 0.8, seed: 0)
        let statistics = ChannelStatistics(of: split.train)
        return (split.train.normalized(by: statistics), split.test.normalized(by: statistics))
    }

    static func model(seed: UInt64 = 1) -> Sequential {
        var rng = Xoshiro256(seed: seed)
        return ConvolutionalClassifier.make(inputChannels: 1, widths: [[16], [32]], classes: 10, using: &rng)
    }

    static func configuration(epochs: Int) -> ClassifierTrainingConfiguration {
        var configuration = ClassifierTrainingConfiguration()
        configuration.epochs = epochs
        configuration.batchSize = 64
        configuration.learningRate = 0.1
        configuration.seed = 7
        return configuration
    }

    static func weights(_ model: Sequential) throws -> [UInt8] {
        try Safetensors.encode(model.parameters)
    }

    @Test("a small CNN reaches at least 95% test accuracy on the digits")
    func accuracy() throws {
        let (train, test) = try Self.data()
        let trainer = try ClassifierTrainer(model: Self.model(), configuration: Self.configuration(epochs: 8))
        let history = try trainer.train(on: train, testSet: test)
        let accuracy = try #require(history.last?.test?.accuracy)
        #expect(accuracy >= 0.95, "test accuracy \(accuracy)")
        #expect(history.first!.trainLoss > history.last!.trainLoss)
    }

    @Test("the same seeds give bitwise-identical weights")
    func reproducible() throws {
        let (train, _) = try Self.data()
        var runs: [[UInt8]] = []
        for _ in 0..<2 {
            let model = Self.model()
            try ClassifierTrainer(model: model, configuration: Self.configuration(epochs: 2)).train(on: train)
            runs.append(try Self.weights(model))
        }
        #expect(runs[0] == runs[1])
        // And another seed gives other weights: the comparison can fail.
        var other = Self.configuration(epochs: 2)
        other.seed = 8
        let model = Self.model()
        try ClassifierTrainer(model: model, configuration: other).train(on: train)
        #expect(try Self.weights(model) != runs[0])
    }

    @Test("stopping after an epoch and resuming from the checkpoint gives the uninterrupted run's weights")
    func resume() throws {
        let (train, _) = try Self.data()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-resume-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: directory) }

        let uninterrupted = Self.model()
        try ClassifierTrainer(model: uninterrupted, configuration: Self.configuration(epochs: 3)).train(on: train)

        let interrupted = try ClassifierTrainer(model: Self.model(), configuration: Self.configuration(epochs: 3))
        try interrupted.trainEpoch(on: train)
        try interrupted.saveCheckpoint(to: directory)

        let resumedModel = Self.model(seed: 99)  // other initial weights: the checkpoint must replace them
        let resumed = try ClassifierTrainer(model: resumedModel, configuration: Self.configuration(epochs: 3))
        var epochsSeen: [Int] = []
        try resumed.train(on: train, checkpointDirectory: directory) { epochsSeen.append($0.epoch) }
        #expect(epochsSeen == [1, 2, 3])
        #expect(try Self.weights(resumedModel) == Self.weights(uninterrupted))
    }

    @Test("a checkpoint made with another configuration is refused without touching the trainer")
    func foreignCheckpoint() throws {
        let (train, _) = try Self.data()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-foreign-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try ClassifierTrainer(model: Self.model(), configuration: Self.configuration(epochs: 1))
        try first.trainEpoch(on: train)
        try first.saveCheckpoint(to: directory)
        let model = Self.model()
        let before = try Self.weights(model)
        let second = try ClassifierTrainer(model: model, configuration: Self.configuration(epochs: 2))
        #expect(throws: TrainingError.self) { try second.restoreCheckpoint(from: directory) }
        #expect(try Self.weights(model) == before)
        #expect(second.completedEpochs == 0)
    }

    @Test("an invalid configuration names the setting")
    func invalidConfiguration() {
        var configuration = Self.configuration(epochs: 0)
        #expect(configuration.problem == "epochs must be at least 1, got 0")
        configuration.epochs = 1
        configuration.learningRate = -1
        #expect(configuration.problem == "learning rate must be positive, got -1.0")
    }
}
