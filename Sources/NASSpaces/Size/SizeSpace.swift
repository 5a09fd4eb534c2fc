import NASCore
import Seeding

/// The NATS-Bench size search space (Dong et al., TPAMI 2021): the best NAS-Bench-201 cell in a network of 5
/// layers whose channel counts are searched, each from {8, 16, ..., 64}: 8⁵ = 32,768 networks.
/// `SearchSpaces/size/SPACE.md` is the specification.
///
/// - Sampling: uniform over the 32,768 (one draw of `uniformInt(below: 32768)`).
/// - Mutation: one layer, drawn uniformly, gets one of the 7 other widths, drawn uniformly.
/// - Neighbours: the 35 single-layer changes, layer by layer, widths ascending.
/// - Key: the text form; every network is its own class (channel counts are not interchangeable).
/// - Text form: NATS-Bench's `c0:c1:c2:c3:c4`, e.g. `8:8:40:32:40`.
/// - Encoding: one-hot, 8 positions per layer (40).
public struct SizeSpace: CategoricalSearchSpace, EnumerableSearchSpace {
    public typealias Architecture = SizeArchitecture

    public init() {}

    public var name: String { "size" }

    /// Draws a network uniformly from the 32,768.
    public func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> SizeArchitecture {
        SizeArchitecture(code: rng.uniformInt(below: SizeArchitecture.count))
    }

    /// Changes the width of one uniformly drawn layer to one of the other 7 widths (uniformly).
    ///
    /// Two draws: the layer (`uniformInt(below: 5)`), then the position among the other widths, ascending
    /// (`uniformInt(below: 7)`).
    public func mutate(_ architecture: SizeArchitecture, using rng: inout some RandomNumberGenerator)
        -> SizeArchitecture
    {
        let layer = rng.uniformInt(below: SizeArchitecture.layerCount)
        let current = architecture.widthIndices[layer]
        let others = (0..<SizeArchitecture.widths.count).filter { $0 != current }
        return architecture.replacing(layer: layer, withWidthIndex: others[rng.uniformInt(below: others.count)])
    }

    /// The 35 networks that differ in one layer's width: layers in order, widths ascending.
    public func neighbors(of architecture: SizeArchitecture) -> [SizeArchitecture] {
        var neighbors: [SizeArchitecture] = []
        neighbors.reserveCapacity(35)
        for layer in 0..<SizeArchitecture.layerCount {
            let current = architecture.widthIndices[layer]
            for widthIndex in SizeArchitecture.widths.indices where widthIndex != current {
                neighbors.append(architecture.replacing(layer: layer, withWidthIndex: widthIndex))
            }
        }
        return neighbors
    }

    /// The text form: no two networks compute the same function class.
    public func key(of architecture: SizeArchitecture) -> ArchitectureKey {
        ArchitectureKey(format(architecture))
    }

    /// Reads NATS-Bench's `c0:c1:c2:c3:c4`.
    ///
    /// - Throws: ``ArchitectureParseError`` naming the field and the valid widths, or the wrong field count.
    public func parse(_ text: String) throws(ArchitectureParseError) -> SizeArchitecture {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == SizeArchitecture.layerCount else {
            throw ArchitectureParseError(
                "'\(text)' has \(fields.count) field(s); a size-space network is 5 channel counts joined by ':', "
                    + "e.g. 8:8:40:32:40")
        }
        var indices: [Int] = []
        for (layer, field) in fields.enumerated() {
            guard let width = Int(field), let index = SizeArchitecture.widths.firstIndex(of: width) else {
                throw ArchitectureParseError(
                    "layer \(layer) of '\(text)' has \(field.isEmpty ? "no width" : "width '\(field)'"); each "
                        + "layer takes one of " + SizeArchitecture.widths.map(String.init).joined(separator: ", "))
            }
            indices.append(index)
        }
        return SizeArchitecture(widthIndices: indices)
    }

    /// Writes NATS-Bench's `c0:c1:c2:c3:c4`.
    public func format(_ architecture: SizeArchitecture) -> String {
        architecture.channels.map(String.init).joined(separator: ":")
    }

    /// One-hot only: the space has no graph to draw adjacency or paths from.
    public var encodings: [ArchitectureEncoding] { [.oneHot] }

    /// Layer k's width index as a one-hot block of 8, layer 0 first (40 values).
    ///
    /// - Precondition: `encoding` is one of ``encodings``.
    public func encode(_ architecture: SizeArchitecture, as encoding: ArchitectureEncoding) -> [Float] {
        precondition(encoding == .oneHot, "SizeSpace encodes only as one-hot, asked \(encoding.rawValue)")
        var values = [Float](repeating: 0, count: SizeArchitecture.layerCount * SizeArchitecture.widths.count)
        for (layer, index) in architecture.widthIndices.enumerated() {
            values[layer * SizeArchitecture.widths.count + index] = 1
        }
        return values
    }

    /// One decision per layer (`"layer 0 channels"`, ...), options the widths ascending.
    public var decisions: [CategoricalDecision] {
        (0..<SizeArchitecture.layerCount).map { layer in
            CategoricalDecision(name: "layer \(layer) channels", options: SizeArchitecture.widths.map(String.init))
        }
    }

    /// Each layer's width index.
    public func choices(of architecture: SizeArchitecture) -> [Int] { architecture.widthIndices }

    /// The network with width index `choices[k]` in layer k, or `nil` unless there are 5 choices in 0..<8.
    public func architecture(fromChoices choices: [Int]) -> SizeArchitecture? {
        guard choices.count == SizeArchitecture.layerCount, choices.allSatisfy({ (0..<8).contains($0) }) else {
            return nil
        }
        return SizeArchitecture(widthIndices: choices)
    }

    /// 32,768.
    public var architectureCount: Int { SizeArchitecture.count }

    /// The dense code: layer 0's width index is the most significant base-8 digit.
    public func index(of architecture: SizeArchitecture) -> Int { architecture.code }

    /// The network with dense index `index`.
    ///
    /// - Precondition: `0 <= index < 32768`.
    public func architecture(at index: Int) -> SizeArchitecture { SizeArchitecture(code: index) }
}
