/// One optimizer's regret over seeds as a function of the budget: at each point, the mean and standard error of
/// the runs' regrets. The curve is a step function (an incumbent holds until the next query changes it), known
/// exactly at its points.
public struct AnytimeCurve: Hashable, Sendable {
    /// A budget and the regret statistics there.
    public struct Point: Hashable, Sendable {
        /// The number of queries, or the simulated cost.
        public let budget: Double
        /// The runs' regrets at that budget.
        public let regret: SampleStatistics
    }

    /// The axis of ``points``.
    public let axis: BudgetAxis
    /// The points, by ascending budget.
    public let points: [Point]

    /// The curve of a group of runs.
    ///
    /// - Queries: one point per query count from 1 to the shortest run's length.
    /// - Cost: one point per cumulative cost reached by any run, from the largest first-query cost (before it some
    ///   run has no incumbent) to the smallest total cost (after it some run's answer is unknown).
    ///
    /// - Throws: ``ReportError`` when, on the cost axis, the runs share no range of simulated cost.
    /// - Complexity: O(r · q) for r runs of q queries (cost: O(r² · q) in the worst case).
    public init(_ group: OptimizerRuns, axis: BudgetAxis) throws {
        self.axis = axis
        let trajectories = group.runs.map(\.result.trajectory)
        switch axis {
        case .queries:
            let length = trajectories.map(\.count).min() ?? 0
            points = (0..<length).map { index in
                Point(budget: Double(index + 1), regret: SampleStatistics(trajectories.map { $0[index].regret }))
            }
        case .cost:
            points = try Self.costPoints(group, trajectories)
        }
    }

    private static func costPoints(_ group: OptimizerRuns, _ trajectories: [[QueryRecord]]) throws -> [Point] {
        let starts = trajectories.map { $0.first?.cumulativeCost ?? .infinity }
        let ends = trajectories.map { $0.last?.cumulativeCost ?? -.infinity }
        let start = starts.max() ?? 0
        let end = ends.min() ?? 0
        guard start <= end else {
            let late = group.runs[starts.firstIndex(of: start) ?? 0].path
            let early = group.runs[ends.firstIndex(of: end) ?? 0].path
            throw ReportError(
                "the runs of \(group.optimizer) share no range of simulated cost: \(late) "
                    + "makes its first query at \(JSONValue.number(start)), after \(early) "
                    + "ends at \(JSONValue.number(end)); plot them against queries")
        }
        let budgets = Set(trajectories.joined().map(\.cumulativeCost).filter { $0 >= start && $0 <= end }).sorted()
        // One cursor per run: the index of its last query within the current budget.
        var cursors = [Int](repeating: 0, count: trajectories.count)
        var points: [Point] = []
        for budget in budgets {
            var regrets: [Double] = []
            for (run, trajectory) in trajectories.enumerated() {
                while cursors[run] + 1 < trajectory.count, trajectory[cursors[run] + 1].cumulativeCost <= budget {
                    cursors[run] += 1
                }
                regrets.append(trajectory[cursors[run]].regret)
            }
            points.append(Point(budget: budget, regret: SampleStatistics(regrets)))
        }
        return points
    }
}
