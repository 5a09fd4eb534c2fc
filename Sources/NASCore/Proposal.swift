/// What an optimizer asks to have evaluated: an architecture and the fidelity to train it to.
public struct Proposal<Architecture: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    /// The architecture to evaluate.
    public var architecture: Architecture
    /// The fidelity in epochs, one of the evaluator's ``Evaluator/fidelities``; `nil` for the full fidelity.
    public var fidelity: Int?

    /// Creates a proposal; `fidelity` `nil` asks for the full fidelity.
    public init(_ architecture: Architecture, fidelity: Int? = nil) {
        self.architecture = architecture
        self.fidelity = fidelity
    }
}

/// What an optimizer is told after its proposal was evaluated: the proposal and the objective it reached.
///
/// Optimizers see the objective only (validation accuracy, say), never the metrics the runner reports (test
/// accuracy), so no optimizer can peek at the numbers it is judged by.
public struct Observation<Architecture: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    /// The architecture evaluated.
    public var architecture: Architecture
    /// The fidelity it was evaluated at (`nil`: the full fidelity).
    public var fidelity: Int?
    /// The value reached; optimizers maximize it.
    public var objective: Double

    /// Creates an observation.
    public init(_ architecture: Architecture, fidelity: Int? = nil, objective: Double) {
        self.architecture = architecture
        self.fidelity = fidelity
        self.objective = objective
    }

    /// The observation of `proposal` reaching `objective`.
    public init(_ proposal: Proposal<Architecture>, objective: Double) {
        self.init(proposal.architecture, fidelity: proposal.fidelity, objective: objective)
    }
}
