/// A search as the user asks for it: names and overrides, with defaults still to fill in. ``resolved()`` turns it
/// into the ``RunConfiguration`` a run records.
public struct SearchRequest: Hashable, Sendable {
    /// The space's name (`"nb201"`).
    public var space: String
    /// The optimizer's name (`"bananas"`).
    public var optimizer: String
    /// The table file, or `nil` for the space's default in `data/tables/`.
    public var table: String?
    /// The dataset, or `nil` for the space's default.
    public var dataset: String?
    /// Hyper-parameter overrides by name, as text.
    public var hyperparameters: [String: String]
    /// When to stop.
    public var budget: Budget
    /// The seed.
    public var seed: UInt64
    /// The objective metric, or `nil` for the space's default.
    public var objective: String?
    /// A fixed epoch to read the objective at, or `nil`.
    public var objectiveEpoch: Int?
    /// The reported metric, or `nil` for the space's default.
    public var reportedMetric: String?

    /// Creates a request.
    public init(
        space: String, optimizer: String, table: String? = nil, dataset: String? = nil,
        hyperparameters: [String: String] = [:], budget: Budget, seed: UInt64, objective: String? = nil,
        objectiveEpoch: Int? = nil, reportedMetric: String? = nil
    ) {
        self.space = space
        self.optimizer = optimizer
        self.table = table
        self.dataset = dataset
        self.hyperparameters = hyperparameters
        self.budget = budget
        self.seed = seed
        self.objective = objective
        self.objectiveEpoch = objectiveEpoch
        self.reportedMetric = reportedMetric
    }

    /// The configuration with every default filled in and the hyper-parameters resolved and validated.
    ///
    /// - Throws: ``RunError`` for an unknown space or optimizer (listing the choices), an unknown or invalid
    ///   hyper-parameter, or a budget that is not positive.
    public func resolved() throws(RunError) -> RunConfiguration {
        let spaceChoice = try SpaceChoice.named(space)
        let optimizerChoice = try OptimizerChoice.named(optimizer)
        let configuration = RunConfiguration(
            space: spaceChoice.rawValue, table: table ?? spaceChoice.defaultTable,
            dataset: dataset ?? spaceChoice.defaultDataset, optimizer: optimizerChoice.rawValue,
            hyperparameters: try optimizerChoice.resolveHyperparameters(hyperparameters), budget: budget, seed: seed,
            objective: objective ?? spaceChoice.defaultObjective, objectiveEpoch: objectiveEpoch,
            reportedMetric: reportedMetric ?? spaceChoice.defaultReportedMetric)
        try configuration.validate()
        return configuration
    }
}
