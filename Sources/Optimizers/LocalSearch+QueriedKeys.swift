import NASCore

extension LocalSearch {
    /// The keys of every architecture local search has proposed: a set for O(1) look-ups, written to checkpoints
    /// as the list in query order, so a checkpoint's bytes never depend on a set's iteration order.
    struct QueriedKeys: Hashable, Codable, Sendable {
        /// The keys in the order they were queried.
        private(set) var inQueryOrder: [ArchitectureKey] = []
        private var members: Set<ArchitectureKey> = []

        init() {}

        /// The number of keys.
        var count: Int { inQueryOrder.count }

        /// Whether `key` was queried.
        func contains(_ key: ArchitectureKey) -> Bool {
            members.contains(key)
        }

        /// Records `key` as queried (once).
        mutating func insert(_ key: ArchitectureKey) {
            if members.insert(key).inserted { inQueryOrder.append(key) }
        }

        /// Reads the list written by ``encode(to:)``.
        init(from decoder: any Decoder) throws {
            inQueryOrder = try [ArchitectureKey](from: decoder)
            members = Set(inQueryOrder)
        }

        /// Writes the keys in query order.
        func encode(to encoder: any Encoder) throws {
            try inQueryOrder.encode(to: encoder)
        }
    }
}
