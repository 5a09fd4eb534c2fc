/// The size and cost of a network as NAS benchmarks report them.
public struct ModelCost: Hashable, Codable, Sendable {
    /// Trainable scalars: every weight, batch-norm scale and offset, and bias; running statistics excluded.
    public var parameterCount: Int
    /// Multiply-adds of one forward pass of one example, counted as NAS-Bench-201's reference does: every
    /// convolution and the classifier; nothing for batch norm, activations or pooling.
    public var multiplyAdds: Int

    public init(parameterCount: Int, multiplyAdds: Int) {
        self.parameterCount = parameterCount
        self.multiplyAdds = multiplyAdds
    }

    /// Multiply-adds in millions, the unit benchmark tables call "MFLOPs".
    public var megaFlops: Double { Double(multiplyAdds) / 1e6 }
}
