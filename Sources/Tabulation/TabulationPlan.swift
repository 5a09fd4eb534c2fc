import NASSpaces
import Seeding

/// The work of a tabulation: one item per (architecture, training seed), in a fixed order (architecture index,
/// then seed), so that workers and shards split it the same way on every machine.
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

    /// Every item, in order.
    public let items: [Item]
    /// The architecture indices, ascending, without repeats.
    public let architectureIndices: [Int]

    /// The plan of `specification` (already validated).
    public init(_ specification: TabulationSpecification) {
        let count = NB201Space().architectureCount
        var indices: [Int]
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
            indices = Array(pool[..<taken]).sorted()
        }
        architectureIndices = indices
        items = indices.flatMap { index in specification.seeds.map { Item(architectureIndex: index, seed: $0) } }
    }

    /// The items of shard `shard` of `shards` (every `shards`-th item from `shard`), then of worker `worker` of
    /// `workers` within it.
    public func items(shard: Int, of shards: Int, worker: Int, of workers: Int) -> [Item] {
        let inShard = items.enumerated().filter { $0.offset % shards == shard }.map(\.element)
        return inShard.enumerated().filter { $0.offset % workers == worker }.map(\.element)
    }
}
