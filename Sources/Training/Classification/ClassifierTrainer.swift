import Datasets
import Foundation
import Layers
import Seeding
import Tensors

/// What one epoch of training measured.
public struct EpochReport: Codable, Hashable, Sendable {
    /// The epoch's number, from 1.
    public var epoch: Int
    /// Mean training loss over the epoch's steps (measured before each step's update).
    public var trainLoss: Double
    /// Training accuracy over the epoch (before each step's update).
    public var trainAccuracy: Double
    /// Evaluation on the held-out set after the epoch, when one was given.
    public var test: ClassifierEvaluation?
    /// Wall-clock seconds of the epoch's training steps (not of the evaluation).
    public var seconds: Double
}

/// Supervised training of an image classifier with SGD and a cosine learning-rate schedule, one epoch at a
/// time, with checkpoints that make a killed run resume to the same weights as an uninterrupted one.
///
/// Every random choice flows from `configuration.seed`: the batch order and augmentation of epoch e come from
/// (seed, e) and the dropout masks of step s from (seed, s), so resuming after any finished epoch replays
/// exactly what the uninterrupted run would do.
public final class ClassifierTrainer<Model: Layer> {
    /// The network being trained.
    public let model: Model
    /// The run's settings.
    public let configuration: ClassifierTrainingConfiguration
    /// The weight optimizer and its momentum buffers.
    public private(set) var optimizer: SGD
    /// Reports of the finished epochs.
    public private(set) var history: [EpochReport] = []

    /// Creates a trainer for `model`.
    ///
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` naming the bad setting.
    public init(model: Model, configuration: ClassifierTrainingConfiguration) throws(TrainingError) {
        if let problem = configuration.problem { throw .invalidConfiguration(problem) }
        self.model = model
        self.configuration = configuration
        optimizer = SGD(
            momentum: configuration.momentum, nesterov: configuration.nesterov,
            weightDecay: configuration.weightDecay)
    }

    /// The number of finished epochs.
    public var completedEpochs: Int { history.count }

    /// Trains the remaining epochs, saving a checkpoint after each one when `checkpointDirectory` is given and
    /// resuming from the checkpoint found there.
    ///
    /// - Parameters:
    ///   - trainingSet: the examples to train on.
    ///   - testSet: evaluated after every epoch, when given.
    ///   - checkpointDirectory: where to keep the checkpoint (created when missing).
    ///   - progress: called after every epoch with its report.
    /// - Returns: every epoch's report, resumed ones included.
    /// - Throws: ``TrainingError`` for a non-finite value (with step and place), an incompatible checkpoint, or a
    ///   file-system failure.
    @discardableResult
    public func train(
        on trainingSet: ImageDataset, testSet: ImageDataset? = nil, checkpointDirectory: URL? = nil,
        progress: (EpochReport) -> Void = { _ in }
    ) throws(TrainingError) -> [EpochReport] {
        if let checkpointDirectory {
            try TrainingCheckpoint.restore(into: self, from: checkpointDirectory)
            history.forEach(progress)
        }
        while completedEpochs < configuration.epochs {
            let report = try trainEpoch(on: trainingSet, testSet: testSet)
            if let checkpointDirectory { try TrainingCheckpoint.save(self, to: checkpointDirectory) }
            progress(report)
        }
        return history
    }

    /// Trains one epoch and appends its report to ``history``.
    public func trainEpoch(on trainingSet: ImageDataset, testSet: ImageDataset? = nil) throws(TrainingError)
        -> EpochReport
    {
        let epoch = completedEpochs
        let batches = Batches(
            dataset: trainingSet, batchSize: configuration.batchSize, seed: configuration.seed, epoch: epoch,
            augmentation: Augmentation(
                cropPadding: configuration.cropPadding, horizontalFlip: configuration.horizontalFlip))
        let schedule = CosineAnnealing(
            baseLearningRate: configuration.learningRate, totalSteps: max(configuration.epochs * batches.count, 1),
            warmupSteps: min(configuration.warmupSteps, max(configuration.epochs * batches.count - 1, 0)))
        let smoothing = configuration.labelSmoothing
        let step = TrainingStep(
            loss: { crossEntropy(logits: $0, labels: $1, labelSmoothing: smoothing) },
            maximumGradientNorm: configuration.maximumGradientNorm)
        let start = Date()
        var totalLoss = 0.0
        var correct = 0
        for (index, batch) in batches.enumerated() {
            let globalStep = epoch * batches.count + index
            let result: TrainingStepResult
            do {
                result = try step.run(
                    model: model, images: batch.images, labels: batch.labels, optimizer: &optimizer,
                    learningRate: schedule.learningRate(at: globalStep), step: globalStep,
                    seed: StableHash.derive(seed: configuration.seed, "training step \(globalStep)"))
            } catch {
                throw .nonFinite(error)
            }
            totalLoss += Double(result.loss) * Double(result.batchSize)
            correct += result.correctCount
        }
        let report = EpochReport(
            epoch: epoch + 1, trainLoss: totalLoss / Double(trainingSet.count),
            trainAccuracy: Double(correct) / Double(trainingSet.count),
            test: testSet.map { ClassifierEvaluation(model: model, dataset: $0) },
            seconds: Date().timeIntervalSince(start))
        history.append(report)
        return report
    }

    /// Writes a checkpoint of the finished epochs to `directory` (see ``train(on:testSet:checkpointDirectory:progress:)``).
    public func saveCheckpoint(to directory: URL) throws(TrainingError) {
        try TrainingCheckpoint.save(self, to: directory)
    }

    /// Restores weights, optimizer state and history from the checkpoint in `directory`, if there is one.
    ///
    /// - Throws: ``TrainingError/checkpoint(_:)`` when the checkpoint was made with another configuration or
    ///   network, or is damaged; the trainer is then unchanged.
    public func restoreCheckpoint(from directory: URL) throws(TrainingError) {
        try TrainingCheckpoint.restore(into: self, from: directory)
    }

    /// Replaces the optimizer state and history (used when restoring a checkpoint).
    func restore(optimizer: SGD, history: [EpochReport]) {
        self.optimizer = optimizer
        self.history = history
    }
}
