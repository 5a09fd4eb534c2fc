import Foundation

/// An experiment (`Experiments/<name>/experiment.json`): grids of runs (spaces × datasets × optimizers × seeds)
/// and the budgets its report tabulates.
///
/// ```json
/// {"title": "Black-box optimizers on NAS-Bench-201",
///  "grids": [{"name": "black-box", "space": "nb201", "datasets": ["cifar10"],
///             "optimizers": ["random-search", "bananas"], "seeds": 100, "budget": {"queries": 150},
///             "reportBudgets": [10, 50, 100, 150]}]}
/// ```
public struct ExperimentSpecification: Hashable, Codable, Sendable {
    /// The experiment's title, used in the report.
    public var title: String
    /// The grids, each reported in its own section.
    public var grids: [ExperimentGrid]

    /// The file name inside an experiment's directory.
    public static let fileName = "experiment.json"

    /// Reads `<directory>/experiment.json`.
    ///
    /// - Throws: ``RunError`` naming the file and the malformed part.
    public static func read(directory: String) throws(RunError) -> ExperimentSpecification {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError("no experiment at \(directory): \(path) is missing (see Experiments/nb201/ for the form)")
        }
        let specification: ExperimentSpecification
        do {
            specification = try JSONDecoder().decode(ExperimentSpecification.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw RunError("\(path) lacks '\(key.stringValue)' at \(Self.codingPath(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw RunError("\(path) has a value of the wrong type at \(Self.codingPath(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw RunError("\(path) is not a valid experiment: \(error)")
        }
        try specification.validate(path: path)
        return specification
    }

    private func validate(path: String) throws(RunError) {
        guard !grids.isEmpty else { throw RunError("\(path) has no grids; give at least one") }
        var names: Set<String> = []
        for grid in grids {
            guard names.insert(grid.name).inserted else {
                throw RunError("\(path) has two grids named '\(grid.name)'; name each grid once")
            }
            guard !grid.name.isEmpty, !grid.name.contains("/") else {
                throw RunError("\(path): a grid name must be non-empty without '/' (got '\(grid.name)')")
            }
            guard grid.seeds > 0, (grid.firstSeed ?? 0) >= 0 else {
                throw RunError("\(path): grid '\(grid.name)' needs seeds >= 1 and firstSeed >= 0")
            }
            guard !grid.datasets.isEmpty, !grid.optimizers.isEmpty, !grid.reportBudgets.isEmpty else {
                throw RunError("\(path): grid '\(grid.name)' needs datasets, optimizers and reportBudgets")
            }
        }
    }

    private static func codingPath(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// Every run of the experiment, resolved, in a fixed order (grid, dataset, optimizer, seed).
    ///
    /// - Throws: ``RunError`` for an unknown space, optimizer or hyper-parameter (naming the grid).
    public func plan() throws(RunError) -> [PlannedRun] {
        var runs: [PlannedRun] = []
        for grid in grids {
            for dataset in grid.datasets {
                for optimizer in grid.optimizers {
                    for seed in (grid.firstSeed ?? 0)..<((grid.firstSeed ?? 0) + grid.seeds) {
                        let request = SearchRequest(
                            space: grid.space, optimizer: optimizer, table: grid.table, dataset: dataset,
                            hyperparameters: grid.hyperparameters?[optimizer] ?? [:], budget: grid.budget,
                            seed: UInt64(seed), objective: grid.objective, objectiveEpoch: grid.objectiveEpoch,
                            reportedMetric: grid.reportedMetric)
                        do {
                            runs.append(PlannedRun(grid: grid.name, configuration: try request.resolved()))
                        } catch {
                            throw RunError("grid '\(grid.name)': \(error.message)")
                        }
                    }
                }
            }
        }
        return runs
    }
}

/// One grid of an experiment.
public struct ExperimentGrid: Hashable, Codable, Sendable {
    /// The grid's name: its section in the report and its folder under `runs/`.
    public var name: String
    /// The space.
    public var space: String
    /// The table file, or the space's default.
    public var table: String?
    /// The datasets.
    public var datasets: [String]
    /// The optimizers, in the report's order.
    public var optimizers: [String]
    /// Hyper-parameter overrides per optimizer.
    public var hyperparameters: [String: [String: String]]?
    /// How many seeds per (dataset, optimizer).
    public var seeds: Int
    /// The first seed (default 0).
    public var firstSeed: Int?
    /// Each run's budget.
    public var budget: Budget
    /// The objective, or the space's default.
    public var objective: String?
    /// A fixed objective epoch, or none.
    public var objectiveEpoch: Int?
    /// The reported metric, or the space's default.
    public var reportedMetric: String?
    /// The budgets (queries, or simulated cost for a cost budget) at which the report tabulates anytime results.
    public var reportBudgets: [Double]
}

/// One run of an experiment.
public struct PlannedRun: Hashable, Sendable {
    /// Its grid's name.
    public var grid: String
    /// Its resolved configuration.
    public var configuration: RunConfiguration

    /// Its directory under the experiment's directory: `runs/<grid>/<space>/<dataset>/<optimizer>/seed-<seed>`.
    public func directory(in experiment: String) -> String {
        RunLayout.directory(of: configuration, in: experiment + "/runs/" + grid)
    }
}
