/// Why an experiment report cannot be made: names the files, what is wrong, and what to do.
public struct ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
