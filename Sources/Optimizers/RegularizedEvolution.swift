import NASCore
import Seeding

/// Regularized (aging) evolution: tournament selection over a population that is a queue, so that every
/// architecture dies of age, however good it was.
///
/// Real, Aggarwal, Huang & Le, "Regularized Evolution for Image Classifier Architecture Search" (AAAI 2019),
/// Algorithm 1. `Docs/Optimizers/RegularizedEvolution.md` describes it in full. The algorithm, line by line, and
/// where each line lives:
///
/// 1. `population ← empty queue; history ← ∅` (``population``, oldest first; the runner keeps the history).
/// 2. `while |population| < P`: a random architecture is evaluated and added to the right
///    (``ask(in:)``: `space.sampleArchitecture`; ``tell(_:in:)``).
/// 3. `while |history| < C`: the runner's query budget decides when to stop.
/// 4. `sample ← S architectures drawn uniformly, with replacement, from population` (``ask(in:)``, `tournament`).
/// 5. `parent ← the highest-accuracy model in sample` (ties: the first drawn).
/// 6. `child ← MUTATE(parent)`: one `space.mutate` (one elementary change; on NB201 one edge's operation).
/// 7. The child is evaluated and added to the right of the population (``tell(_:in:)``).
/// 8. `dead ← remove the leftmost (oldest) of population` (``tell(_:in:)``), so the population stays at P.
///
/// Architectures are not deduplicated: a random draw or a child may repeat an architecture queried before, as in
/// the paper, NAS-Bench-201's and NASLib's implementations; each repeat is a query of its own. The paper's
/// mutation also has an "identity" outcome that leaves the parent unchanged; `space.mutate` always changes it.
///
/// Complexity per query: one `sampleArchitecture` (initial population) or `S` uniform draws, one `mutate` and an
/// O(P) removal from the front of the queue.
public struct RegularizedEvolution<Space: SearchSpace>: BlackBoxOptimizer {
    /// The evolution's hyper-parameters (the paper's P and S).
    public struct Configuration: OptimizerConfiguration {
        /// P, the number of architectures alive at once: 100 (the paper's AmoebaNet-A search). NAS-Bench-201's
        /// paper used 10 (its `R-EA.sh`: `--ea_population 10`), NASLib uses 30 (`population_size`).
        public var populationSize: Int
        /// S, the number of architectures drawn for each tournament: 25 (the paper's AmoebaNet-A search).
        /// NAS-Bench-201's paper used 3 (`--ea_sample_size 3`), NASLib uses 10 (`sample_size`).
        public var sampleSize: Int

        /// The paper's defaults: P = 100, S = 25.
        public init() {
            populationSize = 100
            sampleSize = 25
        }

        /// Throws unless `populationSize` is at least 1 and `sampleSize` is between 1 and `populationSize`.
        public func validate() throws(SearchError) {
            let name = RegularizedEvolution.name
            try require(populationSize >= 1, name, "populationSize", "at least 1", got: populationSize)
            try require(
                (1...populationSize).contains(sampleSize), name, "sampleSize",
                "between 1 and populationSize (\(populationSize))", got: sampleSize)
        }
    }

    /// One member of the population: an architecture, its objective, and when it was born.
    public struct Member: Hashable, Codable, Sendable {
        /// The architecture.
        public let architecture: Space.Architecture
        /// Its objective.
        public let objective: Double
        /// Its position among all members ever added, from 0: the smaller, the older.
        public let birth: Int
    }

    /// One tournament: the members drawn, in draw order (with repeats), and the winner, the parent of the child.
    public struct Tournament: Hashable, Codable, Sendable {
        /// The members drawn.
        public let sample: [Member]
        /// The first member of `sample` with the highest objective.
        public let winner: Member
    }

    static var name: String { "regularized evolution" }

    /// The configuration.
    public let configuration: Configuration
    /// The living members, oldest first: at most ``Configuration/populationSize``.
    public private(set) var population: [Member] = []
    /// The tournament that chose the parent of the last child proposed (`nil` while the initial population is
    /// being drawn).
    public private(set) var lastTournament: Tournament?
    private var rng: Xoshiro256
    private var pending = PendingProposal<Space.Architecture>()
    private var births = 0

    /// Creates an evolution whose draws and mutations come from `seed`.
    ///
    /// - Precondition: `configuration` is valid (``Configuration/validate()``); the runner validates it first.
    public init(configuration: Configuration = .init(), seed: UInt64) {
        precondition(
            (try? configuration.validate()) != nil, "RegularizedEvolution: invalid configuration \(configuration)")
        self.configuration = configuration
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "regularized-evolution"))
    }

    /// Proposes a random architecture until the population is full, then the mutant of a tournament's winner. A
    /// throwing ask changes nothing.
    ///
    /// - Throws: ``SearchError`` when a proposal awaits its evaluation.
    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        var next = self
        let architecture: Space.Architecture
        if population.count < configuration.populationSize {
            architecture = space.sampleArchitecture(using: &next.rng)
        } else {
            let tournament = next.tournament()
            next.lastTournament = tournament
            architecture = space.mutate(tournament.winner.architecture, using: &next.rng)
        }
        let proposal = Proposal(architecture)
        try next.pending.hand(proposal, optimizer: Self.name)
        self = next
        return proposal
    }

    /// Adds the evaluated architecture to the right of the population and removes the oldest once there are
    /// more than ``Configuration/populationSize``.
    ///
    /// - Throws: ``SearchError`` if `observation` is not of the last proposal.
    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        try pending.settle(with: observation, optimizer: Self.name)
        let member = Member(architecture: observation.architecture, objective: observation.objective, birth: births)
        population.append(member)
        births += 1
        if population.count > configuration.populationSize { population.removeFirst() }
    }

    /// Draws ``Configuration/sampleSize`` members uniformly with replacement and picks the first best.
    ///
    /// - Precondition: the population is not empty.
    private mutating func tournament() -> Tournament {
        var sample: [Member] = []
        sample.reserveCapacity(configuration.sampleSize)
        for _ in 0..<configuration.sampleSize {
            sample.append(population[rng.uniformInt(below: population.count)])
        }
        var winner = sample[0]
        for member in sample.dropFirst() where member.objective > winner.objective { winner = member }
        return Tournament(sample: sample, winner: winner)
    }
}
