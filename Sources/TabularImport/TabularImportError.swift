/// Why an import failed: names the source file, what is wrong with it, and what to do.
public struct TabularImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
