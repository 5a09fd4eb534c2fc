import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks

/// One full BANANAS run (the paper's configuration) on the NB201 table, timed by phase.
enum BananasRunBenchmark {
    struct Result {
        let queries: Int
        let totalSeconds: Double
        let askTellSeconds: Double
        let timings: BananasTimings
        let bestObjective: Double
    }

    /// Runs `queries` queries from `seed`; the ask/tell time excludes the evaluator's lookups.
    static func run(
        evaluator: TabularEvaluator<NB201Space>, configuration: Bananas<NB201Space>.Configuration, queries: Int,
        seed: UInt64
    ) throws -> Result {
        let space = evaluator.index.space
        var search = Bananas<NB201Space>(configuration: configuration, seed: seed)
        var timings = BananasTimings()
        var askTell = Duration.zero
        var best = -Double.infinity
        let start = Timing.clock.now
        for _ in 0..<queries {
            let askStart = Timing.clock.now
            let proposal = try search.ask(in: space, timings: &timings)
            askTell += Timing.clock.now - askStart
            let evaluation = try evaluator.evaluate(proposal.architecture, fidelity: proposal.fidelity)
            let tellStart = Timing.clock.now
            try search.tell(Observation(proposal, objective: evaluation.objective), in: space)
            askTell += Timing.clock.now - tellStart
            best = max(best, evaluation.objective)
        }
        return Result(
            queries: queries, totalSeconds: Timing.seconds(Timing.clock.now - start),
            askTellSeconds: Timing.seconds(askTell), timings: timings, bestObjective: best)
    }
}
