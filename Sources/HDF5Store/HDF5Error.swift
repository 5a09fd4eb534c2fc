/// A failure of an HDF5 operation, naming the file and object involved and what to do about it, e.g.
/// "nb201.h5: no dataset /cifar10/val_acc (available: test_acc, train_acc); re-run the importer".
public struct HDF5Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, with the path and object name.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension HDF5Error {
    /// An error for a failed HDF5 call: "`file`: cannot `action`: `detail from HDF5`".
    static func failed(_ action: String, in file: String) -> HDF5Error {
        let detail = HDF5Library.lastErrorDetail()
        return HDF5Error("\(file): cannot \(action)" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
