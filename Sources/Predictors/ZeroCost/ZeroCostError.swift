/// A zero-cost proxy asked for without what it needs.
public struct ZeroCostError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is missing and how to supply it.
    public let message: String

    /// Creates an error with its message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// A data-dependent proxy asked for without a mini-batch.
    static func missingBatch(_ proxy: ZeroCostProxy) -> ZeroCostError {
        ZeroCostError(
            "zero-cost proxy \(proxy.rawValue) needs a mini-batch of data (images and labels) but none was given; "
                + "pass a ZeroCostBatch (nasrun proxies reads one from --data), or choose a data-free proxy ("
                + ZeroCostProxy.allCases.filter { !$0.usesDataBatch }.map(\.rawValue).joined(separator: ", ") + ")")
    }

    /// FLOPs asked for without the network's count.
    static let missingMultiplyAdds = ZeroCostError(
        "zero-cost proxy flops needs the network's multiply-adds but none were given; pass them "
            + "(NB201Network.cost().multiplyAdds)")
}
