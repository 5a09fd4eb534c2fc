/// Accounts the simulated training cost of tabular queries, so that optimizers searching a table can be
/// compared at equal cost (seconds of the benchmark's training time, or epochs, or evaluations; see
/// ``TabularBenchmark/trainingCost(row:dataset:epoch:)``).
///
/// By default a query repeated for the same row, dataset and epoch is free (an optimizer that asks again for
/// an architecture it has already "trained" reads its own record); set `chargesRepeatedQueries` to charge every
/// query. The tracker does not refuse queries past the budget: the optimizer's loop stops when
/// ``isExhausted`` is true, and ``spent`` may exceed the budget by the last query's cost.
public struct CostTracker: Sendable {
    /// The budget, if any.
    public let budget: SimulatedCost?
    /// Whether a repeated query is charged again.
    public let chargesRepeatedQueries: Bool
    /// The total charged, in ``unit``.
    public private(set) var spent: Double = 0
    /// The unit of ``spent``: the budget's, or that of the first charge.
    public private(set) var unit: CostUnit?
    /// The number of queries charged (repeats that were free excluded).
    public private(set) var chargedQueries = 0
    /// The number of repeated queries that were free.
    public private(set) var repeatedQueries = 0
    private var charged: Set<Charge> = []

    private struct Charge: Hashable, Sendable {
        let row: Int
        let dataset: String
        let epoch: Int?
    }

    /// Creates a tracker.
    ///
    /// - Parameters:
    ///   - budget: The amount after which ``isExhausted`` turns true, or `nil` for none.
    ///   - chargesRepeatedQueries: Whether a query repeated for the same row, dataset and epoch costs again.
    public init(budget: SimulatedCost? = nil, chargesRepeatedQueries: Bool = false) {
        self.budget = budget
        self.chargesRepeatedQueries = chargesRepeatedQueries
        self.unit = budget?.unit
    }

    /// The simulated cost spent so far.
    public var total: SimulatedCost { SimulatedCost(spent, unit ?? budget?.unit ?? .evaluations) }

    /// The budget left (never negative), or `nil` without a budget.
    public var remaining: Double? { budget.map { max(0, $0.amount - spent) } }

    /// Whether the spent cost has reached the budget (never without one).
    public var isExhausted: Bool { budget.map { spent >= $0.amount } ?? false }

    /// Charges the cost of training the architecture of `row` on `dataset` to `epoch`.
    ///
    /// - Returns: What was charged: the table's ``TabularBenchmark/trainingCost(row:dataset:epoch:)``, or zero
    ///   for a free repeat.
    /// - Throws: ``TabularBenchmarkError`` if the table cannot price the query, or prices it in another unit
    ///   than the budget or earlier charges.
    public mutating func charge(row: Int, dataset: String, epoch: Int?, in table: TabularBenchmark)
        throws(TabularBenchmarkError) -> SimulatedCost
    {
        let cost = try table.trainingCost(row: row, dataset: dataset, epoch: epoch)
        if let unit, unit != cost.unit {
            throw TabularBenchmarkError(
                "\(table.name) prices queries of \(dataset) in \(cost.unit.rawValue), but this tracker counts "
                    + "\(unit.rawValue); use one tracker per unit (tables with a \(TabularSchema.trainingTimeMetric) "
                    + "metric charge seconds, others epochs)")
        }
        unit = cost.unit
        if !chargesRepeatedQueries, !charged.insert(Charge(row: row, dataset: dataset, epoch: epoch)).inserted {
            repeatedQueries += 1
            return SimulatedCost(0, cost.unit)
        }
        spent += cost.amount
        chargedQueries += 1
        return cost
    }
}
