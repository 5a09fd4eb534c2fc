/// Evaluates architectures of a space: a tabular benchmark's lookup, or training with the engine.
///
/// An evaluator is stateless: the same architecture and fidelity always give the same evaluation, and every
/// evaluation is charged its full cost (the runner accounts the total).
public protocol Evaluator<Space>: Sendable {
    /// The space whose architectures this evaluator evaluates.
    associatedtype Space: SearchSpace

    /// The fidelities (epochs) at which architectures can be evaluated, ascending, the last one full; empty when
    /// only a final value exists (multi-fidelity optimizers then refuse to run).
    var fidelities: [Int] { get }

    /// Evaluates `architecture` at `fidelity` (`nil`: the full fidelity).
    ///
    /// - Throws: ``SearchError`` naming the architecture and what is missing (no row in the table, a fidelity
    ///   that is not one of ``fidelities``).
    func evaluate(_ architecture: Space.Architecture, fidelity: Int?) throws(SearchError) -> Evaluation
}
