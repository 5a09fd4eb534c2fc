/// Why a tabulation cannot go on: names the file, option or architecture, what is wrong, and what to do.
public struct TabulationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
