import Seeding

/// The work of a tabulation: one item per (architecture, training seed), in a fixed order, so that workers and
/// shards split it the same way on every machine.
///
/// A sample of N architectures is the first N of a permutation of the space drawn from the sample's seed, and its
/// items come in that permutation's order (then by seed). So `sample:300:S` is the first 300 architectures of
/// `sample:1000:S`, and a tabulation stopped early has trained a uniform sample: its finished prefix can be merged
/// on its own (``TabulationMerge``). `all` goes in index order.
public struct TabulationPlan: Hashable, Sendable {
    /// One training of one architecture.
    public struct Item: Hashable, Sendable {
        /// The architecture's index in the space (`EnumerableSearchSpace.index(of:)`).
        public var architectureIndex: Int
        /// The training seed.
        public var seed: UInt64

        /// The row file's name: `<index>-seed-<seed>.json`.
        public var fileName: String { "\(architectureIndex)-seed-\(seed).json" }
    }

    /// Every item, in training order.
    public let items: [Item]
    /// The architecture indices, ascending, without repeats (the merged table's row order).
    public let architectureIndices: [Int]

    /// The plan of `specification` (already validated: its space is one `nasrun tabulate` trains).
    public init(_ specification: TabulationSpecification) {
        let count = (try? TabulatedSpace(name: specification.space))?.architectureCount ?? 0
        let indices: [Int]
        switch specification.architectures {
        case .all:
            indices = Array(0..<count)
        case .sample(let size, let seed):
            // A partial Fisher-Yates shuffle of 0..<count: the first `size` positions are a uniform sample.
            var pool = Array(0..<count)
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "tabulation sample"))
            let taken = min(size, count)
            for position in 0..<taken {
                pool.swapAt(position, position + generator.uniformInt(below: count - position))
            }
            indices = Array(pool[..<taken])
        }
        architectureIndices = indices.sorted()
        items = indices.flatMap { index in specification.seeds.map { Item(architectureIndex: index, seed: $0) } }
    }

    /// The items of shard `shard` of `shards` (every `shards`-th item from `shard`), then of worker `worker` of
    /// `workers` within it.
    public func items(shard: Int, of shards: Int, worker: Int, of workers: Int) -> [Item] {
        let inShard = items.enumerated().filter { $0.offset % shards == shard }.map(\.element)
        return inShard.enumerated().filter { $0.offset % workers == worker }.map(\.element)
    }
}
