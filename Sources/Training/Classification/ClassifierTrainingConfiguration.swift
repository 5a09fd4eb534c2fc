/// Every setting of a supervised image-classification training run, with documented defaults.
///
/// The defaults are the usual CIFAR-style recipe scaled down for CPU runs: SGD with Nesterov momentum 0.9,
/// weight decay 5e-4, learning rate 0.05 annealed by a cosine to 0 over the run, batch 128.
public struct ClassifierTrainingConfiguration: Codable, Hashable, Sendable {
    /// Passes over the training set.
    public var epochs: Int = 10
    /// Examples per step (the last, smaller batch of an epoch is kept).
    public var batchSize: Int = 128
    /// The peak learning rate (reached after warm-up, then annealed by a cosine to 0).
    public var learningRate: Float = 0.05
    /// Linear warm-up length, in steps.
    public var warmupSteps: Int = 0
    /// SGD momentum.
    public var momentum: Float = 0.9
    /// Whether SGD uses Nesterov momentum.
    public var nesterov: Bool = true
    /// L2 weight decay added to every gradient.
    public var weightDecay: Float = 5e-4
    /// Cross-entropy label smoothing.
    public var labelSmoothing: Float = 0
    /// Random-crop padding (0: no cropping).
    public var cropPadding: Int = 0
    /// Whether to flip images horizontally at random.
    public var horizontalFlip: Bool = false
    /// Clip the joint gradient norm to this value (`nil`: no clipping).
    public var maximumGradientNorm: Float?
    /// The seed of every random choice: batch order, augmentation, dropout masks.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// Why this configuration cannot run, or `nil` when it can.
    public var problem: String? {
        if epochs < 1 { return "epochs must be at least 1, got \(epochs)" }
        if batchSize < 1 { return "batch size must be at least 1, got \(batchSize)" }
        if !(learningRate > 0) || !learningRate.isFinite { return "learning rate must be positive, got \(learningRate)" }
        if warmupSteps < 0 { return "warm-up steps must be non-negative, got \(warmupSteps)" }
        if !(0..<1).contains(momentum) { return "momentum must be in [0, 1), got \(momentum)" }
        if weightDecay < 0 { return "weight decay must be non-negative, got \(weightDecay)" }
        if !(0..<1).contains(labelSmoothing) { return "label smoothing must be in [0, 1), got \(labelSmoothing)" }
        if cropPadding < 0 { return "crop padding must be non-negative, got \(cropPadding)" }
        if let maximumGradientNorm, !(maximumGradientNorm > 0) {
            return "the gradient-norm limit must be positive, got \(maximumGradientNorm)"
        }
        return nil
    }
}
