/// A NaN or infinity found during training, with the step and the first place it appeared.
///
/// Its description is the message a user sees, e.g. "step 12: non-finite gradient in cells.3.conv.weight" or
/// "step 12: layer 'stage2.cell1' produced NaN".
public struct NonFiniteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the non-finite value was found.
    public enum Location: Hashable, Sendable {
        /// The output of the layer with this path.
        case layerOutput(String)
        /// The loss.
        case loss
        /// The gradient of the parameter with this name.
        case gradient(String)
        /// The value of the parameter with this name.
        case parameter(String)
    }

    /// What kind of non-finite value was found.
    public enum Kind: String, Hashable, Sendable {
        /// At least one NaN.
        case nan = "NaN"
        /// Infinities, and no NaN.
        case infinity = "Inf"
    }

    /// The training step (as counted by the caller).
    public let step: Int
    /// The first place a non-finite value was found.
    public let location: Location
    /// Whether a NaN was among the values (otherwise only ±∞).
    public let kind: Kind

    /// Creates an error.
    public init(step: Int, location: Location, kind: Kind) {
        self.step = step
        self.location = location
        self.kind = kind
    }

    public var description: String {
        switch location {
        case .layerOutput(let layer): return "step \(step): layer '\(layer)' produced \(kind.rawValue)"
        case .loss: return "step \(step): non-finite loss (\(kind.rawValue))"
        case .gradient(let parameter): return "step \(step): non-finite gradient in \(parameter)"
        case .parameter(let parameter): return "step \(step): non-finite value in \(parameter)"
        }
    }
}
