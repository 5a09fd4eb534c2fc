/// One network of the MnasNet-like space: the choices of each block of the skeleton, block 0 first
/// (Tan et al., CVPR 2019, § 4). `SearchSpaces/mnasnet/SPACE.md` is the specification.
public struct MnasNetArchitecture: Hashable, Codable, Sendable {
    /// The blocks' choices, one per skeleton block.
    public let blocks: [MnasNetBlock]

    /// Wraps the blocks' choices.
    public init(blocks: [MnasNetBlock]) {
        self.blocks = blocks
    }

    /// The same architecture with block `block` replaced.
    public func replacing(block: Int, with choice: MnasNetBlock) -> MnasNetArchitecture {
        var blocks = blocks
        blocks[block] = choice
        return MnasNetArchitecture(blocks: blocks)
    }
}
