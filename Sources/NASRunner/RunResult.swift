/// The results file of one search run (`run.json`): self-describing, deterministic bytes (sorted keys, no wall
/// times; those go to the run's `timing.json`), written by ``SearchRun`` and read by the experiment reports.
public struct RunResult: Hashable, Codable, Sendable {
    /// Identifies the file type (``RunResult/formatName``).
    public var format: String
    /// The layout version (``RunResult/formatVersion``).
    public var version: Int
    /// The resolved configuration.
    public var configuration: RunConfiguration
    /// Where the numbers came from: build, table and its checksum.
    public var provenance: RunProvenance
    /// The best value of the reported metric in the table, and its architecture: what regret is measured to.
    public var oracle: Oracle
    /// Every query in order.
    public var trajectory: [QueryRecord]
    /// The unit of the queries' simulated costs: `"seconds"` (the benchmark's training time), `"epochs"` (tables
    /// without times, like NB201's) or `"evaluations"`.
    public var costUnit: String

    /// The file type written in ``format``.
    public static let formatName = "naskit-search-run"
    /// The layout version written in ``version``.
    public static let formatVersion = 1

    /// Creates a result.
    public init(
        configuration: RunConfiguration, provenance: RunProvenance, oracle: Oracle, trajectory: [QueryRecord],
        costUnit: String = "evaluations"
    ) {
        self.format = Self.formatName
        self.version = Self.formatVersion
        self.configuration = configuration
        self.provenance = provenance
        self.oracle = oracle
        self.trajectory = trajectory
        self.costUnit = costUnit
    }

    /// The last query's incumbent (the run's answer), or `nil` for an empty trajectory.
    public var final: QueryRecord? { trajectory.last }
}

/// One query of a run.
public struct QueryRecord: Hashable, Codable, Sendable {
    /// The query's number, from 1.
    public var query: Int
    /// The architecture in the space's text form.
    public var architecture: String
    /// Its canonical key.
    public var key: String
    /// The fidelity it was evaluated at (epochs), or `nil` for the full one.
    public var fidelity: Int?
    /// The objective the optimizer was told.
    public var objective: Double
    /// The reported metric of this architecture (at full fidelity, whatever the query's fidelity).
    public var reported: Double
    /// The simulated cost of this query.
    public var cost: Double
    /// The simulated cost of all queries so far.
    public var cumulativeCost: Double
    /// The incumbent after this query: the query number of the best objective among the highest-fidelity
    /// evaluations so far (ties to the earlier query).
    public var incumbentQuery: Int
    /// The incumbent's reported metric: the run's anytime answer.
    public var incumbentReported: Double
    /// The oracle's reported metric minus ``incumbentReported`` (0 once the optimum is found).
    public var regret: Double

    /// Creates a record.
    public init(
        query: Int, architecture: String, key: String, fidelity: Int?, objective: Double, reported: Double,
        cost: Double, cumulativeCost: Double, incumbentQuery: Int, incumbentReported: Double, regret: Double
    ) {
        self.query = query
        self.architecture = architecture
        self.key = key
        self.fidelity = fidelity
        self.objective = objective
        self.reported = reported
        self.cost = cost
        self.cumulativeCost = cumulativeCost
        self.incumbentQuery = incumbentQuery
        self.incumbentReported = incumbentReported
        self.regret = regret
    }
}

/// The table's best value of the reported metric.
public struct Oracle: Hashable, Codable, Sendable {
    /// The metric (`"test_accuracy"`).
    public var metric: String
    /// Its best value in the table.
    public var value: Double
    /// The first row (in table order) reaching it, in the space's text form.
    public var architecture: String

    /// Creates an oracle.
    public init(metric: String, value: Double, architecture: String) {
        self.metric = metric
        self.value = value
        self.architecture = architecture
    }
}

/// The build and data a run used.
public struct RunProvenance: Hashable, Codable, Sendable {
    /// The git commit of the NASKit checkout (`git rev-parse HEAD`, with `-dirty` for uncommitted changes), or
    /// `"unknown"` outside a checkout.
    public var gitCommit: String
    /// The Swift compiler that built `nasrun`.
    public var toolchain: String
    /// The table file's name.
    public var tableFile: String
    /// The table file's SHA-256.
    public var tableSHA256: String
    /// The table's source, as its metadata states it.
    public var tableSource: String

    /// Creates provenance.
    public init(gitCommit: String, toolchain: String, tableFile: String, tableSHA256: String, tableSource: String) {
        self.gitCommit = gitCommit
        self.toolchain = toolchain
        self.tableFile = tableFile
        self.tableSHA256 = tableSHA256
        self.tableSource = tableSource
    }
}
