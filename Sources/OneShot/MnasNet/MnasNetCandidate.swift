import NASSpaces

/// One candidate operation of a MnasNet supernet block: the MBConv settings every layer of the block repeats.
public struct MnasNetCandidate: Hashable, Sendable {
    /// The expansion ratio.
    public let expansion: Int
    /// The depthwise kernel.
    public let kernelSize: Int
    /// Whether squeeze-and-excitation is applied.
    public let squeezeExcitation: Bool

    /// The 12 candidates, expansion-major (e1k3se0, e1k3se1, e1k5se0, ..., e6k5se1): the space's expansions,
    /// kernels and squeeze-and-excitation options in index order.
    public static let all: [MnasNetCandidate] = MnasNetBlock.expansions.flatMap { expansion in
        MnasNetBlock.kernelSizes.flatMap { kernel in
            [false, true].map { MnasNetCandidate(expansion: expansion, kernelSize: kernel, squeezeExcitation: $0) }
        }
    }

    /// The name in the space's text form, e.g. `e6k3se1`.
    public var name: String { "e\(expansion)k\(kernelSize)se\(squeezeExcitation ? 1 : 0)" }
}
