import NASCore
import Predictors
import Seeding

/// BANANAS: Bayesian optimization with an ensemble of neural predictors on the path encoding (White, Neiswanger
/// & Savani, "BANANAS: Bayesian Optimization with Neural Architectures for Neural Architecture Search", AAAI
/// 2021). `Docs/Optimizers/Bananas.md` has the algorithm, its defaults' sources and what differs from NASLib.
///
/// Algorithm 1 of the paper, line by line:
///
///     1. query t₀ = 10 architectures drawn at random            ask: nextInitialArchitecture
///     2. for each iteration (when the queue of proposals is empty):
///        i.   fit the meta-network ensemble on every            nextBatch: MLPEnsemblePredictor.fit
///             observation, path encoding
///        ii.  c = 100 candidates: mutate the x = 2 best          candidateArchitectures
///             observed architectures
///        iii. score each with the acquisition function          AcquisitionFunction.scores (ITS)
///        iv.  query the k = 10 best-scoring candidates          queue, handed out one per ask
///
/// Proposals are distinct and never an architecture already queried (by ``SearchSpace/key(of:)``): candidates
/// that repeat a key are dropped before scoring, and the initial draws are redrawn. When the best architectures'
/// mutations give fewer than k new candidates, the next best are mutated too, then random architectures fill in.
///
/// State: the configuration, the optimizer's generator, every observation, the queued proposals and the pending
/// one; all `Codable`, so a checkpoint is the optimizer's JSON. The predictor is not stored: each iteration fits
/// a new one from the observations with draws from the optimizer's generator, so a resumed run refits exactly
/// what the uninterrupted run would have.
///
/// Complexity per iteration of n observations: the fit, O(ensembleSize · epochs · n · P) with P = 5,501
/// parameters per network on NB201's path encoding; c mutations and key computations; the predictions,
/// O(ensembleSize · c · P). Asks between fits cost O(1); an initial ask O(n) key computations.
public struct Bananas<Space: SearchSpace>: BlackBoxOptimizer {
    /// The configuration.
    public let configuration: Configuration
    /// Every evaluation told so far, in order.
    public private(set) var observations: [Observation<Space.Architecture>] = []
    /// The proposals of the current iteration not yet handed out, best-scoring first.
    public private(set) var queue: [Space.Architecture] = []
    private var rng: Xoshiro256
    private var pending = PendingProposal<Space.Architecture>()

    /// Creates a search whose random choices (initial draws, predictor fits, mutations, Thompson samples) come
    /// from `seed`.
    public init(configuration: Configuration = .init(), seed: UInt64) {
        self.configuration = configuration
        self.rng = Xoshiro256(seed: StableHash.derive(seed: seed, "bananas"))
    }

    /// The next proposal: an initial random architecture, or the next of the current iteration's queue (fitting
    /// the predictor and filling the queue when it is empty).
    ///
    /// - Throws: ``SearchError`` for an invalid configuration, an ask without a tell, a predictor that cannot fit,
    ///   or a space with no architecture left that has not been queried.
    public mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture> {
        var timings = BananasTimings()
        return try ask(in: space, timings: &timings)
    }

    /// ``ask(in:)``, adding the time spent in each phase of an iteration to `timings` (for the benchmarks).
    public mutating func ask(in space: Space, timings: inout BananasTimings) throws(SearchError)
        -> Proposal<Space.Architecture>
    {
        try configuration.validate()
        // Refused at the first ask, not after the initial architectures have been paid for.
        guard space.encodings.contains(configuration.encoding) else {
            throw SearchError(
                "BANANAS: the space \(space.name) has no \(configuration.encoding.rawValue) encoding (it has "
                    + space.encodings.map(\.rawValue).joined(separator: ", ")
                    + "); choose one with --set encoding=\(space.encodings.first?.rawValue ?? "one-hot")")
        }
        // Work on copies, so that a refused ask leaves the optimizer as it was.
        var generator = rng
        var next = queue
        if next.isEmpty {
            if observations.count < configuration.initialArchitectures {
                next = [try nextInitialArchitecture(in: space, using: &generator)]
            } else {
                next = try nextBatch(in: space, using: &generator, timings: &timings)
            }
        }
        let proposal = Proposal(next.removeFirst())
        try pending.hand(proposal, optimizer: "bananas")
        queue = next
        rng = generator
        return proposal
    }

    public mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError) {
        try pending.settle(with: observation, optimizer: "bananas")
        observations.append(observation)
    }

    /// A random architecture whose key has not been queried (step 1), redrawn up to 1,000 times.
    private func nextInitialArchitecture(in space: Space, using rng: inout Xoshiro256) throws(SearchError)
        -> Space.Architecture
    {
        let queried = queriedKeys(in: space)
        for _ in 0..<1_000 {
            let architecture = space.sampleArchitecture(using: &rng)
            if !queried.contains(space.key(of: architecture)) { return architecture }
        }
        throw SearchError(
            "bananas: 1,000 random draws from \(space.name) gave only architectures already queried "
                + "(\(observations.count) so far); the space is (nearly) exhausted")
    }

    /// The keys of every architecture told so far.
    func queriedKeys(in space: Space) -> Set<ArchitectureKey> {
        Set(observations.map { space.key(of: $0.architecture) })
    }
}

/// Where a BANANAS run spends its time, summed over iterations (wall-clock, for the benchmarks; never stored in
/// the optimizer's state).
public struct BananasTimings: Hashable, Sendable {
    /// Fitting the predictor (step i).
    public var predictorFit: Duration = .zero
    /// Mutating the best architectures into candidates (step ii).
    public var candidateGeneration: Duration = .zero
    /// Predicting the candidates, scoring and ranking them (steps iii and iv).
    public var acquisition: Duration = .zero
    /// The number of iterations (fits).
    public var iterations = 0

    public init() {}
}
