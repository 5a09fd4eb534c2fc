/// One search run's results file: the ``RunResult`` and the path it was read from, which every report error
/// names.
public struct RunFile: Hashable, Sendable {
    /// The path the result was read from (as given).
    public var path: String
    /// The run's results.
    public var result: RunResult

    /// Pairs a result with the path it came from.
    public init(path: String, result: RunResult) {
        self.path = path
        self.result = result
    }

    /// Reads a results file (`run.json`) with the runner's one reader (``RunResult/read(from:)``), which checks
    /// its format name and layout version.
    ///
    /// - Parameter path: The file, relative to the working directory or absolute.
    /// - Throws: ``ReportError`` with the reader's message when the file cannot be read, is not a NASKit search
    ///   run, has another layout version, or does not decode.
    public init(contentsOf path: String) throws(ReportError) {
        do {
            result = try RunResult.read(from: path)
        } catch {
            throw ReportError(error.message)
        }
        self.path = path
    }

    /// The record whose incumbent is the run's answer at `budget`: the query numbered `count`, or the last query
    /// whose cumulative simulated cost is at most the amount.
    ///
    /// - Throws: ``ReportError`` naming the file when the run stops before the budget, or (for cost) when even its
    ///   first query costs more.
    /// - Complexity: O(log n) in the run's queries.
    public func record(at budget: AnytimeBudget) throws -> QueryRecord {
        if let record = result.record(at: budget) { return record }
        let trajectory = result.trajectory
        guard let first = trajectory.first, let last = trajectory.last else {
            throw ReportError("\(path) has no queries; it is damaged or was stopped at once: rerun it")
        }
        switch budget {
        case .queries(let count):
            throw ReportError(
                "\(path) has \(trajectory.count) queries; the report asks for the incumbent after \(count): "
                    + "use budgets up to \(trajectory.count) or longer runs")
        case .cost(let amount):
            let amountText = JSONValue.number(amount).description
            if amount < first.cumulativeCost {
                throw ReportError(
                    "\(path) has no query within simulated cost \(amountText) "
                        + "(its first query costs \(JSONValue.number(first.cumulativeCost))); "
                        + "use budgets of at least that")
            }
            throw ReportError(
                "\(path) spent simulated cost \(JSONValue.number(last.cumulativeCost)) in all; "
                    + "the report asks for the incumbent at \(amountText): use budgets up to that or longer runs")
        }
    }
}
