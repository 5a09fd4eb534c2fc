import NASCore
import Seeding

/// Random search: every query an architecture drawn from the space's sampling distribution (uniform over
/// NB201's cells), independent of what was observed.
///
/// The baseline of every NAS comparison (Li & Talwalkar, "Random Search and Reproducibility for Neural
/// Architecture Search", UAI 2019; Sciuto et al. 2020). It has no hyper-parameters. Draws may repeat an
/// architecture, as in the NB201 paper's and NASLib's random search; the evaluator charges each query.
///
/// Complexity: one `sampleArchitecture` per query.
public struct RandomSearch<Space: SearchSpace>: BlackBoxOptimizer {
    /// Random search has no hyper-parameters.
    public struct Configuration: OptimizerConfiguration {
        /// The only configuration.
        public init() {}

        /// Nothing to check.
        public func validate() throws(SearchError) {}
    }

    /// The configuration.
    public let configuration: Configuration
    private var rng: Xoshiro256
    private var pending = PendingProposal<Space.Architecture>()

    /// Creates a random search whose draws come from `seed`.
    public init(configuration: Configuration = .init(), seed: UInt64) {
        self.configuration = configuration
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "random-search"))
    }

    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        let proposal = Proposal(space.sampleArchitecture(using: &rng))
        try pending.hand(proposal, optimizer: "random search")
        return proposal
    }

    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        try pending.settle(with: observation, optimizer: "random search")
    }
}
