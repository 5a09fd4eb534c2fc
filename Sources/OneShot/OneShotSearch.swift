import Datasets
import Foundation
import Layers
import NASCore
import Seeding
import Training

/// The training loop of every one-shot method: epochs over the training split in seeded order, each training
/// batch paired with the next validation batch (the validation split cycles), the weights' learning rate
/// annealed by a cosine per epoch, and a record per epoch.
public struct OneShotSearch<Optimizer: OneShotOptimizer> {
    /// The schedule.
    public let configuration: OneShotSearchConfiguration
    /// The split the weights learn from.
    public let training: ImageDataset
    /// The split α (or the ranking of sampled architectures) learns from.
    public let validation: ImageDataset

    /// A search over `training` and `validation`.
    ///
    /// - Throws: ``SupernetError`` naming an invalid setting, or splits too small for one batch.
    public init(configuration: OneShotSearchConfiguration, training: ImageDataset, validation: ImageDataset)
        throws(SupernetError)
    {
        if let problem = configuration.problem { throw SupernetError("one-shot search: \(problem)") }
        guard training.count >= configuration.batchSize, validation.count >= configuration.batchSize else {
            throw SupernetError(
                "one-shot search: the splits hold \(training.count) training and \(validation.count) validation "
                    + "examples, fewer than a batch of \(configuration.batchSize); lower the batch size")
        }
        self.configuration = configuration
        self.training = training
        self.validation = validation
    }

    /// The weights' learning rate at `epoch`.
    public func learningRate(epoch: Int) -> Float {
        CosineAnnealing(
            baseLearningRate: configuration.maximumLearningRate, totalSteps: configuration.epochs,
            minimumLearningRate: configuration.minimumLearningRate
        ).learningRate(at: epoch)
    }

    /// The batches of `epoch` (seeded order, the last partial batch dropped).
    func batches(of dataset: ImageDataset, epoch: Int, stream: UInt64) -> Batches {
        Batches(
            dataset: dataset, batchSize: configuration.batchSize, seed: configuration.seed ^ stream, epoch: epoch,
            dropLast: true)
    }

    /// The fixed validation batches that rank sampled architectures.
    public var rankingBatches: [Batch] {
        let all = batches(of: validation, epoch: 0, stream: 0x52414E4B)  // "RANK"
        return Array(all.prefix(configuration.rankingBatches))
    }

    /// Runs epochs `startEpoch..<epochs` of `optimizer` on `supernet`, calling `onEpoch` after each, and returns
    /// the derived architecture.
    ///
    /// - Throws: ``SupernetError`` when a loss or gradient becomes non-finite.
    public func run(
        _ supernet: Optimizer.Net, optimizer: inout Optimizer, startEpoch: Int = 0,
        onEpoch: (OneShotEpochRecord, inout Optimizer) throws -> Void = { _, _ in }
    ) throws -> Optimizer.Net.Space.Architecture {
        let validationStream: UInt64 = 0x56414C49  // "VALI"
        let validationCount = batches(of: validation, epoch: 0, stream: validationStream).count
        var final: Optimizer.Net.Space.Architecture?
        for epoch in startEpoch..<configuration.epochs {
            let started = Date()
            let learningRate = learningRate(epoch: epoch)
            let trainingBatches = batches(of: training, epoch: epoch, stream: 0x54524149)  // "TRAI"
            var lossSum = 0.0
            var correct = 0
            var count = 0
            for (index, batch) in trainingBatches.enumerated() {
                // Step s reads validation batch s mod V of the validation split's pass ⌊s / V⌋: a function of the
                // step alone, so a resumed search reads the same batches.
                let step = epoch * trainingBatches.count + index
                let validationBatch = batches(of: validation, epoch: step / validationCount, stream: validationStream)[
                    step % validationCount]
                let context = OneShotStepContext(
                    step: step, epoch: epoch, epochs: configuration.epochs, learningRate: learningRate,
                    seed: StableHash.derive(seed: configuration.seed, "step \(step)"))
                let result = try optimizer.step(
                    supernet, training: batch, validation: validationBatch, context: context)
                lossSum += Double(result.trainingLoss)
                correct += result.trainingCorrect
                count += result.trainingCount
            }
            var derived: String?
            if optimizer.operationProbabilities != nil || epoch == configuration.epochs - 1 {
                let architecture = optimizer.derive(supernet, validation: rankingBatches)
                final = architecture
                derived = supernet.space.format(architecture)
            }
            let record = OneShotEpochRecord(
                epoch: epoch, learningRate: learningRate, trainingLoss: lossSum / Double(trainingBatches.count),
                trainingAccuracy: Double(correct) / Double(max(count, 1)), derived: derived,
                operationProbabilities: optimizer.operationProbabilities,
                seconds: Date().timeIntervalSince(started))
            try onEpoch(record, &optimizer)
        }
        return final ?? optimizer.derive(supernet, validation: rankingBatches)
    }
}
