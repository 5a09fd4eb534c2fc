import NASCore

/// The text form `links=[0,1,2,1] ops=gcn,gin,fc,cheb`: the input of each layer (0 the input features, `j`
/// layer `j`) and each layer's operation by its benchmark name, the arguments of the benchmark's
/// `Arch([0, 1, 2, 1], ['gcn', 'gin', 'fc', 'cheb'])`. Any of the 24 valid link lists is accepted, not only the
/// nine patterns; ``format(_:)`` writes the architecture as it is (use ``GraphArchitecture/canonical`` for the
/// benchmark's form).
extension GraphSpace {
    static let exampleText = "links=[0,1,2,1] ops=gcn,gin,fc,cheb"

    /// Reads `links=[0,1,2,1] ops=gcn,gin,fc,cheb` (fields separated by spaces, nothing else).
    ///
    /// - Throws: ``ArchitectureParseError`` naming the problem: an empty text, a missing or unknown field, a link
    ///   that is not an integer or points to a later layer, a wrong number of links or operations, an unknown
    ///   operation or one outside this space, or four `skip` layers.
    public func parse(_ text: String) throws(ArchitectureParseError) -> GraphArchitecture {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !fields.isEmpty else {
            throw ArchitectureParseError("\(name): empty text; an architecture reads \(Self.exampleText)")
        }
        guard fields.count == 2, fields[0].hasPrefix("links="), fields[1].hasPrefix("ops=") else {
            throw ArchitectureParseError(
                "\(name): \"\(text)\" is not of the form \(Self.exampleText) (two fields, links= then ops=)")
        }
        let linkText = fields[0].dropFirst("links=".count)
        guard linkText.hasPrefix("["), linkText.hasSuffix("]"), linkText.count >= 2 else {
            throw ArchitectureParseError("\(name): links \"\(linkText)\" is not a bracketed list such as [0,1,2,1]")
        }
        var links: [Int] = []
        for (position, entry) in linkText.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            guard let link = Int(entry) else {
                throw ArchitectureParseError("\(name): links[\(position)] \"\(entry)\" is not an integer (in \(text))")
            }
            links.append(link)
        }
        var layerOperations: [GraphOperation] = []
        let operationText = fields[1].dropFirst("ops=".count)
        for (position, entry) in operationText.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            guard let operation = GraphOperation(name: String(entry)) else {
                throw ArchitectureParseError(
                    "\(name): unknown operation \"\(entry)\" at ops[\(position)]; expected one of "
                        + operations.map(\.name).joined(separator: ", "))
            }
            guard operations.contains(operation) else {
                throw ArchitectureParseError(
                    "\(name): operation \(operation.name) at ops[\(position)] is not in this space; expected one of "
                        + operations.map(\.name).joined(separator: ", "))
            }
            layerOperations.append(operation)
        }
        do {
            return try GraphArchitecture(validatingLinks: links, operations: layerOperations)
        } catch {
            throw ArchitectureParseError("\(name): \(error.message) (in \(text))")
        }
    }

    /// Writes `links=[0,1,2,1] ops=gcn,gin,fc,cheb`.
    public func format(_ architecture: GraphArchitecture) -> String {
        architecture.description
    }
}
