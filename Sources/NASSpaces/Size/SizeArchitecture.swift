/// One network of the NATS-Bench size search space: the channel count of each of its 5 layers, each from
/// {8, 16, ..., 64} (Dong, Liu, Musial & Gabrys, "NATS-Bench", TPAMI 2021, § 3.2). `SearchSpaces/size/SPACE.md`
/// is the specification.
///
/// Stored as its dense code: layer k's width index is base-8 digit 4 − k, so code 0 is `8:8:8:8:8` and 32,767
/// is `64:64:64:64:64`.
public struct SizeArchitecture: Hashable, Codable, Sendable {
    /// The widths a layer may take, in the order NATS-Bench lists them.
    public static let widths = [8, 16, 24, 32, 40, 48, 56, 64]
    /// The layers: stem and first stage, first reduction, second stage, second reduction, third stage.
    public static let layerCount = 5
    /// 8⁵ = 32,768 networks.
    public static let count = 32_768

    /// The dense code in 0..<32,768.
    public let code: Int

    /// The architecture with dense code `code`.
    ///
    /// - Precondition: `0 <= code < 32768`.
    public init(code: Int) {
        precondition((0..<Self.count).contains(code), "SizeArchitecture: code \(code) is outside 0..<32768")
        self.code = code
    }

    /// The architecture whose layer k has width `widths[widthIndices[k]]`.
    ///
    /// - Precondition: 5 indices in 0..<8.
    public init(widthIndices: [Int]) {
        precondition(
            widthIndices.count == Self.layerCount && widthIndices.allSatisfy { (0..<8).contains($0) },
            "SizeArchitecture: give 5 width indices in 0..<8, got \(widthIndices)")
        code = widthIndices.reduce(0) { $0 * 8 + $1 }
    }

    /// Each layer's width index in 0..<8, layer 0 first.
    public var widthIndices: [Int] {
        (0..<Self.layerCount).map { layer in (code >> (3 * (Self.layerCount - 1 - layer))) & 7 }
    }

    /// Each layer's channel count, layer 0 first.
    public var channels: [Int] { widthIndices.map { Self.widths[$0] } }

    /// The same architecture with layer `layer` at width index `widthIndex`.
    public func replacing(layer: Int, withWidthIndex widthIndex: Int) -> SizeArchitecture {
        var indices = widthIndices
        indices[layer] = widthIndex
        return SizeArchitecture(widthIndices: indices)
    }
}
