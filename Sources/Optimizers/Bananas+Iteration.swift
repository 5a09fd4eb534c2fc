import NASCore
import Predictors
import Seeding

extension Bananas {
    /// One iteration (steps i to iv): fit the ensemble on every observation, mutate the best architectures into
    /// candidates, score them, and return the k best-scoring, best first.
    func nextBatch(in space: Space, using rng: inout Xoshiro256, timings: inout BananasTimings) throws(SearchError)
        -> [Space.Architecture]
    {
        let clock = ContinuousClock()
        var start = clock.now
        var predictor = MLPEnsemblePredictor<Space>(configuration: configuration.predictor)
        let targets = observations.map(\.objective)
        try predictor.fit(observations.map(\.architecture), targets: targets, in: space, using: &rng)
        timings.predictorFit += clock.now - start

        start = clock.now
        let candidates = try candidateArchitectures(in: space, using: &rng)
        timings.candidateGeneration += clock.now - start

        start = clock.now
        let members = try predictor.memberPredictions(candidates, in: space)
        let scores = configuration.acquisition.scores(
            members: members, incumbent: targets.max() ?? -.infinity,
            explorationFactor: configuration.explorationFactor,
            calibration: configuration.expectedImprovementCalibration, using: &rng)
        // Best score first; equal scores keep the candidates' order.
        let ranked = candidates.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        timings.acquisition += clock.now - start
        timings.iterations += 1
        return ranked.prefix(configuration.proposalsPerIteration).map { candidates[$0] }
    }

    /// Distinct candidates whose keys have not been queried (step ii).
    ///
    /// The `architecturesToMutate` best observed architectures (ties: the earlier observation first) each get
    /// `candidates / architecturesToMutate` draws of `mutationEdits` successive mutations; a draw whose key was
    /// queried or already drawn is dropped. While fewer than k candidates remain, the next best architectures
    /// are mutated in the same way, then random architectures are drawn (up to 10 · `candidates` draws).
    ///
    /// - Throws: ``SearchError`` when not one new architecture was found.
    func candidateArchitectures(in space: Space, using rng: inout Xoshiro256) throws(SearchError)
        -> [Space.Architecture]
    {
        let wanted = configuration.proposalsPerIteration
        var seen = queriedKeys(in: space)
        var candidates: [Space.Architecture] = []
        func consider(_ architecture: Space.Architecture) {
            if seen.insert(space.key(of: architecture)).inserted { candidates.append(architecture) }
        }
        let ranked = observations.indices.sorted {
            let (first, second) = (observations[$0].objective, observations[$1].objective)
            return first != second ? first > second : $0 < $1
        }
        let draws = configuration.candidates / configuration.architecturesToMutate
        for (rank, position) in ranked.enumerated() {
            guard rank < configuration.architecturesToMutate || candidates.count < wanted else { break }
            for _ in 0..<draws {
                var candidate = observations[position].architecture
                for _ in 0..<configuration.mutationEdits { candidate = space.mutate(candidate, using: &rng) }
                consider(candidate)
            }
        }
        var randomDraws = 0
        while candidates.count < wanted && randomDraws < 10 * configuration.candidates {
            consider(space.sampleArchitecture(using: &rng))
            randomDraws += 1
        }
        guard !candidates.isEmpty else {
            throw SearchError(
                "bananas: no architecture of \(space.name) that has not been queried came out of mutating all "
                    + "\(observations.count) observed ones and \(randomDraws) random draws; the space is (nearly) "
                    + "exhausted")
        }
        return candidates
    }
}
