import NASSpaces

/// What one entry of a latency table times: a layer of an MnasNet-like network at a given geometry.
///
/// Two layers with equal keys run the same code on the same shapes, so one measurement serves both. Fields that
/// a kind does not use are fixed: stride 1, expansion 1, no squeeze-and-excitation, no residual for the head and
/// the classifier; the kernel is the convolution's (3 for the stem, 1 for the head, 0 for the classifier).
public struct LatencyKey: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// The kinds of timed units, in table order.
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        /// 3x3 convolution, batch norm, ReLU (``ConvolutionBatchNormReLU``).
        case stem
        /// One ``MBConvLayer``.
        case mbconv
        /// 1x1 convolution, batch norm, ReLU (``ConvolutionBatchNormReLU``).
        case head
        /// Global average pooling and the linear layer (``PooledClassifier``); the output channels are the classes.
        case classifier
    }

    public let kind: Kind
    /// The side of the square input.
    public let inputResolution: Int
    public let inputChannels: Int
    public let outputChannels: Int
    public let stride: Int
    public let expansion: Int
    public let kernelSize: Int
    public let squeezeExcitation: Bool
    public let residual: Bool

    /// A key; see the type's documentation for the fields each kind uses.
    public init(
        kind: Kind, inputResolution: Int, inputChannels: Int, outputChannels: Int, stride: Int = 1,
        expansion: Int = 1, kernelSize: Int, squeezeExcitation: Bool = false, residual: Bool = false
    ) {
        self.kind = kind
        self.inputResolution = inputResolution
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.stride = stride
        self.expansion = expansion
        self.kernelSize = kernelSize
        self.squeezeExcitation = squeezeExcitation
        self.residual = residual
    }

    /// The key of an MBConv layer.
    public init(_ geometry: MnasNetLayerGeometry) {
        self.init(
            kind: .mbconv, inputResolution: geometry.inputResolution, inputChannels: geometry.inputChannels,
            outputChannels: geometry.outputChannels, stride: geometry.stride, expansion: geometry.expansion,
            kernelSize: geometry.kernelSize, squeezeExcitation: geometry.squeezeExcitation,
            residual: geometry.residual)
    }

    /// `mbconv r32 c16->24 s2 e6 k5 se1 res0`.
    public var description: String {
        "\(kind.rawValue) r\(inputResolution) c\(inputChannels)->\(outputChannels) s\(stride) e\(expansion) "
            + "k\(kernelSize) se\(squeezeExcitation ? 1 : 0) res\(residual ? 1 : 0)"
    }

    private var order: [Int] {
        [
            Kind.allCases.firstIndex(of: kind) ?? 0, -inputResolution, inputChannels, outputChannels, stride,
            expansion, kernelSize, squeezeExcitation ? 1 : 0, residual ? 1 : 0,
        ]
    }

    /// Table order: kind (stem, MBConv, head, classifier), then larger inputs first, then the other fields.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order.lexicographicallyPrecedes(rhs.order) }
}

extension LatencyKey {
    /// The timed units of `architecture`'s network, in forward order: the stem, each MBConv layer, the head, the
    /// classifier.
    public static func keys(
        of architecture: MnasNetArchitecture, skeleton: MnasNetSkeleton, classes: Int
    ) -> [LatencyKey] {
        [stem(skeleton)] + skeleton.layers(of: architecture).map(LatencyKey.init)
            + [head(skeleton), classifier(skeleton, classes: classes)]
    }

    /// Every key a network of `space` can have, in table order without duplicates: per block, the first layer
    /// (the block's stride and width change) and the later layers (stride 1 at the block's width), each over
    /// every expansion, kernel, squeeze-and-excitation and possible residual; plus the stem, head and classifier.
    public static func allKeys(of space: MnasNetSpace, classes: Int) -> [LatencyKey] {
        let skeleton = space.skeleton
        var keys: Set<LatencyKey> = [stem(skeleton), head(skeleton), classifier(skeleton, classes: classes)]
        for block in skeleton.blocks.indices {
            let output = skeleton.blocks[block].outputChannels
            let stride = skeleton.blocks[block].stride
            let resolution = skeleton.inputResolution(ofBlock: block)
            let positions = [
                (resolution, skeleton.inputChannels(ofBlock: block), stride, 0),
                (MnasNetSkeleton.outputSide(resolution, stride: stride), output, 1, 1),
            ]
            for (side, input, layerStride, layer) in positions {
                let residuals = skeleton.layerCanTakeResidual(block: block, layer: layer) ? [false, true] : [false]
                for expansion in MnasNetBlock.expansions {
                    for kernel in MnasNetBlock.kernelSizes {
                        for squeezeExcitation in [false, true] {
                            for residual in residuals {
                                keys.insert(LatencyKey(
                                    kind: .mbconv, inputResolution: side, inputChannels: input,
                                    outputChannels: output, stride: layerStride, expansion: expansion,
                                    kernelSize: kernel, squeezeExcitation: squeezeExcitation, residual: residual))
                            }
                        }
                    }
                }
            }
        }
        return keys.sorted()
    }

    /// The key of `skeleton`'s stem (3x3 convolution, batch norm, ReLU).
    public static func stem(_ skeleton: MnasNetSkeleton) -> LatencyKey {
        LatencyKey(
            kind: .stem, inputResolution: skeleton.inputResolution, inputChannels: skeleton.inputChannels,
            outputChannels: skeleton.stemChannels, stride: skeleton.stemStride, kernelSize: 3)
    }

    /// The key of `skeleton`'s head (1x1 convolution, batch norm, ReLU).
    public static func head(_ skeleton: MnasNetSkeleton) -> LatencyKey {
        LatencyKey(
            kind: .head, inputResolution: skeleton.headResolution,
            inputChannels: skeleton.blocks.last!.outputChannels, outputChannels: skeleton.headChannels, kernelSize: 1)
    }

    /// The key of `skeleton`'s classifier (global average pooling, linear to `classes`).
    public static func classifier(_ skeleton: MnasNetSkeleton, classes: Int) -> LatencyKey {
        LatencyKey(
            kind: .classifier, inputResolution: skeleton.headResolution, inputChannels: skeleton.headChannels,
            outputChannels: classes, kernelSize: 0)
    }
}
