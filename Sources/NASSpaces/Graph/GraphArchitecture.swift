import NASCore

/// One NAS-Bench-Graph architecture: four layers, each taking its input from the graph's input features or from
/// an earlier layer, and an operation per layer; every layer that feeds no other layer feeds the output.
///
/// `links[i]` is the input of layer `i + 1` (0 the input features, `j` layer `j`), so `links[i]` lies in
/// `0...i`: the 24 such lists describe nine tree shapes, and the benchmark writes each shape as one of its nine
/// link patterns (``GraphLinkPattern``). Any of the 24 lists is an architecture here, as in the benchmark's
/// `Arch(link, ops)`; ``GraphSpace/key(of:)`` maps all descriptions of one network to the benchmark's key. An
/// architecture with four `skip` layers has no layer at all and is not in the space (the benchmark excludes it).
public struct GraphArchitecture: Hashable, Sendable, CustomStringConvertible {
    /// The number of layers (computing nodes) of every architecture.
    public static let layerCount = 4

    /// The input of each layer: 0 the input features, `j` layer `j` (1-based); `links[i]` is in `0...i`.
    public let links: [Int]
    /// The operation of each layer.
    public let operations: [GraphOperation]

    /// Creates an architecture from valid parts.
    ///
    /// - Precondition: four links with `links[i]` in `0...i`, four operations, not all `skip`; use
    ///   ``init(validatingLinks:operations:)`` for input that may be invalid.
    public init(links: [Int], operations: [GraphOperation]) {
        if let problem = Self.problem(links: links, operations: operations) {
            preconditionFailure("GraphArchitecture: \(problem)")
        }
        self.links = links
        self.operations = operations
    }

    /// Creates an architecture, or throws naming what is wrong.
    ///
    /// - Throws: ``ArchitectureParseError`` for a wrong number of links or operations, a link to a later layer,
    ///   or four `skip` layers.
    public init(validatingLinks links: [Int], operations: [GraphOperation]) throws(ArchitectureParseError) {
        if let problem = Self.problem(links: links, operations: operations) {
            throw ArchitectureParseError("graph architecture: \(problem)")
        }
        self.links = links
        self.operations = operations
    }

    /// Why `links` and `operations` are not an architecture, or `nil` when they are.
    static func problem(links: [Int], operations: [GraphOperation]) -> String? {
        if links.count != layerCount {
            return "links has \(links.count) entries, expected \(layerCount) (the input of each layer)"
        }
        if operations.count != layerCount {
            return "ops has \(operations.count) entries, expected \(layerCount) (the operation of each layer)"
        }
        for (position, link) in links.enumerated() where !(0...position).contains(link) {
            let allowed = position == 0 ? "0 (the input)" : "0 (the input) to \(position) (an earlier layer)"
            return "links[\(position)] is \(link), but layer \(position + 1) can only take its input from \(allowed)"
        }
        if operations.allSatisfy({ $0 == .skip }) {
            return "all four operations are skip, a network without layers (NAS-Bench-Graph excludes it)"
        }
        return nil
    }

    /// The text form, as ``GraphSpace/format(_:)`` writes it: `links=[0,1,2,1] ops=gcn,gin,fc,cheb`.
    public var description: String {
        "links=[\(links.map(String.init).joined(separator: ","))] ops=\(operations.map(\.name).joined(separator: ","))"
    }
}

extension GraphArchitecture: Codable {
    enum CodingKeys: String, CodingKey {
        case links
        case operations
    }

    /// Decodes `{"links": [0, 1, 2, 1], "operations": ["gcn", "gin", "fc", "cheb"]}`, checking validity.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let links = try container.decode([Int].self, forKey: .links)
        let names = try container.decode([String].self, forKey: .operations)
        var operations: [GraphOperation] = []
        for name in names {
            guard let operation = GraphOperation(name: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .operations, in: container,
                    debugDescription: "unknown graph operation \"\(name)\"; expected one of "
                        + GraphOperation.allCases.map(\.name).joined(separator: ", "))
            }
            operations.append(operation)
        }
        if let problem = Self.problem(links: links, operations: operations) {
            throw DecodingError.dataCorruptedError(forKey: .links, in: container, debugDescription: problem)
        }
        self.links = links
        self.operations = operations
    }

    /// Encodes the links and the operations' names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(links, forKey: .links)
        try container.encode(operations.map(\.name), forKey: .operations)
    }
}
