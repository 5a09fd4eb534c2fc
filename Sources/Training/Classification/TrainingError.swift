import Layers

/// Why a training run stopped.
public enum TrainingError: Error, CustomStringConvertible, Sendable {
    /// A setting is out of range; the message names it.
    case invalidConfiguration(String)
    /// A layer output, the loss or a gradient became NaN or infinite.
    case nonFinite(NonFiniteError)
    /// The checkpoint cannot be used; the message says why and what to do.
    case checkpoint(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let problem): "invalid training configuration: \(problem)"
        case .nonFinite(let error): "training diverged: \(error); lower the learning rate or clip gradients"
        case .checkpoint(let problem): problem
        }
    }
}
