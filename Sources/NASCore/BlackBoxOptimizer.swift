/// A NAS optimizer that searches a space by proposing architectures and being told how they did (ask/tell).
///
/// The runner alternates strictly: one ``ask(in:)``, the evaluation of its proposal, one ``tell(_:in:)`` with
/// the same architecture and fidelity. Optimizers that propose in batches (BANANAS's `k` per iteration) queue
/// the batch internally. An optimizer sees the space only through the protocols (`SearchSpace`, and
/// `CategoricalSearchSpace` where it needs decisions) and never the metrics it is judged by.
///
/// The optimizer value is its whole state: configuration, its own seeded generator, what it has observed and
/// any model it trains. It is `Codable`, so the runner checkpoints it after every query, and a run resumed from
/// a checkpoint continues exactly as the uninterrupted run would have (the conformance suite checks this for
/// every optimizer).
public protocol BlackBoxOptimizer<Space>: Codable, Sendable {
    /// The space searched.
    associatedtype Space: SearchSpace

    /// The next architecture and fidelity to evaluate.
    ///
    /// - Throws: ``SearchError`` when the optimizer cannot propose (a space it cannot search, an exhausted
    ///   neighbourhood it cannot restart from).
    mutating func ask(in space: Space) throws(SearchError) -> Proposal<Space.Architecture>

    /// Records the evaluation of the proposal last returned by ``ask(in:)``.
    ///
    /// - Throws: ``SearchError`` if `observation` is not the proposal asked for.
    mutating func tell(_ observation: Observation<Space.Architecture>, in space: Space) throws(SearchError)
}

extension BlackBoxOptimizer {
    /// One query: asks, evaluates the proposal with `evaluator`, tells the objective.
    ///
    /// - Returns: The proposal and its full evaluation (with the reported metrics the optimizer did not see).
    /// - Throws: ``SearchError`` from the optimizer or the evaluator.
    public mutating func step<E: Evaluator>(in space: Space, evaluator: E) throws(SearchError)
        -> (proposal: Proposal<Space.Architecture>, evaluation: Evaluation) where E.Space == Space
    {
        let proposal = try ask(in: space)
        let evaluation = try evaluator.evaluate(proposal.architecture, fidelity: proposal.fidelity)
        try tell(Observation(proposal, objective: evaluation.objective), in: space)
        return (proposal, evaluation)
    }
}
