import NASCore
import Seeding

/// BOHB: Hyperband whose new architectures come from a tree-structured Parzen estimator instead of uniform draws
/// (Falkner, Klein & Hutter, "BOHB: Robust and Efficient Hyperparameter Optimization at Scale", ICML 2018;
/// defaults and details from the authors' HpBandSter, `optimizers/config_generators/bohb.py`).
///
/// Line mapping (Algorithm 2, "sampling in BOHB", called for every architecture a bracket's first rung draws):
/// - The brackets, rungs and promotions are ``Hyperband``'s (``HyperbandSchedule``, ``HyperbandCycle``); only the
///   draw at a bracket's first rung differs.
/// - "b = argmax{D_b : |D_b| ≥ N_min + 2}; if b = ∅ return random configuration": the model of the largest rung
///   fidelity whose observations fit one (``TreeParzenEstimator``: n ≥ N_min and both sets larger than d);
///   without one, a uniform draw (`space.sampleArchitecture`).
/// - "if rand() < ρ then return random configuration": with a model, one `uniformDouble()` below
///   ``Configuration/randomFraction`` gives a uniform draw (HpBandSter draws only when a model exists).
/// - "fit KDEs according to eqs. (2), (3)": ``TreeParzenEstimator``, Aitchison-Aitken kernels over the space's
///   categorical decisions (``CategoricalKernelDensity``).
/// - "draw N_s samples according to l'(x)", l' being l with every bandwidth multiplied by b_w:
///   ``CategoricalKernelDensity/sample(bandwidthFactor:using:)``; a draw whose choices are not an architecture
///   (`architecture(fromChoices:)` is `nil`) is drawn again, up to 10·N_s draws in all.
/// - "return sample with highest ratio l(x)/g(x)": ``TreeParzenEstimator/score(_:)``, the first of equal
///   scores; a uniform draw if no valid candidate was found.
/// - Every observation is kept with its fidelity; the models are refitted from them at every draw.
///
/// Differences from HpBandSter: the kernel divides by the decision's number of options and bandwidths are capped
/// at the uniform kernel (see ``CategoricalKernelDensity``), so l and g are distributions; the bandwidths follow
/// ``Configuration/bandwidthRule`` (HpBandSter's normal-reference rule by default); a candidate is drawn
/// from the widened kernel itself (keep the option with probability 1 - b_w·λ, else another one uniformly), where
/// HpBandSter widens only continuous bandwidths and for a categorical keeps the option with probability 1 - λ,
/// else draws any option; bracket sizes follow Li et al. (see ``Hyperband``). NASLib's BOHB fills "good" and
/// "bad" with promoted and eliminated architectures; this follows the paper's top-q split.
///
/// Complexity per query: a promotion O(1); a first-rung draw with a model O(n·d + N_s·n·d) for the n
/// observations at the model's fidelity and d decisions (fitting, then scoring N_s candidates).
public struct BOHB<Space: CategoricalSearchSpace>: BlackBoxOptimizer {
    /// BOHB's hyper-parameters, named as in HpBandSter; defaults from the paper (Section 4) and HpBandSter.
    public struct Configuration: OptimizerConfiguration {
        /// The elimination factor η of the Hyperband brackets. Default 3 (HpBandSter; the paper's experiments).
        public var eta: Int
        /// N_min, the observations a fidelity needs before it has a model; 0 (default) is the number of
        /// decisions + 1 (the paper's "d + 1", HpBandSter's `None`; HpBandSter raises smaller values to it, here
        /// they are refused).
        public var minimumPointsInModel: Int
        /// q, the percentage of observations that are good. Default 15 (paper and HpBandSter).
        public var topPercent: Int
        /// N_s, the candidates drawn from l' per model-based proposal. Default 64 (paper and HpBandSter).
        public var sampleCount: Int
        /// ρ, the fraction of draws that stay uniform once a model exists. Default 1/3 (paper and HpBandSter).
        public var randomFraction: Double
        /// b_w, the widening of l's bandwidths when drawing candidates. Default 3 (paper and HpBandSter).
        public var bandwidthFactor: Double
        /// The smallest kernel bandwidth, so a decision on which all good points agree keeps some diversity.
        /// Default 1e-3 (HpBandSter).
        public var minimumBandwidth: Double
        /// How the kernels' bandwidths are chosen (``CategoricalBandwidthRule``). Default `normal-reference`
        /// (HpBandSter, through statsmodels); `leave-one-out` is independent of the options' order.
        public var bandwidthRule: CategoricalBandwidthRule

        /// The paper's and HpBandSter's defaults.
        public init() {
            eta = 3
            minimumPointsInModel = 0
            topPercent = 15
            sampleCount = 64
            randomFraction = 1.0 / 3.0
            bandwidthFactor = 3
            minimumBandwidth = 1e-3
            bandwidthRule = .normalReference
        }

        /// Throws unless every field is in range (naming the first that is not).
        public func validate() throws(SearchError) {
            try require(eta >= 2, "BOHB", "eta", "at least 2", got: eta)
            try require(
                minimumPointsInModel == 0 || minimumPointsInModel >= 2, "BOHB", "minimumPointsInModel",
                "0 (the number of decisions + 1) or at least the number of decisions + 1", got: minimumPointsInModel)
            try require((1...99).contains(topPercent), "BOHB", "topPercent", "in 1...99", got: topPercent)
            try require(sampleCount >= 1, "BOHB", "sampleCount", "at least 1", got: sampleCount)
            try require(
                randomFraction >= 0 && randomFraction <= 1, "BOHB", "randomFraction", "in [0, 1]",
                got: randomFraction)
            try require(
                bandwidthFactor.isFinite && bandwidthFactor > 0, "BOHB", "bandwidthFactor", "a finite number > 0",
                got: bandwidthFactor)
            try require(
                minimumBandwidth > 0 && minimumBandwidth < 1, "BOHB", "minimumBandwidth", "in (0, 1)", got: minimumBandwidth)
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The rungs and brackets.
    public let schedule: HyperbandSchedule
    private var rng: Xoshiro256
    private var cycle: HyperbandCycle<Space.Architecture>
    private var pending = PendingProposal<Space.Architecture>()
    /// Every observation, one list per rung of ``schedule`` in the order they were made.
    private var observations: [[TreeParzenEstimator.Observation]]

    /// Creates BOHB over `fidelities` whose draws come from `seed`.
    ///
    /// - Parameters:
    ///   - configuration: The hyper-parameters.
    ///   - seed: The seed of the optimizer's own generator.
    ///   - fidelities: The evaluator's fidelities (``Evaluator/fidelities``), ascending, the last one full.
    /// - Throws: ``SearchError`` for an invalid configuration or fewer than two fidelities.
    public init(configuration: Configuration = .init(), seed: UInt64, fidelities: [Int]) throws(SearchError) {
        try configuration.validate()
        let schedule = try HyperbandSchedule(fidelities: fidelities, eta: configuration.eta, optimizer: "BOHB")
        self.configuration = configuration
        self.schedule = schedule
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "bohb"))
        self.cycle = HyperbandCycle(brackets: schedule.brackets)
        self.observations = schedule.rungs.map { _ in [] }
    }

    /// - Throws: ``SearchError`` when a decision of the space has no options, or ``Configuration/minimumPointsInModel``
    ///   is below the number of decisions + 1.
    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        let proposal: Proposal<Space.Architecture>
        switch cycle.nextStep {
        case .sample(let fidelity): proposal = Proposal(try draw(in: space), fidelity: fidelity)
        case .evaluate(let architecture, let fidelity): proposal = Proposal(architecture, fidelity: fidelity)
        }
        try pending.hand(proposal, optimizer: "BOHB")
        return proposal
    }

    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        try pending.settle(with: observation, optimizer: "BOHB")
        if let rung = schedule.rungs.firstIndex(where: { $0 == observation.fidelity }) {
            observations[rung].append(
                TreeParzenEstimator.Observation(
                    choices: space.choices(of: observation.architecture), objective: observation.objective))
        }
        cycle.record(observation.architecture, objective: observation.objective)
    }

    /// A new architecture for a bracket's first rung: model-based when a model exists (Algorithm 2), else uniform.
    private mutating func draw(in space: Space) throws(SearchError) -> Space.Architecture {
        let decisions = space.decisions
        if let empty = decisions.first(where: { $0.options.isEmpty }) {
            throw SearchError(
                "BOHB: decision '\(empty.name)' of the space \(space.name) has no options; every decision needs one")
        }
        let levels = decisions.map(\.options.count)
        let minimumPoints = configuration.minimumPointsInModel > 0 ? configuration.minimumPointsInModel : levels.count + 1
        guard minimumPoints >= levels.count + 1 else {
            throw SearchError(
                "BOHB: minimumPointsInModel must be at least \(levels.count + 1), the number of \(space.name)'s "
                    + "decisions plus one (got \(minimumPoints))")
        }
        guard let model = model(levels: levels, minimumPoints: minimumPoints),
            rng.uniformDouble() >= configuration.randomFraction
        else {
            return space.sampleArchitecture(using: &rng)
        }
        var best: (architecture: Space.Architecture, score: Double)?
        var candidates = 0
        var draws = 0
        while candidates < configuration.sampleCount, draws < 10 * configuration.sampleCount {
            draws += 1
            let choices = model.good.sample(bandwidthFactor: configuration.bandwidthFactor, using: &rng)
            guard let architecture = space.architecture(fromChoices: choices) else { continue }
            candidates += 1
            let score = model.score(choices)
            if best.map({ score > $0.score }) ?? true { best = (architecture, score) }
        }
        return best?.architecture ?? space.sampleArchitecture(using: &rng)
    }

    /// The model of the largest rung fidelity whose observations fit one, if any.
    private func model(levels: [Int], minimumPoints: Int) -> TreeParzenEstimator? {
        for rung in observations.indices.reversed() {
            if let model = TreeParzenEstimator(
                observations: observations[rung], levels: levels, topPercent: configuration.topPercent,
                minimumPoints: minimumPoints, bandwidthRule: configuration.bandwidthRule,
                minimumBandwidth: configuration.minimumBandwidth)
            {
                return model
            }
        }
        return nil
    }
}
