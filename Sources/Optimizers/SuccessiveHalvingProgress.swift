/// A successive-halving bracket being run, one evaluation at a time: the rung reached, the architectures still
/// to evaluate there and the objectives observed so far at it.
///
/// At the first rung the optimizer draws each architecture when it is asked for (so that BOHB's model sees every
/// observation made before the draw); at later rungs the promoted architectures are evaluated best first. When a
/// rung is complete, the top ``SuccessiveHalvingBracket/Rung/size`` of the next rung are promoted by
/// ``SuccessiveHalvingBracket/ranking(of:)``.
struct SuccessiveHalvingProgress<Architecture: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    /// What to evaluate next.
    enum Step: Equatable {
        /// Draw a new architecture and evaluate it at `fidelity` (first rung).
        case sample(fidelity: Int)
        /// Evaluate a promoted architecture at `fidelity`.
        case evaluate(Architecture, fidelity: Int)
    }

    /// An architecture evaluated at the current rung and its objective.
    struct Result: Hashable, Codable, Sendable {
        var architecture: Architecture
        var objective: Double
    }

    /// The bracket run.
    let bracket: SuccessiveHalvingBracket
    /// The position of the current rung in the bracket; `bracket.rungs.count` once the bracket is finished.
    private(set) var rungIndex = 0
    /// The architectures promoted to the current rung, best first (empty at the first rung).
    private var promoted: [Architecture] = []
    /// The results at the current rung, in evaluation order.
    private var results: [Result] = []

    /// Starts `bracket` at its first rung.
    init(bracket: SuccessiveHalvingBracket) {
        self.bracket = bracket
    }

    /// Whether every rung has been evaluated.
    var isFinished: Bool { rungIndex == bracket.rungs.count }

    /// The next evaluation.
    ///
    /// - Precondition: the bracket is not finished.
    var nextStep: Step {
        precondition(!isFinished, "a finished bracket has no next step")
        let fidelity = bracket.rungs[rungIndex].fidelity
        return rungIndex == 0 ? .sample(fidelity: fidelity) : .evaluate(promoted[results.count], fidelity: fidelity)
    }

    /// Records the objective of the architecture of ``nextStep``; completes the rung (promoting its best) when it
    /// was the rung's last evaluation.
    ///
    /// - Precondition: the bracket is not finished.
    mutating func record(_ architecture: Architecture, objective: Double) {
        precondition(!isFinished, "a finished bracket records nothing")
        results.append(Result(architecture: architecture, objective: objective))
        guard results.count == bracket.rungs[rungIndex].size else { return }
        rungIndex += 1
        if isFinished {
            promoted = []
        } else {
            let kept = bracket.rungs[rungIndex].size
            promoted = SuccessiveHalvingBracket.ranking(of: results.map(\.objective)).prefix(kept)
                .map { results[$0].architecture }
        }
        results = []
    }
}
