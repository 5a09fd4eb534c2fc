import NASCore

/// What optimizers reach on a real table: the outcome tests of every optimizer ("over these seeds at 150 queries
/// its mean best test accuracy beats random search's") share this loop.
public enum SearchOutcome {
    /// The best value of `metric` (a reported metric of the evaluations) each seed's run reaches in `queries`
    /// queries, in seed order.
    ///
    /// - Throws: ``SearchError`` from the optimizer or evaluator, or if an evaluation lacks `metric`.
    public static func bestReported<Optimizer: BlackBoxOptimizer, Judge: Evaluator>(
        by make: (UInt64) -> Optimizer, in space: Optimizer.Space, evaluator: Judge, seeds: some Sequence<UInt64>,
        queries: Int = 150, metric: String = "test_accuracy"
    ) throws(SearchError) -> [Double] where Judge.Space == Optimizer.Space {
        var bests: [Double] = []
        for seed in seeds {
            var optimizer = make(seed)
            var best = -Double.infinity
            for _ in 0..<queries {
                let evaluation = try optimizer.step(in: space, evaluator: evaluator).evaluation
                guard let value = evaluation.metrics[metric] else {
                    throw SearchError("the evaluator reports no \(metric) (it reports \(evaluation.metrics.keys.sorted()))")
                }
                best = max(best, value)
            }
            bests.append(best)
        }
        return bests
    }

    /// The arithmetic mean.
    public static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}
