/// Why a text is not an architecture of a space: names the space, the offending part, and the expected form.
public struct ArchitectureParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
