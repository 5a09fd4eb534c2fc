import NASCore

/// NB101 as 26 categorical decisions, so that generic samplers (TPE, REINFORCE) can search it: the 21 edge slots
/// in slot order (options `absent`, `present`), then vertices 1 to 5 (options the operations in canonical
/// order). Choices that give an invalid cell map to `nil`.
extension NB101Space: CategoricalSearchSpace {
    public var decisions: [CategoricalDecision] {
        NB101Architecture.edgeSlots.map { edge in
            CategoricalDecision(name: "edge \(edge.source)->\(edge.destination)", options: ["absent", "present"])
        } + (1...NB101Architecture.interiorVertexCount).map { vertex in
            CategoricalDecision(name: "vertex \(vertex)", options: NB101Operation.allCases.map(\.name))
        }
    }

    public func choices(of architecture: NB101Architecture) -> [Int] {
        NB101Architecture.edgeSlots.map { architecture.hasEdge(from: $0.source, to: $0.destination) ? 1 : 0 }
            + architecture.operations.map(\.rawValue)
    }

    /// The cell for 21 edge choices (0 or 1) and 5 operation choices (0...2), or `nil` when a choice is out of
    /// range or the cell is invalid (input not reaching the output, more than 9 edges after pruning).
    public func architecture(fromChoices choices: [Int]) -> NB101Architecture? {
        let edgeCount = NB101Architecture.edgeSlotCount
        guard choices.count == edgeCount + NB101Architecture.interiorVertexCount else { return nil }
        var edgeBits: UInt32 = 0
        for (slot, choice) in choices.prefix(edgeCount).enumerated() {
            guard choice == 0 || choice == 1 else { return nil }
            if choice == 1 { edgeBits |= 1 << UInt32(slot) }
        }
        var operations: [NB101Operation] = []
        for choice in choices.dropFirst(edgeCount) {
            guard let operation = NB101Operation(rawValue: choice) else { return nil }
            operations.append(operation)
        }
        return try? NB101Architecture(edgeBits: edgeBits, operations: operations)
    }
}
