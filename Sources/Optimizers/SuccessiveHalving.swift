import NASCore
import Seeding

/// Successive halving: evaluate many architectures at a low fidelity, promote the best 1/η to the next rung,
/// and so on up to the full fidelity; then start a new bracket (Jamieson & Talwalkar, "Non-stochastic Best Arm
/// Identification and Hyperparameter Optimization", AISTATS 2016, Algorithm 1, with Li et al.'s η-ary
/// elimination, "Hyperband", JMLR 2018, Algorithm 1's inner loop).
///
/// Line mapping:
/// - Jamieson & Talwalkar line 1 ("S_0 = [n]"): the bracket's first rung draws ``Configuration/initialArchitectures``
///   architectures uniformly (`space.sampleArchitecture`), one per ask, at the lowest rung of
///   ``HyperbandSchedule/rungs(fidelities:eta:)``.
/// - Line 3 ("pull each arm in S_k r_k times"): each architecture of rung k is evaluated at the rung's fidelity
///   (``SuccessiveHalvingProgress``). On tables of separate runs (NAS-Bench-201) a promotion is a new run charged
///   its full fidelity: 12 then 200 epochs costs 212.
/// - Line 4 ("S_{k+1} = the best ⌊|S_k|/η⌋"): ``SuccessiveHalvingBracket/ranking(of:)``, objective descending,
///   ties to the architecture evaluated first; at least one is kept.
/// - The bracket ends at the full fidelity; a new bracket starts (``HyperbandCycle``), so the search runs until the
///   runner's budget stops it.
///
/// With the default ``Configuration/initialArchitectures`` the bracket is Hyperband's most exploratory one,
/// s = S (η^S architectures, one reaching the full fidelity). On NAS-Bench-201 ([12, 200], η = 3): 3 at 12
/// epochs, the best at 200; 236 epochs per bracket.
///
/// Complexity: O(1) per query, plus an O(n log n) sort when a rung of n completes.
public struct SuccessiveHalving<Space: SearchSpace>: BlackBoxOptimizer {
    /// Successive halving's hyper-parameters.
    public struct Configuration: OptimizerConfiguration {
        /// The elimination factor η: each rung keeps the best 1/η. Default 3 (Li et al. 2018, Section 3.3:
        /// "η = 3 or η = 4"; HpBandSter's default 3).
        public var eta: Int
        /// The number of architectures drawn at the first rung; 0 (default) takes η^S for S + 1 rungs, so that
        /// exactly one architecture reaches the full fidelity (Hyperband's bracket s = s_max).
        public var initialArchitectures: Int

        /// The defaults: η = 3, η^S architectures per bracket.
        public init() {
            eta = 3
            initialArchitectures = 0
        }

        /// Throws unless η ≥ 2 and the number of architectures is not negative.
        public func validate() throws(SearchError) {
            try require(eta >= 2, "successive halving", "eta", "at least 2", got: eta)
            try require(
                initialArchitectures >= 0, "successive halving", "initialArchitectures",
                "at least 1, or 0 for eta^(rungs - 1)", got: initialArchitectures)
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The rungs and the bracket run over and over.
    public let bracket: SuccessiveHalvingBracket
    private var rng: Xoshiro256
    private var cycle: HyperbandCycle<Space.Architecture>
    private var pending = PendingProposal<Space.Architecture>()

    /// Creates successive halving over `fidelities` whose draws come from `seed`.
    ///
    /// - Parameters:
    ///   - configuration: The hyper-parameters.
    ///   - seed: The seed of the optimizer's own generator.
    ///   - fidelities: The evaluator's fidelities (``Evaluator/fidelities``), ascending, the last one full.
    /// - Throws: ``SearchError`` for an invalid configuration or fewer than two fidelities.
    public init(configuration: Configuration = .init(), seed: UInt64, fidelities: [Int]) throws(SearchError) {
        try configuration.validate()
        try HyperbandSchedule.checkFidelities(fidelities, optimizer: "successive halving")
        let rungs = HyperbandSchedule.rungs(fidelities: fidelities, eta: configuration.eta)
        let exploratory = (1..<rungs.count).reduce(1) { product, _ in product * configuration.eta }
        let initialSize = configuration.initialArchitectures > 0 ? configuration.initialArchitectures : exploratory
        let bracket = SuccessiveHalvingBracket(fidelities: rungs, initialSize: initialSize, eta: configuration.eta)
        self.configuration = configuration
        self.bracket = bracket
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "successive-halving"))
        self.cycle = HyperbandCycle(brackets: [bracket])
    }

    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        let proposal: Proposal<Space.Architecture>
        switch cycle.nextStep {
        case .sample(let fidelity): proposal = Proposal(space.sampleArchitecture(using: &rng), fidelity: fidelity)
        case .evaluate(let architecture, let fidelity): proposal = Proposal(architecture, fidelity: fidelity)
        }
        try pending.hand(proposal, optimizer: "successive halving")
        return proposal
    }

    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        try pending.settle(with: observation, optimizer: "successive halving")
        cycle.record(observation.architecture, objective: observation.objective)
    }
}
