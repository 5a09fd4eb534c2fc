/// A dataset file that cannot be read, naming the file and what is wrong with it, e.g.
/// "train-labels-idx1-ubyte.gz: truncated: expected 60008 bytes, found 1000".
public struct DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, starting with the file's path.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
