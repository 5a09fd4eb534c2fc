/// Why a tabular benchmark cannot answer: names the table file, what was asked, what exists, and what to do.
public struct TabularBenchmarkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
