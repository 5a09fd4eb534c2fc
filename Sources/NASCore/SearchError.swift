/// Why a search cannot go on: names what was asked, what is wrong, and what to do.
public struct SearchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
