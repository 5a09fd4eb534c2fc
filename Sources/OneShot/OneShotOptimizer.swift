import Datasets
import NASCore

/// What one search step measured.
public struct OneShotStepResult: Hashable, Sendable {
    /// The training batch's loss before the weight update.
    public var trainingLoss: Float
    /// Correct predictions on the training batch.
    public var trainingCorrect: Int
    /// The number of training examples.
    public var trainingCount: Int
}

/// Where a one-shot search is: the step's number, the epoch and the weights' learning rate.
public struct OneShotStepContext: Hashable, Sendable {
    /// The step, counted from 0 over the whole search.
    public var step: Int
    /// The epoch, from 0.
    public var epoch: Int
    /// The number of epochs of the search.
    public var epochs: Int
    /// The weights' learning rate at this step.
    public var learningRate: Float
    /// The seed of the step's training-mode forward passes.
    public var seed: UInt64

    /// The seed of the step's passes on validation data: a stream apart from the weights' ("VALIDATE").
    public var validationSeed: UInt64 { seed ^ 0x5641_4C49_4441_5445 }

    /// The context of step `step` of epoch `epoch` of `epochs`, at `learningRate`, passes seeded by `seed`.
    public init(step: Int, epoch: Int, epochs: Int, learningRate: Float, seed: UInt64) {
        self.step = step
        self.epoch = epoch
        self.epochs = epochs
        self.learningRate = learningRate
        self.seed = seed
    }
}

/// A one-shot NAS method: it trains a supernet's weights (and, for gradient-based methods, architecture
/// parameters) on pairs of training and validation batches, and derives an architecture from what it learned.
///
/// The black-box seam is ``NASCore/BlackBoxOptimizer`` (ask/tell over an evaluator); this one is a training
/// loop's: the optimizer sees the space only through ``Supernet``. Optimizers are `Codable` values (α, their
/// optimizers' moments, their generators' states), so a search checkpoints and resumes bit for bit
/// (``OneShotCheckpoint``).
public protocol OneShotOptimizer<Net>: Codable {
    /// The supernet the method trains.
    associatedtype Net: Supernet

    /// The method's name in logs and results ("darts-first-order", "gdas", ...).
    var name: String { get }

    /// One step: the weights on `training`, the architecture (if any) on `validation`.
    ///
    /// - Throws: ``SupernetError`` when a loss or gradient is not finite.
    mutating func step(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult

    /// The architecture the method returns now; `validation` batches serve methods that rank sampled
    /// architectures by their shared-weight accuracy (random weight sharing, ENAS).
    mutating func derive(_ supernet: Net, validation: [Batch]) -> Net.Space.Architecture

    /// softmax(α) per group, edge and operation, for methods with architecture parameters (nil otherwise).
    var operationProbabilities: [[[Double]]]? { get }
}
