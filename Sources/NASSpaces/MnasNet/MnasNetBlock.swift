/// The searched choices of one block of the MnasNet-like space (Tan et al., "MnasNet: Platform-Aware Neural
/// Architecture Search for Mobile", CVPR 2019, § 4, Figure 4): every layer of the block repeats them (the paper's
/// factorisation). `SearchSpaces/mnasnet/SPACE.md` is the specification.
///
/// The paper's per-block choices and what this space keeps of them:
/// - convolutional op: MBConv only (the paper also offers regular and plain depthwise convolutions); its
///   expansion ratio is searched in {1, 3, 6} (1 skips the expansion convolution: MobileNetV2's and MnasNet-A1's
///   first block);
/// - kernel size {3, 5};
/// - squeeze-and-excitation ratio {0, 0.25};
/// - skip op {no skip, identity residual} (the paper also offers pooling);
/// - layers per block: {1, 2, 3} (the paper searches {0, +1, −1} around MobileNetV2's count);
/// - output filters: fixed by the skeleton (``MnasNetSkeleton``), not searched.
public struct MnasNetBlock: Hashable, Sendable {
    /// The layer counts a block may take, in option order.
    public static let layerCounts = [1, 2, 3]
    /// The MBConv expansion ratios, in option order.
    public static let expansions = [1, 3, 6]
    /// The depthwise kernel sizes, in option order.
    public static let kernelSizes = [3, 5]
    /// The squeeze-and-excitation ratio when a block has one: the squeeze width is
    /// max(1, ⌊layer input channels · 0.25⌋), as MnasNet's reference `mnasnet_model.py` computes it.
    public static let squeezeExcitationRatio = 0.25

    /// How many MBConv layers the block stacks (the first one carries the block's stride and channel change).
    public let layerCount: Int
    /// The MBConv expansion ratio: the hidden width is input channels × expansion.
    public let expansion: Int
    /// The depthwise convolution's kernel side.
    public let kernelSize: Int
    /// Whether every layer has squeeze-and-excitation (ratio 0.25).
    public let hasSqueezeExcitation: Bool
    /// Whether layers add the identity residual where they can (stride 1 and equal input and output channels).
    public let hasIdentityResidual: Bool

    /// A block from its values.
    ///
    /// - Precondition: each value is one of the space's options.
    public init(
        layerCount: Int, expansion: Int, kernelSize: Int, hasSqueezeExcitation: Bool, hasIdentityResidual: Bool
    ) {
        precondition(
            Self.layerCounts.contains(layerCount) && Self.expansions.contains(expansion)
                && Self.kernelSizes.contains(kernelSize),
            "MnasNetBlock: layers \(layerCount), expansion \(expansion), kernel \(kernelSize) are not options of the space")
        self.layerCount = layerCount
        self.expansion = expansion
        self.kernelSize = kernelSize
        self.hasSqueezeExcitation = hasSqueezeExcitation
        self.hasIdentityResidual = hasIdentityResidual
    }

    /// The option sizes of the five decisions, in decision order: layers, expansion, kernel, squeeze-and-excitation,
    /// skip.
    public static let optionCounts = [layerCounts.count, expansions.count, kernelSizes.count, 2, 2]

    /// The block whose decision k takes option `choices[k]`, or `nil` unless there are 5 choices in range.
    public init?(choices: [Int]) {
        guard choices.count == Self.optionCounts.count,
            zip(choices, Self.optionCounts).allSatisfy({ (0..<$1).contains($0) })
        else { return nil }
        self.init(
            layerCount: Self.layerCounts[choices[0]], expansion: Self.expansions[choices[1]],
            kernelSize: Self.kernelSizes[choices[2]], hasSqueezeExcitation: choices[3] == 1,
            hasIdentityResidual: choices[4] == 1)
    }

    /// The option index of each decision: layers, expansion, kernel, squeeze-and-excitation (0 none, 1 0.25),
    /// skip (0 none, 1 identity).
    public var choices: [Int] {
        [
            Self.layerCounts.firstIndex(of: layerCount) ?? 0, Self.expansions.firstIndex(of: expansion) ?? 0,
            Self.kernelSizes.firstIndex(of: kernelSize) ?? 0, hasSqueezeExcitation ? 1 : 0,
            hasIdentityResidual ? 1 : 0,
        ]
    }

    /// The same block with decision `decision` at option `option`.
    ///
    /// - Precondition: both in range.
    public func replacing(decision: Int, withOption option: Int) -> MnasNetBlock {
        var choices = choices
        choices[decision] = option
        guard let block = MnasNetBlock(choices: choices) else {
            preconditionFailure("MnasNetBlock: option \(option) of decision \(decision) is out of range")
        }
        return block
    }
}

extension MnasNetBlock: Codable {
    private enum CodingKeys: String, CodingKey {
        case layerCount, expansion, kernelSize, hasSqueezeExcitation, hasIdentityResidual
    }

    /// Decodes a block, refusing values that are not options of the space.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let layerCount = try container.decode(Int.self, forKey: .layerCount)
        let expansion = try container.decode(Int.self, forKey: .expansion)
        let kernelSize = try container.decode(Int.self, forKey: .kernelSize)
        guard Self.layerCounts.contains(layerCount), Self.expansions.contains(expansion),
            Self.kernelSizes.contains(kernelSize)
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .layerCount, in: container,
                debugDescription: "MnasNet block with layers \(layerCount), expansion \(expansion), kernel \(kernelSize): layers take 1, 2, 3; expansions 1, 3, 6; kernels 3, 5")
        }
        self.init(
            layerCount: layerCount, expansion: expansion, kernelSize: kernelSize,
            hasSqueezeExcitation: try container.decode(Bool.self, forKey: .hasSqueezeExcitation),
            hasIdentityResidual: try container.decode(Bool.self, forKey: .hasIdentityResidual))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layerCount, forKey: .layerCount)
        try container.encode(expansion, forKey: .expansion)
        try container.encode(kernelSize, forKey: .kernelSize)
        try container.encode(hasSqueezeExcitation, forKey: .hasSqueezeExcitation)
        try container.encode(hasIdentityResidual, forKey: .hasIdentityResidual)
    }
}
