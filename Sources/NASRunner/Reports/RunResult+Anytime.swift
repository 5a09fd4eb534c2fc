extension RunResult {
    /// The record whose incumbent is the run's anytime answer at `budget`, or `nil` when the run does not cover
    /// the budget.
    ///
    /// - After `count` queries: the record of query `count`; `nil` when the run made fewer.
    /// - At simulated cost `amount`: the record of the last query whose cumulative cost is at most `amount`;
    ///   `nil` when the first query already costs more, or when the run's total cost is below `amount` (a longer
    ///   run could have fitted another query, so its answer there is unknown).
    ///
    /// - Complexity: O(log n) in the queries (cumulative costs never decrease).
    public func record(at budget: AnytimeBudget) -> QueryRecord? {
        switch budget {
        case .queries(let count):
            guard count >= 1, count <= trajectory.count else { return nil }
            return trajectory[count - 1]
        case .cost(let amount):
            guard let last = trajectory.last, amount <= last.cumulativeCost else { return nil }
            // The first index whose cumulative cost exceeds the amount; the record before it is the answer.
            var low = 0
            var high = trajectory.count
            while low < high {
                let middle = (low + high) / 2
                if trajectory[middle].cumulativeCost <= amount { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? nil : trajectory[low - 1]
        }
    }
}
