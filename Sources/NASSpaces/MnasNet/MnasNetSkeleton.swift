/// The fixed macro-structure of the MnasNet-like space: what is not searched.
///
/// The default, ``cifar``, is MnasNet-A1's skeleton (Tan et al., CVPR 2019, Figure 7; the reference
/// `tensorflow/tpu` `models/official/mnasnet/mnasnet_models.py`, `mnasnet_a1`: stem 32, blocks of 16, 24, 40, 80,
/// 112, 160, 320 filters with strides 1, 2, 2, 2, 1, 2, 1, head 1280) made CPU- and CIFAR-sized:
/// - every width is halved with MnasNet's own `round_filters` (depth multiplier 0.5, divisor 8): stem 16, blocks
///   8, 16, 24, 40, 56, 80, 160, head 640;
/// - for 32x32 inputs the stem and the second block get stride 1 instead of 2 (what CIFAR ports of MobileNetV2
///   do, e.g. kuangliu/pytorch-cifar), so the blocks see 32, 32, 32, 16, 8, 8, 4 pixels and the head 4x4.
public struct MnasNetSkeleton: Hashable, Codable, Sendable {
    /// One fixed block: its output channels and the stride of its first layer.
    public struct Block: Hashable, Codable, Sendable {
        /// The block's output channels (every layer's output).
        public let outputChannels: Int
        /// The first layer's stride (1 or 2); the other layers have stride 1.
        public let stride: Int

        public init(outputChannels: Int, stride: Int) {
            self.outputChannels = outputChannels
            self.stride = stride
        }
    }

    /// The input images' side (square images).
    public let inputResolution: Int
    /// The input images' channels.
    public let inputChannels: Int
    /// The stem's 3x3 convolution outputs.
    public let stemChannels: Int
    /// The stem convolution's stride.
    public let stemStride: Int
    /// The blocks, in order.
    public let blocks: [Block]
    /// The head's 1x1 convolution outputs (before pooling and the classifier).
    public let headChannels: Int

    /// A skeleton.
    ///
    /// - Precondition: positive sizes, strides 1 or 2, at least one block.
    public init(
        inputResolution: Int, inputChannels: Int = 3, stemChannels: Int, stemStride: Int, blocks: [Block],
        headChannels: Int
    ) {
        precondition(
            inputResolution > 0 && inputChannels > 0 && stemChannels > 0 && [1, 2].contains(stemStride)
                && !blocks.isEmpty && headChannels > 0
                && blocks.allSatisfy { $0.outputChannels > 0 && [1, 2].contains($0.stride) },
            "MnasNetSkeleton: invalid skeleton")
        self.inputResolution = inputResolution
        self.inputChannels = inputChannels
        self.stemChannels = stemChannels
        self.stemStride = stemStride
        self.blocks = blocks
        self.headChannels = headChannels
    }

    /// MnasNet-A1 halved for 32x32 CIFAR images on a CPU (see the type's documentation).
    public static let cifar = MnasNetSkeleton(
        inputResolution: 32, stemChannels: 16, stemStride: 1,
        blocks: [
            Block(outputChannels: 8, stride: 1), Block(outputChannels: 16, stride: 1),
            Block(outputChannels: 24, stride: 2), Block(outputChannels: 40, stride: 2),
            Block(outputChannels: 56, stride: 1), Block(outputChannels: 80, stride: 2),
            Block(outputChannels: 160, stride: 1),
        ],
        headChannels: 640)

    /// The input channels of block `block` (the stem's or the previous block's output).
    public func inputChannels(ofBlock block: Int) -> Int {
        block == 0 ? stemChannels : blocks[block - 1].outputChannels
    }

    /// The side of the feature map block `block` reads: the input resolution divided by the stem's stride and
    /// the earlier blocks' strides (rounded up, as padding K/2 gives).
    public func inputResolution(ofBlock block: Int) -> Int {
        var side = Self.outputSide(inputResolution, stride: stemStride)
        for earlier in blocks[..<block] {
            side = Self.outputSide(side, stride: earlier.stride)
        }
        return side
    }

    /// The side the head reads.
    public var headResolution: Int {
        Self.outputSide(inputResolution(ofBlock: blocks.count - 1), stride: blocks[blocks.count - 1].stride)
    }

    /// Whether layer `layer` of block `block` can add the identity residual: stride 1 and equal input and output
    /// channels, which holds for every layer after the first and for a first layer only when its block has
    /// stride 1 and keeps the width.
    public func layerCanTakeResidual(block: Int, layer: Int) -> Bool {
        layer > 0 || (blocks[block].stride == 1 && inputChannels(ofBlock: block) == blocks[block].outputChannels)
    }

    /// ⌈side / stride⌉: the output side of a convolution with odd kernel K and padding K/2.
    public static func outputSide(_ side: Int, stride: Int) -> Int { (side + stride - 1) / stride }
}
