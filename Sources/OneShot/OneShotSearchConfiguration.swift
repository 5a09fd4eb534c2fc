/// The schedule of a one-shot search: DARTS's search settings unless given (50 epochs in DARTS and
/// NAS-Bench-201; CPU-sized runs pass fewer), batch size 64, the weights' learning rate annealed by a cosine
/// from 0.025 to 0.001 over the epochs (stepped per epoch, as DARTS's `CosineAnnealingLR`).
public struct OneShotSearchConfiguration: Codable, Hashable, Sendable {
    /// The number of passes over the training split.
    public var epochs: Int
    /// Examples per batch, training and validation alike.
    public var batchSize: Int
    /// The weights' learning rate at the first epoch.
    public var maximumLearningRate: Float
    /// The weights' learning rate the cosine reaches after the last epoch.
    public var minimumLearningRate: Float
    /// The seed of batch order and training-mode passes (the optimizer's own draws take their own stream).
    public var seed: UInt64
    /// How many validation batches rank sampled architectures (random weight sharing, ENAS).
    public var rankingBatches: Int

    /// DARTS's settings unless given.
    public init(
        epochs: Int = 50, batchSize: Int = 64, maximumLearningRate: Float = 0.025,
        minimumLearningRate: Float = 0.001, seed: UInt64 = 0, rankingBatches: Int = 4
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.maximumLearningRate = maximumLearningRate
        self.minimumLearningRate = minimumLearningRate
        self.seed = seed
        self.rankingBatches = rankingBatches
    }

    /// A message naming the first invalid setting, or nil.
    public var problem: String? {
        if epochs < 1 { return "epochs must be at least 1, got \(epochs)" }
        if batchSize < 2 { return "batch size must be at least 2 (batch norm needs two examples), got \(batchSize)" }
        if !(maximumLearningRate > 0) || !(minimumLearningRate >= 0) || minimumLearningRate > maximumLearningRate {
            return "learning rates must satisfy 0 ≤ minimum ≤ maximum and maximum > 0, got \(minimumLearningRate) and \(maximumLearningRate)"
        }
        if rankingBatches < 1 { return "ranking batches must be at least 1, got \(rankingBatches)" }
        return nil
    }
}
