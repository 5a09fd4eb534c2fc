import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks

/// The time an optimizer itself takes per query (ask plus tell, without the evaluator's lookup), over runs of
/// `queries` queries with seeds 0, 1, ... until `budgetSeconds` of ask/tell time (at least one run, at most 50).
struct QueryOverheadBenchmark {
    let evaluator: TabularEvaluator<NB201Space>
    let queries: Int
    let budgetSeconds: Double

    struct Result {
        let name: String
        let runs: Int
        /// The median over runs of the mean ask+tell seconds per query.
        let medianSecondsPerQuery: Double
    }

    func measure<Optimizer: BlackBoxOptimizer>(
        _ name: String, _ make: (UInt64) throws -> Optimizer
    ) throws -> Result where Optimizer.Space == NB201Space {
        let space = evaluator.index.space
        var perQuery: [Double] = []
        var spent = 0.0
        var seed: UInt64 = 0
        while perQuery.isEmpty || (spent < budgetSeconds && perQuery.count < 50) {
            var optimizer = try make(seed)
            var askTell = Duration.zero
            for _ in 0..<queries {
                let start = Timing.clock.now
                let proposal = try optimizer.ask(in: space)
                askTell += Timing.clock.now - start
                let evaluation = try evaluator.evaluate(proposal.architecture, fidelity: proposal.fidelity)
                let tellStart = Timing.clock.now
                try optimizer.tell(Observation(proposal, objective: evaluation.objective), in: space)
                askTell += Timing.clock.now - tellStart
            }
            spent += Timing.seconds(askTell)
            perQuery.append(Timing.seconds(askTell) / Double(queries))
            seed += 1
        }
        perQuery.sort()
        return Result(name: name, runs: perQuery.count, medianSecondsPerQuery: perQuery[perQuery.count / 2])
    }
}
