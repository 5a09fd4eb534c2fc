import NASSpaces

/// Where one MBConv layer of an MnasNet-like network sits and what it computes: everything needed to build it,
/// count its cost, or look up its latency.
public struct MnasNetLayerGeometry: Hashable, Codable, Sendable {
    /// The block (0-based) and the layer within it.
    public let block: Int
    public let layer: Int
    /// The side of the square feature map the layer reads.
    public let inputResolution: Int
    public let inputChannels: Int
    public let outputChannels: Int
    public let stride: Int
    public let expansion: Int
    public let kernelSize: Int
    public let squeezeExcitation: Bool
    /// Whether the layer adds the identity (the block asks for it and the layer can take it).
    public let residual: Bool

    /// A layer's geometry (a supernet's candidate paths take it with their own expansion, kernel and SE).
    public init(
        block: Int, layer: Int, inputResolution: Int, inputChannels: Int, outputChannels: Int, stride: Int,
        expansion: Int, kernelSize: Int, squeezeExcitation: Bool, residual: Bool
    ) {
        self.block = block
        self.layer = layer
        self.inputResolution = inputResolution
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.stride = stride
        self.expansion = expansion
        self.kernelSize = kernelSize
        self.squeezeExcitation = squeezeExcitation
        self.residual = residual
    }
}

extension MnasNetSkeleton {
    /// The MBConv layers of `architecture` in order: block by block, each block's first layer with the block's
    /// stride and channel change, the others with stride 1 at the block's width; every layer repeats its block's
    /// choices, and adds the identity where its block asks for it and ``layerCanTakeResidual(block:layer:)``.
    ///
    /// - Precondition: the architecture has one choice per skeleton block.
    public func layers(of architecture: MnasNetArchitecture) -> [MnasNetLayerGeometry] {
        precondition(
            architecture.blocks.count == blocks.count,
            "MnasNetSkeleton: architecture has \(architecture.blocks.count) blocks, skeleton \(blocks.count)")
        var layers: [MnasNetLayerGeometry] = []
        for (index, choice) in architecture.blocks.enumerated() {
            var resolution = inputResolution(ofBlock: index)
            var channels = inputChannels(ofBlock: index)
            for layer in 0..<choice.layerCount {
                let stride = layer == 0 ? blocks[index].stride : 1
                layers.append(MnasNetLayerGeometry(
                    block: index, layer: layer, inputResolution: resolution, inputChannels: channels,
                    outputChannels: blocks[index].outputChannels, stride: stride, expansion: choice.expansion,
                    kernelSize: choice.kernelSize, squeezeExcitation: choice.hasSqueezeExcitation,
                    residual: choice.hasIdentityResidual && layerCanTakeResidual(block: index, layer: layer)))
                resolution = MnasNetSkeleton.outputSide(resolution, stride: stride)
                channels = blocks[index].outputChannels
            }
        }
        return layers
    }
}
