/// Everything that determines a search run: with the same configuration (and the same table file and build),
/// a run produces the same bytes. Embedded, resolved, in every results file and checkpoint.
public struct RunConfiguration: Hashable, Codable, Sendable {
    /// The search space (`"nb201"`).
    public var space: String
    /// The tabular benchmark file, as given (relative to the working directory, or absolute).
    public var table: String
    /// The dataset of the table (`"cifar10"`).
    public var dataset: String
    /// The optimizer (`"bananas"`).
    public var optimizer: String
    /// The optimizer's resolved configuration: every hyper-parameter by name, defaults included.
    public var hyperparameters: [String: JSONValue]
    /// When the run stops.
    public var budget: Budget
    /// The run's seed; every random choice of the optimizer derives from it.
    public var seed: UInt64
    /// The metric the optimizer maximizes.
    public var objective: String
    /// The epoch the objective is always read at, or `nil` to read it at the proposal's fidelity.
    public var objectiveEpoch: Int?
    /// The metric reported and judged (test accuracy), read at its final value; regret is measured on it.
    public var reportedMetric: String

    /// Creates a configuration.
    public init(
        space: String, table: String, dataset: String, optimizer: String, hyperparameters: [String: JSONValue],
        budget: Budget, seed: UInt64, objective: String, objectiveEpoch: Int?, reportedMetric: String
    ) {
        self.space = space
        self.table = table
        self.dataset = dataset
        self.optimizer = optimizer
        self.hyperparameters = hyperparameters
        self.budget = budget
        self.seed = seed
        self.objective = objective
        self.objectiveEpoch = objectiveEpoch
        self.reportedMetric = reportedMetric
    }
}

/// When a run stops: after a number of queries, or once the simulated cost reaches an amount (in the table's
/// cost unit: seconds of the benchmark's training time where it records them, else epochs).
public enum Budget: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Stop after this many queries.
    case queries(Int)
    /// Stop once this much simulated cost has been spent (the last query may overshoot it).
    case cost(Double)

    public var description: String {
        switch self {
        case .queries(let count): "\(count) queries"
        case .cost(let amount): "simulated cost \(JSONValue.number(amount))"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case queries, cost
    }

    /// Reads `{"queries": 150}` or `{"cost": 30000}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let count = try container.decodeIfPresent(Int.self, forKey: .queries) {
            self = .queries(count)
        } else if let amount = try container.decodeIfPresent(Double.self, forKey: .cost) {
            self = .cost(amount)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a budget is {\"queries\": N} or {\"cost\": X}"))
        }
    }

    /// Writes `{"queries": 150}` or `{"cost": 30000}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .queries(let count): try container.encode(count, forKey: .queries)
        case .cost(let amount): try container.encode(amount, forKey: .cost)
        }
    }
}
