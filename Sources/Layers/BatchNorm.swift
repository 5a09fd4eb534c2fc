import Tensors

/// Batch normalization (Ioffe & Szegedy 2015) over the channel axis of (N, C) or (N, C, H, W) inputs, as
/// PyTorch's `BatchNorm1d`/`BatchNorm2d`.
///
/// Parameters, in PyTorch's state-dict order and names: `"<name>.weight"` (scale γ, ones) and `"<name>.bias"`
/// (offset β, zeros) when affine; buffers `"<name>.running_mean"` (zeros) and `"<name>.running_var"` (ones)
/// when tracking running statistics. (PyTorch's `num_batches_tracked` counter is not kept: it only matters for
/// `momentum=None`.)
///
/// - Training mode normalizes with the batch mean and biased variance and, when tracking, updates
///   `running ← (1 − momentum)·running + momentum·batch`, with the *unbiased* batch variance
///   (biased · M/(M − 1), M elements per channel) for `running_var`, as PyTorch does.
/// - Evaluation mode normalizes with the running statistics when tracking; without tracking
///   (`trackingRunningStatistics: false`, as in NAS-Bench-201 and DARTS supernets) it always uses the batch's.
public final class BatchNorm: Layer {
    public let name: String
    /// C, the number of channels.
    public let channels: Int
    /// The weight of the newest batch in the running statistics.
    public let momentum: Float
    /// Added to the variance before the square root.
    public let epsilon: Float
    /// γ, (C), when affine.
    public let scale: Parameter?
    /// β, (C), when affine.
    public let offset: Parameter?
    /// The running mean, (C), when tracking running statistics (a non-trainable buffer).
    public let runningMean: Parameter?
    /// The running (unbiased) variance, (C), when tracking running statistics (a non-trainable buffer).
    public let runningVariance: Parameter?

    /// Creates the layer.
    ///
    /// - Parameters:
    ///   - channels: C.
    ///   - affine: whether to learn a scale and an offset per channel.
    ///   - trackingRunningStatistics: whether to keep running statistics for evaluation; without them every
    ///     pass uses batch statistics.
    ///   - momentum: the weight of each new batch in the running statistics (PyTorch's default 0.1).
    ///   - epsilon: added to the variance (PyTorch's default 1e-5).
    ///   - name: the prefix of the parameter names.
    public init(
        channels: Int, affine: Bool = true, trackingRunningStatistics: Bool = true,
        momentum: Float = 0.1, epsilon: Float = 1e-5, name: String
    ) {
        enforce(channels > 0, "BatchNorm '\(name)': channels must be positive, got \(channels)")
        enforce(momentum >= 0 && momentum <= 1, "BatchNorm '\(name)': momentum \(momentum) is outside [0, 1]")
        self.name = name
        self.channels = channels
        self.momentum = momentum
        self.epsilon = epsilon
        scale = affine ? Parameter(name: name + ".weight", value: Tensor(repeating: 1, shape: [channels])) : nil
        offset = affine ? Parameter(name: name + ".bias", value: Tensor(zeros: [channels])) : nil
        runningMean = trackingRunningStatistics
            ? Parameter(name: name + ".running_mean", value: Tensor(zeros: [channels]), isTrainable: false) : nil
        runningVariance = trackingRunningStatistics
            ? Parameter(name: name + ".running_var", value: Tensor(repeating: 1, shape: [channels]), isTrainable: false)
            : nil
    }

    /// Whether the layer learns a scale and an offset.
    public var isAffine: Bool { scale != nil }
    /// Whether the layer keeps running statistics.
    public var tracksRunningStatistics: Bool { runningMean != nil }

    public var parameters: [Parameter] { [scale, offset, runningMean, runningVariance].compactMap { $0 } }

    /// Normalizes x, (N, C) or (N, C, H, W); see the type's documentation for the modes.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        enforce(
            (input.rank == 2 || input.rank == 4) && input.shape[1] == channels,
            "BatchNorm '\(name)': input \(input.shape) is not (N, \(channels)) or (N, \(channels), H, W)")
        let tape = input.tape
        let scale = scale?.variable(on: tape)
        let offset = offset?.variable(on: tape)
        if !mode.isTraining, let runningMean, let runningVariance {
            return batchNormalization(
                input, mean: runningMean.value, variance: runningVariance.value, scale: scale, offset: offset,
                epsilon: epsilon)
        }
        let (output, statistics) = batchNormalization(input, scale: scale, offset: offset, epsilon: epsilon)
        if mode.isTraining, let runningMean, let runningVariance {
            let correction = Float(statistics.count) / Float(statistics.count - 1)
            update(runningMean, toward: statistics.mean, factor: 1)
            update(runningVariance, toward: statistics.variance, factor: correction)
        }
        return output
    }

    /// running ← (1 − momentum)·running + momentum·(factor·batch).
    private func update(_ running: Parameter, toward batch: Tensor, factor: Float) {
        let momentum = momentum
        batch.scalars.withUnsafeBufferPointer { batch in
            running.value.scalars.withUnsafeMutableBufferPointer { running in
                for c in running.indices { running[c] = (1 - momentum) * running[c] + momentum * (batch[c] * factor) }
            }
        }
    }
}
