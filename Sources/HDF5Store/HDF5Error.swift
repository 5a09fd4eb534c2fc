/// A failure of an HDF5 operation, naming the file and object involved and what to do about it.
public struct HDF5Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, with the path and object name.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
