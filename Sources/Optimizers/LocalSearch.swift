import NASCore
import Seeding

/// Local search (hill climbing with restarts): start from the best of a few random architectures, move to a
/// better neighbour while there is one, and start again from a random architecture at a local optimum.
///
/// White, Nolen & Savani, "Local Search is State of the Art for NAS Benchmarks" (arXiv:2005.02960, 2020; UAI 2021
/// as "Exploring the Loss Landscape in Neural Architecture Search"), Algorithm 1, with the initial sample and the
/// restarts of NASLib's `LocalSearch` (`naslib/optimizers/discrete/ls/optimizer.py`). `Docs/Optimizers/LocalSearch.md`
/// describes it in full. The algorithm, step by step, and where each step lives:
///
/// 1. Evaluate ``Configuration/initialSampleCount`` random architectures; the best becomes the current
///    architecture v (``ask(in:)`` while ``current`` is `nil`; ``tell(_:in:)``, `.initialSample`).
/// 2. Visit v's neighbours (`space.neighbors(of:)`) in a seeded random order (`climb(to:in:)`), skipping every
///    neighbour whose key (`space.key(of:)`) was already queried (`dropQueriedNeighbors(in:)`).
/// 3. Move to a better neighbour (strictly higher objective): under ``MoveRule/firstImprovement`` (the default)
///    to the first one that beats v (``tell(_:in:)``, `.neighbor`), under ``MoveRule/bestImprovement`` to the best
///    of the whole neighbourhood once it has been evaluated (`settle(in:)`). The neighbour becomes v; go to 2.
/// 4. No neighbour beats v: v is a local optimum. Restart from one random architecture whose key was not queried
///    (``ask(in:)``, `.restart`): it becomes v without comparison; go to 2.
///
/// No two proposals share a key: random draws are repeated until one has an unqueried key (`drawUnqueried(in:)`),
/// and neighbours with a queried key are skipped. Ties never move: a neighbour must beat v strictly, and among
/// equally good neighbours the first evaluated is kept.
///
/// Complexity per query: one `key(of:)` per neighbour visited or skipped, one `neighbors(of:)` and a shuffle per
/// move (24 cells on NB201), set look-ups in O(1); random draws repeat until an unqueried key (few, unless most of
/// the space has been queried).
public struct LocalSearch<Space: SearchSpace>: BlackBoxOptimizer {
    /// The local search's hyper-parameters.
    public struct Configuration: OptimizerConfiguration {
        /// How many random architectures the first climb starts from the best of: 10 (NASLib's `num_init`, also
        /// the default `num_init` of the paper's code). Restarts start from a single random architecture, as in
        /// NASLib.
        public var initialSampleCount: Int
        /// Which better neighbour to move to: ``MoveRule/firstImprovement``, the default of the paper's code
        /// (`query_full_nbhd=False` in `local_search` of `realityengines/local_search` and `naszilla`), which
        /// its NAS-Bench comparisons ran with. The paper's Algorithm 1 as printed, and NASLib, evaluate the whole
        /// neighbourhood: ``MoveRule/bestImprovement``.
        public var moveRule: MoveRule

        /// The defaults: 10 initial samples, first improvement.
        public init() {
            initialSampleCount = 10
            moveRule = .firstImprovement
        }

        /// Throws unless `initialSampleCount` is at least 1.
        public func validate() throws(SearchError) {
            try require(
                initialSampleCount >= 1, LocalSearch.name, "initialSampleCount", "at least 1", got: initialSampleCount)
        }
    }

    /// Which better neighbour local search moves to; the command line spells them by their raw values.
    public enum MoveRule: String, Hashable, Codable, Sendable, CaseIterable {
        /// Move to the first neighbour, in the seeded random order, that beats the current architecture (the
        /// default, `query_full_nbhd=False`, of the paper's code).
        case firstImprovement = "first-improvement"
        /// Evaluate every (unqueried) neighbour, then move to the best if it beats the current architecture
        /// (steepest ascent; the paper's Algorithm 1 as printed, NASLib).
        case bestImprovement = "best-improvement"
    }

    /// An architecture with the objective it was told.
    public struct Evaluated: Hashable, Codable, Sendable {
        /// The architecture.
        public let architecture: Space.Architecture
        /// Its objective.
        public let objective: Double
    }

    /// What the proposal awaiting its evaluation is for.
    enum Role: Hashable, Codable, Sendable {
        case initialSample, neighbor, restart
    }

    static var name: String { "local search" }

    /// The configuration.
    public let configuration: Configuration
    /// The architecture the search climbs from (v), or `nil` during the initial sample.
    public private(set) var current: Evaluated?
    /// How many times the search has restarted from a random architecture at a local optimum.
    public private(set) var restartCount = 0
    private var rng: Xoshiro256
    private var pending = PendingProposal<Space.Architecture>()
    private var role: Role?
    private var queried = QueriedKeys()
    /// The best architecture of the initial sample so far, and how many of its evaluations were told.
    private var initialBest: Evaluated?
    private var initialSamplesTold = 0
    /// v's neighbours not yet proposed, in visiting order; the first is never of a queried key after a tell.
    private var unvisitedNeighbors: [Space.Architecture] = []
    /// The best neighbour of v evaluated so far that beats v (best improvement only).
    private var bestNeighbor: Evaluated?

    /// Creates a local search whose draws and visiting orders come from `seed`.
    ///
    /// - Precondition: `configuration` is valid (``Configuration/validate()``); the runner validates it first.
    public init(configuration: Configuration = .init(), seed: UInt64) {
        precondition((try? configuration.validate()) != nil, "LocalSearch: invalid configuration \(configuration)")
        self.configuration = configuration
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "local-search"))
    }

    /// The number of distinct keys proposed so far.
    public var queriedKeyCount: Int { queried.count }

    /// Proposes the next initial sample, unvisited neighbour or restart. A throwing ask changes nothing.
    ///
    /// - Throws: ``SearchError`` when a proposal awaits its evaluation, or when random draws keep giving
    ///   architectures whose keys were queried (the space is nearly exhausted).
    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        var next = self
        let proposal = Proposal(try next.nextArchitecture(in: space))
        try next.pending.hand(proposal, optimizer: Self.name)
        next.queried.insert(space.key(of: proposal.architecture))
        self = next
        return proposal
    }

    /// Records the objective of the last proposal and takes the step it decides: the start of the first climb,
    /// a move, or the start of a climb after a restart.
    ///
    /// - Throws: ``SearchError`` if `observation` is not of the last proposal.
    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        try pending.settle(with: observation, optimizer: Self.name)
        let evaluated = Evaluated(architecture: observation.architecture, objective: observation.objective)
        switch role {
        case .initialSample:
            initialSamplesTold += 1
            if initialBest.map({ evaluated.objective > $0.objective }) ?? true { initialBest = evaluated }
            if initialSamplesTold == configuration.initialSampleCount, let initialBest {
                climb(to: initialBest, in: space)
            }
        case .neighbor:
            if let current, evaluated.objective > current.objective {
                switch configuration.moveRule {
                case .firstImprovement:
                    climb(to: evaluated, in: space)
                case .bestImprovement:
                    if bestNeighbor.map({ evaluated.objective > $0.objective }) ?? true { bestNeighbor = evaluated }
                }
            }
        case .restart:
            climb(to: evaluated, in: space)
        case nil:
            preconditionFailure("LocalSearch: a settled proposal without a role")
        }
        role = nil
        settle(in: space)
    }

    // MARK: Steps

    /// The architecture to propose next, with its role recorded.
    private mutating func nextArchitecture(in space: Space) throws(SearchError) -> Space.Architecture {
        guard current != nil else {
            role = .initialSample
            return try drawUnqueried(in: space)
        }
        if !unvisitedNeighbors.isEmpty {
            role = .neighbor
            return unvisitedNeighbors.removeFirst()
        }
        // `settle` left no neighbour and no better one to move to: v is a local optimum.
        role = .restart
        restartCount += 1
        return try drawUnqueried(in: space)
    }

    /// Makes `evaluated` the current architecture and queues its neighbours in a seeded random order.
    private mutating func climb(to evaluated: Evaluated, in space: Space) {
        current = evaluated
        bestNeighbor = nil
        unvisitedNeighbors = space.neighbors(of: evaluated.architecture)
        unvisitedNeighbors.seededShuffle(using: &rng)
    }

    /// Drops queried neighbours from the front of the queue and, under best improvement, moves to the best
    /// neighbour once the neighbourhood is exhausted (repeatedly, as the new neighbourhood may be exhausted too).
    private mutating func settle(in space: Space) {
        while current != nil {
            dropQueriedNeighbors(in: space)
            guard unvisitedNeighbors.isEmpty, let bestNeighbor else { return }
            climb(to: bestNeighbor, in: space)
        }
    }

    private mutating func dropQueriedNeighbors(in space: Space) {
        let firstUnqueried = unvisitedNeighbors.firstIndex { !queried.contains(space.key(of: $0)) }
        unvisitedNeighbors.removeSubrange(..<(firstUnqueried ?? unvisitedNeighbors.endIndex))
    }

    /// How many draws in a row may give queried keys before the search gives up.
    static var drawLimit: Int { 10_000 }

    /// A random architecture whose key has not been queried.
    private mutating func drawUnqueried(in space: Space) throws(SearchError) -> Space.Architecture {
        for _ in 0..<Self.drawLimit {
            let architecture = space.sampleArchitecture(using: &rng)
            if !queried.contains(space.key(of: architecture)) { return architecture }
        }
        throw SearchError(
            "\(Self.name): \(Self.drawLimit) random draws in a row gave architectures whose keys were already "
                + "queried (\(queried.count) keys so far); the space is nearly exhausted, so stop the search here")
    }
}
