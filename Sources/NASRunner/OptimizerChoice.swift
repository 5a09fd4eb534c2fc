import NASCore
import NASSpaces
import Optimizers

/// The black-box optimizers a run can use, by their command-line names.
public enum OptimizerChoice: String, CaseIterable, Codable, Sendable {
    /// ``RandomSearch``.
    case randomSearch = "random-search"
    /// ``LocalSearch``.
    case localSearch = "local-search"
    /// ``RegularizedEvolution``.
    case regularizedEvolution = "regularized-evolution"
    /// ``Reinforce``.
    case reinforce
    /// ``Bananas``.
    case bananas
    /// ``SuccessiveHalving``.
    case successiveHalving = "successive-halving"
    /// ``Hyperband``.
    case hyperband
    /// ``BOHB``.
    case bohb

    /// One line on the optimizer and its paper.
    public var summary: String {
        switch self {
        case .randomSearch: "uniform random sampling (Li & Talwalkar 2019)"
        case .localSearch: "hill climbing over the space's neighbours (White et al. 2020)"
        case .regularizedEvolution: "aging evolution with tournament selection (Real et al. 2019)"
        case .reinforce: "REINFORCE with an LSTM controller (Zoph & Le 2017)"
        case .bananas: "Bayesian optimization with a neural ensemble on the path encoding (White et al. 2021)"
        case .successiveHalving: "successive halving over the table's fidelities (Jamieson & Talwalkar 2016)"
        case .hyperband: "Hyperband's brackets of successive halving (Li et al. 2018)"
        case .bohb: "Hyperband with a TPE model (Falkner et al. 2018)"
        }
    }

    /// Whether the optimizer proposes lower fidelities (it needs a table with two or more).
    public var isMultiFidelity: Bool {
        switch self {
        case .successiveHalving, .hyperband, .bohb: true
        default: false
        }
    }

    /// The optimizer's resolved hyper-parameters: its paper defaults with `overrides` applied, validated.
    ///
    /// The configuration types are nested in the generic optimizers but do not depend on the space, so they are
    /// read through NB201Space's.
    ///
    /// - Throws: ``RunError`` for an unknown name, a wrongly typed value, or an invalid one.
    public func resolveHyperparameters(_ overrides: [String: String]) throws(RunError) -> [String: JSONValue] {
        typealias Probe = NB201Space
        switch self {
        case .randomSearch: return try resolve(RandomSearch<Probe>.Configuration.self, overrides)
        case .localSearch: return try resolve(LocalSearch<Probe>.Configuration.self, overrides)
        case .regularizedEvolution: return try resolve(RegularizedEvolution<Probe>.Configuration.self, overrides)
        case .reinforce: return try resolve(Reinforce<Probe>.Configuration.self, overrides)
        case .bananas: return try resolve(Bananas<Probe>.Configuration.self, overrides)
        case .successiveHalving: return try resolve(SuccessiveHalving<Probe>.Configuration.self, overrides)
        case .hyperband: return try resolve(Hyperband<Probe>.Configuration.self, overrides)
        case .bohb: return try resolve(BOHB<Probe>.Configuration.self, overrides)
        }
    }

    /// Looks an optimizer up by name.
    ///
    /// - Throws: ``RunError`` listing the optimizers.
    public static func named(_ name: String) throws(RunError) -> OptimizerChoice {
        guard let choice = OptimizerChoice(rawValue: name) else {
            throw RunError(
                "unknown optimizer '\(name)'; choose one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// Runs `loop` with a fresh optimizer of this kind configured by `hyperparameters` (a resolved
    /// configuration), its generator seeded by `seed`, for an evaluator with `fidelities`.
    func withOptimizer<Loop: OptimizerLoop>(
        hyperparameters fields: [String: JSONValue], seed: UInt64, fidelities: [Int], _ loop: Loop
    ) throws(RunError) -> Loop.Output {
        typealias Space = Loop.Space
        switch self {
        case .randomSearch:
            let configuration = try decode(RandomSearch<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in RandomSearch<Space>(configuration: configuration, seed: seed) }
        case .localSearch:
            let configuration = try decode(LocalSearch<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in LocalSearch<Space>(configuration: configuration, seed: seed) }
        case .regularizedEvolution:
            let configuration = try decode(RegularizedEvolution<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in
                RegularizedEvolution<Space>(configuration: configuration, seed: seed)
            }
        case .reinforce:
            let configuration = try decode(Reinforce<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in Reinforce<Space>(configuration: configuration, seed: seed) }
        case .bananas:
            let configuration = try decode(Bananas<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in Bananas<Space>(configuration: configuration, seed: seed) }
        case .successiveHalving:
            let configuration = try decode(SuccessiveHalving<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in
                try mapped { () throws(SearchError) in
                    try SuccessiveHalving<Space>(configuration: configuration, seed: seed, fidelities: fidelities)
                }
            }
        case .hyperband:
            let configuration = try decode(Hyperband<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in
                try mapped { () throws(SearchError) in
                    try Hyperband<Space>(configuration: configuration, seed: seed, fidelities: fidelities)
                }
            }
        case .bohb:
            let configuration = try decode(BOHB<Space>.Configuration.self, fields)
            return try loop.run { () throws(RunError) in
                try mapped { () throws(SearchError) in
                    try BOHB<Space>(configuration: configuration, seed: seed, fidelities: fidelities)
                }
            }
        }
    }

    private func resolve<Configuration: OptimizerConfiguration>(
        _ type: Configuration.Type, _ overrides: [String: String]
    ) throws(RunError) -> [String: JSONValue] {
        try ConfigurationOverrides.resolve(type, overrides: overrides, optimizer: rawValue).resolved
    }

    private func decode<Configuration: OptimizerConfiguration>(
        _ type: Configuration.Type, _ fields: [String: JSONValue]
    ) throws(RunError) -> Configuration {
        try ConfigurationOverrides.decode(type, fields: fields, optimizer: rawValue)
    }

    private func mapped<Value>(_ make: () throws(SearchError) -> Value) throws(RunError) -> Value {
        do { return try make() } catch { throw RunError(error.message) }
    }
}

/// What to do with an optimizer once ``OptimizerChoice`` has made it: a generic function over the optimizer's
/// type, which a closure cannot be.
protocol OptimizerLoop {
    /// The space searched.
    associatedtype Space: CategoricalSearchSpace & EnumerableSearchSpace
    /// What the loop returns.
    associatedtype Output

    /// Runs with the optimizer `make` creates (called only when no checkpoint supplies the optimizer).
    func run<Optimizer: BlackBoxOptimizer>(_ make: () throws(RunError) -> Optimizer) throws(RunError) -> Output
    where Optimizer.Space == Space
}
