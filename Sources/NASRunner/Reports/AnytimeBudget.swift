/// What a report's budgets and a plot's x axis count: queries, or the simulated cost spent.
public enum BudgetAxis: String, Hashable, Codable, Sendable, CaseIterable {
    /// The number of queries (architectures evaluated).
    case queries
    /// The simulated cost: the table's training cost of the queries so far (``QueryRecord/cumulativeCost``).
    case cost

    /// The axis label in tables and plots.
    public var label: String {
        switch self {
        case .queries: "queries"
        case .cost: "simulated cost"
        }
    }
}

/// A point of a run at which its anytime answer is read: after a number of queries, or at a simulated cost (the
/// incumbent of the last query whose cumulative cost is at most that amount).
public enum AnytimeBudget: Hashable, Sendable, CustomStringConvertible {
    /// After this many queries.
    case queries(Int)
    /// At this simulated cost.
    case cost(Double)

    /// The axis the budget lies on.
    public var axis: BudgetAxis {
        switch self {
        case .queries: .queries
        case .cost: .cost
        }
    }

    /// The budget as a number on its axis.
    public var value: Double {
        switch self {
        case .queries(let count): Double(count)
        case .cost(let amount): amount
        }
    }

    /// The number alone, as column headers show it (`150`, `20000`, `1234.5`).
    public var label: String {
        switch self {
        case .queries(let count): "\(count)"
        case .cost(let amount): JSONValue.number(amount).description
        }
    }

    public var description: String {
        switch self {
        case .queries(let count): "\(count) queries"
        case .cost(let amount): "simulated cost \(JSONValue.number(amount))"
        }
    }

    /// Checks a report's budgets and returns them in ascending order.
    ///
    /// - Throws: ``ReportError`` for no budgets, a mix of queries and cost, a budget that is not positive (or not
    ///   finite), or one given twice.
    static func validated(_ budgets: [AnytimeBudget]) throws -> [AnytimeBudget] {
        guard let first = budgets.first else {
            throw ReportError("no budgets to report; give query counts such as 10,50,100,150")
        }
        if let other = budgets.first(where: { $0.axis != first.axis }) {
            throw ReportError("the budgets mix queries and simulated cost (\(first), \(other)); give one kind")
        }
        if let bad = budgets.first(where: { !($0.value > 0) || !$0.value.isFinite }) {
            throw ReportError("budget \(bad) is not a positive number; give budgets greater than 0")
        }
        let sorted = budgets.sorted { $0.value < $1.value }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous == next {
            throw ReportError("budget \(next) is given twice; give each budget once")
        }
        return sorted
    }
}
