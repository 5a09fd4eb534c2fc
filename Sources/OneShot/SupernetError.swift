/// A supernet or one-shot search that cannot go on, with a message naming the problem and the fix.
public struct SupernetError: Error, Equatable, CustomStringConvertible {
    /// What went wrong and what to do.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
