import NASCore
import Seeding

/// REINFORCE with an LSTM controller (Zoph & Le, "Neural Architecture Search with Reinforcement Learning",
/// ICLR 2017), generic over a space's categorical decisions, with the NB201 paper's REINFORCE settings (Dong &
/// Yang, "NAS-Bench-201", ICLR 2020) and ENAS's entropy bonus (Pham et al., ICML 2018).
///
/// Algorithm, and where each line is:
///
///     θ ← uniform(±0.08); b ← none                          first ask (ReinforceController.init)
///     repeat
///       c ~ π_θ: for t = 1 … T: embed c_{t−1}, step the    ask → ReinforceController.sample
///         LSTM, draw cₜ ~ softmax(head_t(h))
///       if the space has no architecture for c:             ask: penalty update with r = 0, draw again
///       evaluate a(c), r ← objective                         the runner; tell
///       b ← EMA_β(r)  (corrected for its zero start)        tell → ReinforceBaseline.record
///       after M tells: θ ← Adam(∇ (1/M) Σ [−(r − b) Σₜ log π(cₜ) − λ Σₜ H(πₜ)])
///                                                           tell → ReinforceController.update
///
/// Rewards are the observations' objectives as told (NB201: accuracy in percent), not normalised: Adam divides
/// each step by the gradients' running scale, so the reward's unit only sets the entropy bonus's relative
/// weight. An invalid combination of choices (`architecture(fromChoices:)` returning `nil`, as NB101's
/// disconnected cells do) is never proposed: it costs the controller one policy update with reward 0 (advantage
/// −b, no baseline update, nothing charged by the evaluator), and the controller draws again, up to
/// ``Configuration/invalidDrawLimit`` times per ask.
///
/// The optimizer is a value: the controller's weights and Adam's moments are stored as arrays by parameter
/// name, and the engine's layers are rebuilt inside each ask and tell, so copies are independent and a
/// checkpoint resumes exactly. See `Docs/Optimizers/Reinforce.md`.
///
/// Complexity per query: one controller pass without a tape to sample (T LSTM steps of L layers, O(T·L·H²)),
/// and one forward and backward pass per sample at each policy update, O(M·T·L·H²) every M queries.
public struct Reinforce<Space: CategoricalSearchSpace>: BlackBoxOptimizer {
    /// The configuration.
    public let configuration: Configuration
    private var rng: Xoshiro256
    private var pending = PendingProposal<Space.Architecture>()
    /// The choices of the pending proposal.
    private var pendingChoices: [Int]?
    /// The controller, created at the first ask (when the space's decisions are known).
    private var controller: ReinforceController?
    private var baseline = ReinforceBaseline()
    /// The evaluated samples awaiting the next policy update (fewer than ``Configuration/batchSize``).
    private var batch: [ReinforceSample] = []

    private static var name: String { "REINFORCE" }

    /// Creates a search whose controller weights and draws come from `seed`.
    public init(configuration: Configuration = .init(), seed: UInt64) {
        self.configuration = configuration
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "reinforce"))
    }

    /// Draws choices from the controller until the space has an architecture for them.
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, a space with other decisions than the
    ///   controller was built for, ``Configuration/invalidDrawLimit`` invalid draws in a row, or an ask
    ///   without a tell for the previous proposal. The optimizer is unchanged when it throws.
    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        try configuration.validate()
        var rng = self.rng
        var controller = try preparedController(for: space, using: &rng)
        for _ in 0..<configuration.invalidDrawLimit {
            let choices = controller.sample(using: &rng)
            guard let architecture = space.architecture(fromChoices: choices) else {
                let penalty = ReinforceSample(choices: choices, advantage: Float(0 - baseline.value))
                try controller.update(
                    with: [penalty], entropyWeight: Float(configuration.entropyWeight),
                    learningRate: Float(configuration.learningRate))
                continue
            }
            let proposal = Proposal(architecture)
            try pending.hand(proposal, optimizer: Self.name)
            pendingChoices = choices
            self.rng = rng
            self.controller = controller
            return proposal
        }
        throw SearchError(
            "\(Self.name): the controller drew \(configuration.invalidDrawLimit) combinations of choices in a row that "
                + "\(space.name) has no architecture for; raise invalidDrawLimit or search a space with fewer invalid "
                + "combinations")
    }

    /// Records the reward, updates the baseline, and after every ``Configuration/batchSize`` tells updates the
    /// controller.
    ///
    /// - Throws: ``SearchError`` if `observation` is not of the pending proposal, its objective is not finite,
    ///   or the update made a weight non-finite.
    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        var pending = self.pending
        try pending.settle(with: observation, optimizer: Self.name)
        guard let choices = pendingChoices, var controller else {
            throw SearchError("\(Self.name): the pending proposal has no recorded choices; the checkpoint is damaged")
        }
        var baseline = self.baseline
        baseline.record(observation.objective, decay: configuration.baselineDecay)
        var batch = self.batch
        batch.append(ReinforceSample(choices: choices, advantage: Float(observation.objective - baseline.value)))
        if batch.count >= configuration.batchSize {
            try controller.update(
                with: batch, entropyWeight: Float(configuration.entropyWeight),
                learningRate: Float(configuration.learningRate))
            batch = []
        }
        self.pending = pending
        self.pendingChoices = nil
        self.baseline = baseline
        self.batch = batch
        self.controller = controller
    }

    /// The controller's distribution over each decision's options when the decisions before it are `choices`
    /// (the learned policy; NB201's REINFORCE reports its most likely cell).
    ///
    /// - Returns: one probability vector per decision, in the order of `space.decisions`.
    /// - Throws: ``SearchError`` before the first ask (there is no controller yet), or when `choices` are not
    ///   one valid choice per decision of the controller's space.
    public func decisionProbabilities(along choices: [Int], in space: Space) throws(SearchError) -> [[Double]] {
        guard let controller else {
            throw SearchError("\(Self.name): the controller is created at the first ask; ask before reading its policy")
        }
        guard choices.count == controller.optionCounts.count,
            zip(choices, controller.optionCounts).allSatisfy({ (0..<$1).contains($0) })
        else {
            throw SearchError(
                "\(Self.name): \(choices) is not one choice per decision of options \(controller.optionCounts)")
        }
        return controller.probabilities(along: choices)
    }

    /// The controller, created from `rng` on the first ask and checked against the space's decisions after.
    private func preparedController(
        for space: Space, using rng: inout Xoshiro256
    ) throws(SearchError) -> ReinforceController {
        let optionCounts = space.decisions.map(\.options.count)
        guard !optionCounts.isEmpty, optionCounts.allSatisfy({ $0 >= 1 }) else {
            throw SearchError(
                "\(Self.name): \(space.name) has decisions with option counts \(optionCounts); the controller needs at "
                    + "least one decision, each with at least one option")
        }
        if let controller {
            guard controller.optionCounts == optionCounts else {
                throw SearchError(
                    "\(Self.name): the controller was built for decisions with option counts "
                        + "\(controller.optionCounts), but \(space.name) has \(optionCounts); search one space per "
                        + "optimizer")
            }
            return controller
        }
        var initialization = rng.child("controller initialization")
        return ReinforceController(
            optionCounts: optionCounts, hiddenSize: configuration.hiddenSize, layerCount: configuration.layerCount,
            initializationBound: Float(configuration.initializationBound), using: &initialization)
    }
}
