import Foundation
import NASCore

/// An evaluator of trainable spaces without a table: an architecture's objective is how close its network's exact
/// parameter count comes to a budget, −|ln(parameters / budget)| (0 at the budget), the training-free objective
/// of a parameter-constrained search. It lets every black-box optimizer search the DARTS, MnasNet-like and size
/// spaces unchanged, through the same ``NASCore/Evaluator`` seam as a table, with a real number: the count
/// comes from the network the space builds (``ModelCost``), not from a formula of the text.
///
/// The cost of an evaluation is one network construction, charged as 1 "network".
public struct ParameterBudgetEvaluator<Space: SearchSpace>: Evaluator {
    /// The parameter budget.
    public let budget: Int
    /// The trainable parameter count of an architecture's network.
    public let parameterCount: @Sendable (Space.Architecture) -> Int

    /// An evaluator toward `budget` parameters, counting them with `parameterCount`.
    public init(budget: Int, parameterCount: @escaping @Sendable (Space.Architecture) -> Int) {
        precondition(budget > 0, "ParameterBudgetEvaluator: the budget must be positive, got \(budget)")
        self.budget = budget
        self.parameterCount = parameterCount
    }

    /// No fidelities: a count is exact.
    public var fidelities: [Int] { [] }

    /// −|ln(parameters / budget)|, with the count as the metric `parameters`.
    public func evaluate(_ architecture: Space.Architecture, fidelity: Int?) throws(SearchError) -> Evaluation {
        guard fidelity == nil else {
            throw SearchError("a parameter count has no fidelities; ask for the full evaluation (fidelity nil), got \(fidelity!)")
        }
        let count = parameterCount(architecture)
        return Evaluation(
            objective: -Swift.abs(Foundation.log(Double(count) / Double(budget))), fidelity: nil, cost: 1,
            costUnit: "network", metrics: ["parameters": Double(count)])
    }
}
