import Foundation
import NASCore
import TabularBenchmarks

/// What ``SearchLoop`` needs besides the space and evaluator.
struct SearchLoopSettings {
    let configuration: RunConfiguration
    let directory: String?
    let checkpoint: RunCheckpoint?
    let stopAfterQueries: Int?
    let checkpointInterval: Double
    let progress: ((RunProgress) -> Void)?
    let provenance: RunProvenance
}

/// The ask-evaluate-tell loop of one run, with the incumbent, regret and cost of every query recorded and a
/// checkpoint written after each.
struct SearchLoop<Space: CategoricalSearchSpace & EnumerableSearchSpace>: OptimizerLoop {
    let settings: SearchLoopSettings
    let space: Space
    let evaluator: TabularEvaluator<Space>
    let oracle: Oracle

    func run<Optimizer: BlackBoxOptimizer>(_ make: () throws(RunError) -> Optimizer) throws(RunError) -> RunOutcome
    where Optimizer.Space == Space {
        let configuration = settings.configuration
        if let directory = settings.directory { try RunFiles.makeDirectory(directory) }
        var optimizer: Optimizer
        var trajectory: [QueryRecord] = []
        var timings: [QueryTiming] = []
        if let checkpoint = settings.checkpoint {
            do {
                optimizer = try JSONDecoder().decode(Optimizer.self, from: Data(checkpoint.optimizerState.utf8))
            } catch {
                throw RunError(
                    "the checkpoint in \(settings.directory ?? ".") holds no \(configuration.optimizer) state "
                        + "(\(error)); it was left untouched: remove it to start again")
            }
            trajectory = checkpoint.trajectory
            timings = checkpoint.timings
        } else {
            optimizer = try make()
        }
        let resumedAfter = trajectory.count
        let provenance = settings.provenance
        let start = MonotonicClock.seconds()
        var incumbent = IncumbentTracker(trajectory)
        var cost = trajectory.last?.cumulativeCost ?? 0
        var costUnit =
            (try? evaluator.index.table.trainingCost(row: 0, dataset: configuration.dataset, epoch: nil).unit.rawValue)
            ?? "evaluations"

        var lastCheckpoint = start
        func saveCheckpoint() throws(RunError) {
            guard let directory = settings.directory else { return }
            let state = try RunFiles.encode(optimizer)
            let checkpoint = RunCheckpoint(
                configuration: configuration, optimizerState: String(decoding: state, as: UTF8.self),
                trajectory: trajectory, timings: timings)
            try RunFiles.write(try RunFiles.encode(checkpoint), to: directory + "/" + RunFiles.checkpoint)
            lastCheckpoint = MonotonicClock.seconds()
        }

        while !Self.isExhausted(configuration.budget, queries: trajectory.count, cost: cost) {
            if let stop = settings.stopAfterQueries, trajectory.count >= stop {
                if trajectory.count > resumedAfter { try saveCheckpoint() }
                return RunOutcome(
                    result: nil, timing: RunTiming(queries: timings), resumedAfter: resumedAfter, wasFinished: false)
            }
            let query = trajectory.count + 1
            let asked = MonotonicClock.seconds()
            let proposal: Proposal<Space.Architecture>
            let evaluation: Evaluation
            do {
                proposal = try optimizer.ask(in: space)
            } catch {
                throw RunError("\(configuration.optimizer) failed to propose query \(query): \(error.message)")
            }
            let evaluated = MonotonicClock.seconds()
            do {
                evaluation = try evaluator.evaluate(proposal.architecture, fidelity: proposal.fidelity)
            } catch {
                throw RunError("query \(query) cannot be evaluated: \(error.message)")
            }
            let told = MonotonicClock.seconds()
            do {
                try optimizer.tell(Observation(proposal, objective: evaluation.objective), in: space)
            } catch {
                throw RunError("\(configuration.optimizer) refused the evaluation of query \(query): \(error.message)")
            }
            let done = MonotonicClock.seconds()
            cost += evaluation.cost
            costUnit = evaluation.costUnit
            let reported = evaluation.metrics[configuration.reportedMetric] ?? .nan
            incumbent.observe(query: query, fidelity: proposal.fidelity, objective: evaluation.objective, reported: reported)
            trajectory.append(
                QueryRecord(
                    query: query, architecture: space.format(proposal.architecture),
                    key: space.key(of: proposal.architecture).rawValue, fidelity: proposal.fidelity,
                    objective: evaluation.objective, reported: reported, cost: evaluation.cost, cumulativeCost: cost,
                    incumbentQuery: incumbent.query, incumbentReported: incumbent.reported,
                    regret: oracle.regret(of: incumbent.reported)))
            timings.append(
                QueryTiming(
                    query: query, optimizerSeconds: (evaluated - asked) + (done - told),
                    evaluationSeconds: told - evaluated))
            if MonotonicClock.seconds() - lastCheckpoint >= settings.checkpointInterval { try saveCheckpoint() }
            settings.progress?(
                RunProgress(
                    queries: query, budget: configuration.budget, cost: cost,
                    incumbentReported: incumbent.reported, regret: oracle.regret(of: incumbent.reported),
                    elapsedSeconds: MonotonicClock.seconds() - start))
        }
        let result = RunResult(
            configuration: configuration, provenance: provenance, oracle: oracle, trajectory: trajectory,
            costUnit: costUnit)
        let timing = RunTiming(queries: timings)
        if let directory = settings.directory {
            try RunFiles.write(try RunFiles.encode(result), to: directory + "/" + RunFiles.result)
            try RunFiles.write(try RunFiles.encode(timing), to: directory + "/" + RunFiles.timing)
            try? FileManager.default.removeItem(atPath: directory + "/" + RunFiles.checkpoint)
        }
        return RunOutcome(result: result, timing: timing, resumedAfter: resumedAfter, wasFinished: false)
    }

    static func isExhausted(_ budget: Budget, queries: Int, cost: Double) -> Bool {
        switch budget {
        case .queries(let count): queries >= count
        case .cost(let amount): cost >= amount
        }
    }
}

extension Oracle {
    /// How far `reported` is from the oracle (never negative for a value of the table).
    func regret(of reported: Double) -> Double { value - reported }
}

/// The incumbent: the best objective among the evaluations at the highest fidelity seen so far (ties to the
/// earlier query), so a multi-fidelity run's answer is never a 12-epoch number once a 200-epoch one exists.
struct IncumbentTracker {
    private(set) var query = 0
    private(set) var reported = Double.nan
    private var objective = -Double.infinity
    private var fidelityRank = Int.min

    init(_ trajectory: [QueryRecord]) {
        for record in trajectory {
            observe(query: record.query, fidelity: record.fidelity, objective: record.objective, reported: record.reported)
        }
    }

    mutating func observe(query: Int, fidelity: Int?, objective: Double, reported: Double) {
        let rank = fidelity ?? Int.max
        if rank > fidelityRank || (rank == fidelityRank && objective > self.objective) {
            fidelityRank = rank
            self.objective = objective
            self.query = query
            self.reported = reported
        }
    }
}
