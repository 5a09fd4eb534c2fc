@testable import NASRunner

/// Synthetic runs with known trajectories for the report tests: no table is read.
enum ReportFixtures {
    /// A run whose incumbent after query i is `incumbents[i]` (regret `oracle − incumbents[i]`), each query
    /// costing `costs[i]` (10 each by default).
    static func run(
        _ path: String, optimizer: String = "re", seed: UInt64, incumbents: [Double], costs: [Double]? = nil,
        oracle: Double = 95, space: String = "nb201", dataset: String = "cifar10", budget: Budget? = nil,
        hyperparameters: [String: JSONValue] = ["population_size": .number(10)], tableSHA256: String = "abc123"
    ) -> RunFile {
        let costs = costs ?? [Double](repeating: 10, count: incumbents.count)
        var cumulative = 0.0
        var trajectory: [QueryRecord] = []
        for (index, incumbent) in incumbents.enumerated() {
            cumulative += costs[index]
            trajectory.append(QueryRecord(
                query: index + 1, architecture: "arch\(index)", key: "key\(index)", fidelity: nil,
                objective: incumbent, reported: incumbent, cost: costs[index], cumulativeCost: cumulative,
                incumbentQuery: index + 1, incumbentReported: incumbent, regret: oracle - incumbent))
        }
        let configuration = RunConfiguration(
            space: space, table: "data/tables/\(space).h5", dataset: dataset, optimizer: optimizer,
            hyperparameters: hyperparameters, budget: budget ?? .queries(incumbents.count), seed: seed,
            objective: "test_accuracy", objectiveEpoch: 200, reportedMetric: "test_accuracy")
        let provenance = RunProvenance(
            gitCommit: "0123abc", toolchain: "Swift 6.3.1", tableFile: "\(space).h5", tableSHA256: tableSHA256,
            tableSource: "synthetic")
        let result = RunResult(
            configuration: configuration, provenance: provenance,
            oracle: Oracle(metric: "test_accuracy", value: oracle, architecture: "best"), trajectory: trajectory)
        return RunFile(path: path, result: result)
    }

    /// Three seeds of regularized evolution (oracle 95) with hand-checked statistics:
    ///
    /// | query | seed 0 | seed 1 | seed 2 | mean | sample sd | SE |
    /// |---|---|---|---|---|---|---|
    /// | 1 | 90 | 91 | 89 | 90 | 1 | 1/√3 |
    /// | 2 | 92 | 91 | 93 | 92 | 1 | 1/√3 |
    /// | 3 | 93 | 94 | 93 | 93⅓ | 1/√3 | 1/3 |
    /// | 4 | 93 | 94 | 95 | 94 | 1 | 1/√3 |
    static let evolution = [
        run("runs/re-0.json", seed: 0, incumbents: [90, 92, 93, 93]),
        run("runs/re-1.json", seed: 1, incumbents: [91, 91, 94, 94]),
        run("runs/re-2.json", seed: 2, incumbents: [89, 93, 93, 95]),
    ]

    /// One seed of random search (oracle 95): incumbents 88, 90, 90, 92.
    static let randomSearch = [run("runs/rs-0.json", optimizer: "rs", seed: 0, incumbents: [88, 90, 90, 92])]

    /// Two seeds of local search that find the optimum (regret 0): regrets 5, 0, 0, 0 and 4, 2, 0, 0.
    static let localSearch = [
        run("runs/ls-0.json", optimizer: "ls", seed: 0, incumbents: [90, 95, 95, 95]),
        run("runs/ls-1.json", optimizer: "ls", seed: 1, incumbents: [91, 93, 95, 95]),
    ]
}
