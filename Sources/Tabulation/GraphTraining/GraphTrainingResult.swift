/// What training one architecture on one graph gave, selected as NAS-Bench-Graph selects it: the epoch with the
/// lowest validation loss (its `perf` is the test accuracy of that epoch; the benchmark's worker keeps the test
/// score whenever the validation loss reaches a new minimum).
public struct GraphTrainingResult: Hashable, Codable, Sendable {
    /// The dataset's name.
    public var dataset: String
    /// The canonical architecture trained, in the text form.
    public var architecture: String
    /// The benchmark's key of the architecture.
    public var benchmarkHash: Int
    /// The seed of the weights and the dropout masks.
    public var seed: UInt64
    /// The epochs asked for.
    public var epochs: Int
    /// The epochs trained (fewer when the configuration's patience ran out).
    public var epochsTrained: Int
    /// The selected epoch (1-based): the first with the lowest validation loss.
    public var selectedEpoch: Int
    /// Validation accuracy at the selected epoch (fraction).
    public var validAccuracy: Double
    /// Test accuracy at the selected epoch (fraction): the counterpart of the benchmark's `perf`.
    public var testAccuracy: Double
    /// The lowest validation loss (mean cross entropy).
    public var validLoss: Double
    /// The best validation accuracy of any epoch (fraction).
    public var bestValidAccuracy: Double
    /// Training accuracy after the last epoch trained, in evaluation mode (fraction).
    public var finalTrainAccuracy: Double
    /// The trainable parameters, as the benchmark counts them.
    public var parameterCount: Int
}
