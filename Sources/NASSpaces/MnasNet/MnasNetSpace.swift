import NASCore
import Seeding

/// The factorized hierarchical search space of MnasNet (Tan, Chen, Pang, Vasudevan, Sandler, Howard & Le,
/// "MnasNet: Platform-Aware Neural Architecture Search for Mobile", CVPR 2019, § 4), CPU- and CIFAR-sized: a fixed
/// skeleton of blocks (``MnasNetSkeleton``, MnasNet-A1's halved for 32x32 images by default), and for each block
/// its layer count, MBConv expansion, kernel, squeeze-and-excitation and skip (``MnasNetBlock``); every layer of a
/// block repeats its block's choices. 72 choices per block, 72⁷ ≈ 1.0·10¹³ networks with the default 7 blocks.
/// `SearchSpaces/mnasnet/SPACE.md` is the specification.
///
/// - Sampling: uniform: per block, in order, the layers (`uniformInt(below: 3)`), expansion (3), kernel (2),
///   squeeze-and-excitation (2), skip (2).
/// - Mutation: one of the 5·B decisions drawn uniformly gets one of its other options, drawn uniformly.
/// - Neighbours: the 7·B single-decision changes: blocks in order, decisions in order, options ascending.
/// - Key: the text form with the skip written `-` on blocks where no layer can take the residual (one layer,
///   and a stride or width change): those compute the same function with or without it.
/// - Text form: blocks joined by `|`, each `e<expansion>k<kernel>se<0|1>n<layers><r|->`, e.g.
///   `e1k3se0n1-|e6k3se0n2r|e3k5se1n3r|e6k3se0n3r|e6k3se1n2r|e6k5se1n3r|e6k3se0n1-`.
/// - Encoding: one-hot, 3 + 3 + 2 + 2 + 2 = 12 positions per block (84 with 7 blocks).
public struct MnasNetSpace: CategoricalSearchSpace {
    public typealias Architecture = MnasNetArchitecture

    /// The fixed macro-structure.
    public let skeleton: MnasNetSkeleton

    /// The space over `skeleton` (MnasNet-A1 halved for CIFAR by default).
    public init(skeleton: MnasNetSkeleton = .cifar) {
        self.skeleton = skeleton
    }

    public var name: String { "mnasnet" }

    /// The number of searched blocks.
    public var blockCount: Int { skeleton.blocks.count }

    /// Draws every decision uniformly, block by block.
    public func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> MnasNetArchitecture {
        MnasNetArchitecture(blocks: (0..<blockCount).map { _ in
            let choices = MnasNetBlock.optionCounts.map { rng.uniformInt(below: $0) }
            return MnasNetBlock(choices: choices)!
        })
    }

    /// Changes one decision drawn uniformly among the 5·B to one of its other options, drawn uniformly.
    ///
    /// Two draws: the decision (`uniformInt(below: 5·B)`, block-major), then the position among the other options,
    /// ascending.
    public func mutate(_ architecture: MnasNetArchitecture, using rng: inout some RandomNumberGenerator)
        -> MnasNetArchitecture
    {
        let decisionsPerBlock = MnasNetBlock.optionCounts.count
        let decision = rng.uniformInt(below: blockCount * decisionsPerBlock)
        let (block, blockDecision) = decision.quotientAndRemainder(dividingBy: decisionsPerBlock)
        let current = architecture.blocks[block].choices[blockDecision]
        let others = (0..<MnasNetBlock.optionCounts[blockDecision]).filter { $0 != current }
        let option = others[rng.uniformInt(below: others.count)]
        return architecture.replacing(
            block: block, with: architecture.blocks[block].replacing(decision: blockDecision, withOption: option))
    }

    /// The 7·B architectures that differ in one decision: blocks in order, decisions in order, options ascending.
    public func neighbors(of architecture: MnasNetArchitecture) -> [MnasNetArchitecture] {
        var neighbors: [MnasNetArchitecture] = []
        for (index, block) in architecture.blocks.enumerated() {
            let choices = block.choices
            for (decision, count) in MnasNetBlock.optionCounts.enumerated() {
                for option in 0..<count where option != choices[decision] {
                    neighbors.append(architecture.replacing(
                        block: index, with: block.replacing(decision: decision, withOption: option)))
                }
            }
        }
        return neighbors
    }

    /// The text form, with the skip written `-` on every block where no layer can take the residual.
    public func key(of architecture: MnasNetArchitecture) -> ArchitectureKey {
        ArchitectureKey(architecture.blocks.enumerated().map { index, block in
            let residual = block.hasIdentityResidual && blockCanTakeResidual(index, layerCount: block.layerCount)
            return Self.format(block, residual: residual)
        }.joined(separator: "|"))
    }

    /// Whether any of the `layerCount` layers of block `block` can add the identity residual.
    public func blockCanTakeResidual(_ block: Int, layerCount: Int) -> Bool {
        (0..<layerCount).contains { skeleton.layerCanTakeResidual(block: block, layer: $0) }
    }

    /// One-hot only: the space has no graph to draw adjacency or paths from.
    public var encodings: [ArchitectureEncoding] { [.oneHot] }

    /// Each block's five decisions as one-hot groups of 3, 3, 2, 2, 2, block 0 first (12·B values).
    ///
    /// - Precondition: `encoding` is one of ``encodings``.
    public func encode(_ architecture: MnasNetArchitecture, as encoding: ArchitectureEncoding) -> [Float] {
        precondition(encoding == .oneHot, "MnasNetSpace encodes only as one-hot, asked \(encoding.rawValue)")
        var values: [Float] = []
        values.reserveCapacity(12 * blockCount)
        for block in architecture.blocks {
            for (choice, count) in zip(block.choices, MnasNetBlock.optionCounts) {
                values += (0..<count).map { $0 == choice ? 1 : 0 }
            }
        }
        return values
    }

    /// Five decisions per block (`"block 0 layers"`, `"block 0 expansion"`, `"block 0 kernel"`,
    /// `"block 0 squeeze-excitation"`, `"block 0 skip"`), options in ``MnasNetBlock``'s order.
    public var decisions: [CategoricalDecision] {
        (0..<blockCount).flatMap { block in
            [
                CategoricalDecision(name: "block \(block) layers", options: MnasNetBlock.layerCounts.map(String.init)),
                CategoricalDecision(
                    name: "block \(block) expansion", options: MnasNetBlock.expansions.map(String.init)),
                CategoricalDecision(name: "block \(block) kernel", options: MnasNetBlock.kernelSizes.map(String.init)),
                CategoricalDecision(name: "block \(block) squeeze-excitation", options: ["none", "0.25"]),
                CategoricalDecision(name: "block \(block) skip", options: ["none", "identity"]),
            ]
        }
    }

    /// Each block's five option indices, block 0 first.
    public func choices(of architecture: MnasNetArchitecture) -> [Int] {
        architecture.blocks.flatMap(\.choices)
    }

    /// The architecture for 5·B option indices, or `nil` when the count or an index is out of range.
    public func architecture(fromChoices choices: [Int]) -> MnasNetArchitecture? {
        let perBlock = MnasNetBlock.optionCounts.count
        guard choices.count == blockCount * perBlock else { return nil }
        var blocks: [MnasNetBlock] = []
        for block in 0..<blockCount {
            guard let choice = MnasNetBlock(choices: Array(choices[block * perBlock..<(block + 1) * perBlock])) else {
                return nil
            }
            blocks.append(choice)
        }
        return MnasNetArchitecture(blocks: blocks)
    }
}
