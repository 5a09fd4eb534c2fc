/// Hyperband's outer loop made endless: the brackets run one after another, and after the last the first starts
/// again, until the runner stops the search on its budget (Li et al. 2018, Algorithm 1, `for s in s_max...0`,
/// repeated as in their infinite-horizon variant and HpBandSter's iterations).
///
/// ``SuccessiveHalving`` cycles through one bracket, ``Hyperband`` and ``BOHB`` through all of
/// ``HyperbandSchedule/brackets``.
struct HyperbandCycle<Architecture: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    /// The brackets, in running order.
    let brackets: [SuccessiveHalvingBracket]
    /// The position of the running bracket in ``brackets``.
    private(set) var bracketIndex = 0
    /// The number of brackets completed so far.
    private(set) var completedBrackets = 0
    /// The running bracket.
    private(set) var progress: SuccessiveHalvingProgress<Architecture>

    /// Starts the first bracket.
    ///
    /// - Precondition: `brackets` is not empty.
    init(brackets: [SuccessiveHalvingBracket]) {
        precondition(!brackets.isEmpty, "a cycle needs a bracket")
        self.brackets = brackets
        self.progress = SuccessiveHalvingProgress(bracket: brackets[0])
    }

    /// The next evaluation of the running bracket.
    var nextStep: SuccessiveHalvingProgress<Architecture>.Step { progress.nextStep }

    /// Records the objective of the architecture of ``nextStep``, starting the next bracket when this one is done.
    mutating func record(_ architecture: Architecture, objective: Double) {
        progress.record(architecture, objective: objective)
        guard progress.isFinished else { return }
        completedBrackets += 1
        bracketIndex = (bracketIndex + 1) % brackets.count
        progress = SuccessiveHalvingProgress(bracket: brackets[bracketIndex])
    }
}
