import NASCore
import NASSpaces
import Optimizers

/// The black-box optimizers a run can use, by their command-line names.
public enum OptimizerChoice: String, CaseIterable, Codable, Sendable {
    /// ``RandomSearch``.
    case randomSearch = "random-search"

    /// One line on the optimizer and its paper.
    public var summary: String {
        switch self {
        case .randomSearch: "uniform random sampling (Li & Talwalkar 2019)"
        }
    }

    /// Whether the optimizer proposes lower fidelities (it needs a table with two or more).
    public var isMultiFidelity: Bool {
        switch self {
        case .randomSearch: false
        }
    }

    /// The optimizer's resolved hyper-parameters: its paper defaults with `overrides` applied, validated.
    ///
    /// - Throws: ``RunError`` for an unknown name, a wrongly typed value, or an invalid one.
    public func resolveHyperparameters(_ overrides: [String: String]) throws(RunError) -> [String: JSONValue] {
        switch self {
        case .randomSearch:
            try ConfigurationOverrides.resolve(
                RandomSearch<NB201Space>.Configuration.self, overrides: overrides, optimizer: rawValue
            ).resolved
        }
    }

    /// Looks an optimizer up by name.
    ///
    /// - Throws: ``RunError`` listing the optimizers.
    public static func named(_ name: String) throws(RunError) -> OptimizerChoice {
        guard let choice = OptimizerChoice(rawValue: name) else {
            throw RunError("unknown optimizer '\(name)'; choose one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// Runs `loop` with a fresh optimizer of this kind for `space`, configured by `hyperparameters`.
    ///
    /// The configuration types are nested in the generic optimizers but do not depend on the space, so
    /// ``resolveHyperparameters(_:)`` reads them through NB201Space's.
    func withOptimizer<Loop: OptimizerLoop>(
        hyperparameters: [String: JSONValue], seed: UInt64, fidelities: [Int], _ loop: Loop
    ) throws(RunError) -> Loop.Output {
        typealias Space = Loop.Space
        switch self {
        case .randomSearch:
            let configuration = try decode(RandomSearch<Space>.Configuration.self, hyperparameters)
            return try loop.run { () throws(RunError) in RandomSearch<Space>(configuration: configuration, seed: seed) }
        }
    }

    private func decode<Configuration: OptimizerConfiguration>(
        _ type: Configuration.Type, _ fields: [String: JSONValue]
    ) throws(RunError) -> Configuration {
        try ConfigurationOverrides.decode(type, fields: fields, optimizer: rawValue)
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
