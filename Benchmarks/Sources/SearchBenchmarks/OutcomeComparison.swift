import Foundation
import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks

/// BANANAS against random search over seeds: the mean best objective after a number of queries (`--compare`).
enum OutcomeComparison {
    /// The best objective of each seed's run.
    static func bestObjectives<Optimizer: BlackBoxOptimizer>(
        evaluator: TabularEvaluator<NB201Space>, seeds: Range<UInt64>, queries: Int,
        _ make: (UInt64) -> Optimizer
    ) throws -> [Double] where Optimizer.Space == NB201Space {
        try seeds.map { seed in
            var optimizer = make(seed)
            var best = -Double.infinity
            for _ in 0..<queries {
                best = max(best, try optimizer.step(in: evaluator.index.space, evaluator: evaluator).evaluation.objective)
            }
            return best
        }
    }

    /// `configuration` with `overrides` (`name=value`) applied through its JSON form.
    static func applying(_ overrides: [String], to configuration: Bananas<NB201Space>.Configuration) throws
        -> Bananas<NB201Space>.Configuration
    {
        let data = try JSONEncoder().encode(configuration)
        guard var fields = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return configuration }
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, fields[parts[0]] != nil else {
                throw SearchError("--set \(override): not name=value of a BANANAS hyper-parameter "
                    + "(\(fields.keys.sorted().joined(separator: ", ")))")
            }
            fields[parts[0]] = fields[parts[0]] is String ? parts[1] : (Double(parts[1]) ?? 0) as Any
        }
        let updated = try JSONSerialization.data(withJSONObject: fields)
        let result = try JSONDecoder().decode(Bananas<NB201Space>.Configuration.self, from: updated)
        try result.validate()
        return result
    }

    /// The mean and sample standard deviation.
    static func summary(_ values: [Double]) -> (mean: Double, deviation: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.count > 1
            ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1) : 0
        return (mean, variance.squareRoot())
    }
}
