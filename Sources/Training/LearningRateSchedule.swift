#if canImport(Glibc)
import Tensors
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learning rate as a pure function of the step (an epoch or an iteration, as the caller counts).
///
/// Schedules hold no state, so a resumed run asks for the step it resumes at and gets the same rate.
public protocol LearningRateSchedule: Codable, Hashable, Sendable {
    /// The learning rate at `step` (counted from 0).
    func learningRate(at step: Int) -> Float
}

/// The same learning rate at every step.
public struct ConstantLearningRate: LearningRateSchedule {
    /// The learning rate.
    public var learningRate: Float

    /// Creates the schedule.
    public init(_ learningRate: Float) {
        self.learningRate = learningRate
    }

    public func learningRate(at step: Int) -> Float { learningRate }
}

/// Cosine annealing (Loshchilov & Hutter 2017, without restarts) after an optional linear warm-up, as
/// PyTorch's `CosineAnnealingLR` when the warm-up is 0.
///
/// With base rate η, minimum η_min, warm-up W and total T steps:
///
///     step < W:        η · (step + 1) / W
///     W ≤ step ≤ T:    η_min + (η − η_min) · (1 + cos(π · (step − W) / (T − W))) / 2
///     step > T:        η_min
///
/// so the cosine part starts at η and reaches η_min at step T. Computed in Double.
public struct CosineAnnealing: LearningRateSchedule {
    /// η, the rate after warm-up.
    public var baseLearningRate: Float
    /// T, the step at which the rate reaches its minimum (e.g. the number of epochs).
    public var totalSteps: Int
    /// η_min.
    public var minimumLearningRate: Float
    /// W, the number of warm-up steps.
    public var warmupSteps: Int

    /// Creates the schedule.
    ///
    /// - Precondition: 0 ≤ warmupSteps < totalSteps.
    public init(baseLearningRate: Float, totalSteps: Int, minimumLearningRate: Float = 0, warmupSteps: Int = 0) {
        enforce(
            warmupSteps >= 0 && warmupSteps < totalSteps,
            "CosineAnnealing: needs 0 ≤ warmupSteps < totalSteps, got \(warmupSteps) and \(totalSteps)")
        self.baseLearningRate = baseLearningRate
        self.totalSteps = totalSteps
        self.minimumLearningRate = minimumLearningRate
        self.warmupSteps = warmupSteps
    }

    public func learningRate(at step: Int) -> Float {
        let base = Double(baseLearningRate)
        if step < warmupSteps { return Float(base * Double(step + 1) / Double(warmupSteps)) }
        let progress = Double(min(step, totalSteps) - warmupSteps) / Double(totalSteps - warmupSteps)
        let minimum = Double(minimumLearningRate)
        return Float(minimum + (base - minimum) * (1 + cos(Double.pi * progress)) / 2)
    }
}

/// Step decay, as PyTorch's `StepLR`: the rate is multiplied by `decayFactor` every `stepSize` steps,
/// η · γ^⌊step / stepSize⌋.
public struct StepDecay: LearningRateSchedule {
    /// η, the rate at step 0.
    public var baseLearningRate: Float
    /// The number of steps between decays.
    public var stepSize: Int
    /// γ, the factor applied at each decay.
    public var decayFactor: Float

    /// Creates the schedule.
    public init(baseLearningRate: Float, stepSize: Int, decayFactor: Float = 0.1) {
        enforce(stepSize > 0, "StepDecay: stepSize \(stepSize) must be positive")
        self.baseLearningRate = baseLearningRate
        self.stepSize = stepSize
        self.decayFactor = decayFactor
    }

    public func learningRate(at step: Int) -> Float {
        Float(Double(baseLearningRate) * pow(Double(decayFactor), Double(max(step, 0) / stepSize)))
    }
}
