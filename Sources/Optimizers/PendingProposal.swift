import NASCore

/// The proposal an optimizer handed out and awaits the evaluation of: ask/tell's bookkeeping, shared by every
/// optimizer so that each refuses an observation of something it did not ask for in the same words.
struct PendingProposal<Architecture: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    private(set) var proposal: Proposal<Architecture>?

    init() {}

    /// Records `proposal` as awaiting its evaluation.
    ///
    /// - Throws: ``SearchError`` if an earlier proposal has not been told yet.
    mutating func hand(_ proposal: Proposal<Architecture>, optimizer: String) throws(SearchError) {
        guard self.proposal == nil else {
            throw SearchError(
                "\(optimizer): ask was called twice without tell; tell the evaluation of each proposal before asking "
                    + "again")
        }
        self.proposal = proposal
    }

    /// Checks that `observation` is of the pending proposal and clears it.
    ///
    /// - Throws: ``SearchError`` if nothing was asked, or the architecture or fidelity differ, or the objective
    ///   is not finite.
    mutating func settle(with observation: Observation<Architecture>, optimizer: String) throws(SearchError) {
        guard let proposal else {
            throw SearchError("\(optimizer): tell was called without a pending ask; ask, evaluate, then tell")
        }
        guard proposal.architecture == observation.architecture, proposal.fidelity == observation.fidelity else {
            throw SearchError(
                "\(optimizer): told the evaluation of another architecture or fidelity than the one it asked for; "
                    + "tell the evaluation of the last proposal")
        }
        guard observation.objective.isFinite else {
            throw SearchError(
                "\(optimizer): told a non-finite objective (\(observation.objective)); the evaluator must return a "
                    + "number")
        }
        self.proposal = nil
    }
}
