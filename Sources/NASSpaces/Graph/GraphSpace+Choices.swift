import NASCore

/// The space as five categorical decisions: the link pattern and each layer's operation.
extension GraphSpace: CategoricalSearchSpace {
    /// `links` (the nine ``GraphLinkPattern``s, labelled `[0,0,0,0]` ...), then `layer 1` ... `layer 4` (this
    /// space's operations by name).
    public var decisions: [CategoricalDecision] {
        [CategoricalDecision(name: "links", options: GraphLinkPattern.all.map(\.description))]
            + (1...GraphArchitecture.layerCount).map { CategoricalDecision(name: "layer \($0)", options: operations.map(\.name)) }
    }

    /// The pattern index and the operation indices (in ``operations``) of the architecture relabelled to a
    /// pattern (``GraphArchitecture/relabeledToPattern``): an architecture whose links are a pattern gives its own
    /// decisions back.
    public func choices(of architecture: GraphArchitecture) -> [Int] {
        checkOperations(of: architecture)
        let relabeled = architecture.relabeledToPattern
        return [GraphLinkPattern(links: relabeled.links)!.index] + relabeled.operations.map { operations.firstIndex(of: $0)! }
    }

    /// The architecture with that pattern and those operations (not canonicalised), or `nil` for a wrong number
    /// of choices, a choice out of range, or four `skip` layers.
    public func architecture(fromChoices choices: [Int]) -> GraphArchitecture? {
        guard choices.count == 1 + GraphArchitecture.layerCount,
            GraphLinkPattern.all.indices.contains(choices[0]),
            choices.dropFirst().allSatisfy(operations.indices.contains)
        else { return nil }
        return try? GraphArchitecture(
            validatingLinks: GraphLinkPattern.all[choices[0]].links, operations: choices.dropFirst().map { operations[$0] })
    }
}
