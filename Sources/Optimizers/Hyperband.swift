import NASCore
import Seeding

/// Hyperband: successive halving run in brackets that trade many cheap evaluations against few full ones, the
/// brackets repeated until the runner's budget stops the search (Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar,
/// "Hyperband: A Novel Bandit-Based Approach to Hyperparameter Optimization", JMLR 18(185), 2018).
///
/// Line mapping (Algorithm 1):
/// - "s_max = ⌊log_η(R)⌋, B = (s_max + 1)R": ``HyperbandSchedule``, with the rungs R·η^-i snapped down to the
///   evaluator's fidelities, so s_max is the number of distinct rungs minus one.
/// - "for s in {s_max, ..., 0}: n = ⌈B/R · η^s/(s+1)⌉, r = R·η^-s": ``HyperbandSchedule/brackets``, run in this
///   order by ``HyperbandCycle``, which starts over after s = 0 (the search runs until the budget ends it).
/// - "T = get_hyperparameter_configuration(n)": each of the n is drawn uniformly (`space.sampleArchitecture`)
///   when it is asked for.
/// - "for i in 0...s: n_i = ⌊n·η^-i⌋, r_i = r·η^i; L = run_then_return_val_loss; T = top_k(T, L, ⌊n_i/η⌋)":
///   ``SuccessiveHalvingProgress``; top_k ranks by the objective observed at the rung, ties to the architecture
///   evaluated first (``SuccessiveHalvingBracket/ranking(of:)``).
///
/// On NAS-Bench-201 ([12, 200], η = 3) the rungs are [12, 200] and the brackets s = 1 (3 architectures at 12
/// epochs, the best one at 200) and s = 0 (2 at 200): 636 epochs, three full evaluations per cycle. Promoting to
/// 200 epochs is a separate 200-epoch run there, charged 200 (not 188).
///
/// Differences: HpBandSter sizes bracket s as ⌊(S+1)/(s+1)⌋·η^s; this follows the paper's ⌈(S+1)/(s+1)·η^s⌉
/// (Table 1's 81/34/15/8/5 for R = 81). NASLib's Hyperband runs the brackets once and then stops; this one loops.
///
/// Complexity: O(1) per query, plus an O(n log n) sort when a rung of n completes.
public struct Hyperband<Space: SearchSpace>: BlackBoxOptimizer {
    /// Hyperband's hyper-parameters.
    public struct Configuration: OptimizerConfiguration {
        /// The elimination factor η between rungs. Default 3 (Li et al. 2018, Section 3.3: "η = 3 or η = 4";
        /// HpBandSter's default 3).
        public var eta: Int

        /// The default: η = 3.
        public init() {
            eta = 3
        }

        /// Throws unless η ≥ 2.
        public func validate() throws(SearchError) {
            try require(eta >= 2, "hyperband", "eta", "at least 2", got: eta)
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The rungs and brackets.
    public let schedule: HyperbandSchedule
    private var rng: Xoshiro256
    private var cycle: HyperbandCycle<Space.Architecture>
    private var pending = PendingProposal<Space.Architecture>()

    /// Creates Hyperband over `fidelities` whose draws come from `seed`.
    ///
    /// - Parameters:
    ///   - configuration: The hyper-parameters.
    ///   - seed: The seed of the optimizer's own generator.
    ///   - fidelities: The evaluator's fidelities (``Evaluator/fidelities``), ascending, the last one full.
    /// - Throws: ``SearchError`` for an invalid configuration or fewer than two fidelities.
    public init(configuration: Configuration = .init(), seed: UInt64, fidelities: [Int]) throws(SearchError) {
        try configuration.validate()
        let schedule = try HyperbandSchedule(fidelities: fidelities, eta: configuration.eta, optimizer: "hyperband")
        self.configuration = configuration
        self.schedule = schedule
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "hyperband"))
        self.cycle = HyperbandCycle(brackets: schedule.brackets)
    }

    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        let proposal: Proposal<Space.Architecture>
        switch cycle.nextStep {
        case .sample(let fidelity): proposal = Proposal(space.sampleArchitecture(using: &rng), fidelity: fidelity)
        case .evaluate(let architecture, let fidelity): proposal = Proposal(architecture, fidelity: fidelity)
        }
        try pending.hand(proposal, optimizer: "hyperband")
        return proposal
    }

    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        try pending.settle(with: observation, optimizer: "hyperband")
        cycle.record(observation.architecture, objective: observation.objective)
    }
}
