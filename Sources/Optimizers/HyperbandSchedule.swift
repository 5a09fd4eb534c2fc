import NASCore

/// Hyperband's rungs and brackets over the discrete fidelities an evaluator has (Li et al., "Hyperband: A Novel
/// Bandit-Based Approach to Hyperparameter Optimization", JMLR 18(185), 2018, Algorithm 1), shared by
/// ``SuccessiveHalving``, ``Hyperband`` and ``BOHB``.
///
/// **Rungs.** With full fidelity R (the last fidelity), minimum m (the first) and η: for i = 0, 1, ... while
/// m·η^i ≤ R, the ideal rung R·η^-i is snapped *down* to the largest available fidelity not above it (at least
/// m, since m·η^i ≤ R); rungs that snap to the same fidelity merge. This is Li et al.'s geometric grid
/// r_i = R·η^-i, s_max = ⌊log_η(R/m)⌋, restricted to the epochs that exist (HpBandSter truncates its budgets to
/// integers the same way). The rungs, ascending, are r_0 < ... < r_S; S = rungs.count - 1 plays s_max.
///
/// - Every epoch 1...200, η = 3: ideal 200, 66.7, 22.2, 7.4, 2.5 give rungs [2, 7, 22, 66, 200], S = 4.
/// - NAS-Bench-201's [12, 200], η = 3: ideal 200, 66.7, 22.2 (m·η³ = 324 > 200 ends the grid) snap to 200, 12,
///   12, so the rungs are **[12, 200]**, S = 1: two brackets, s = 1 (start at 12 epochs, promote to 200) and
///   s = 0 (200 epochs only). The step from 12 to 200 is a factor 16.7 rather than η; the promotion keeps 1/η.
///
/// **Brackets** (Algorithm 1, outer loop), s = S, S-1, ..., 0: n = ⌈(S+1)/(s+1)·η^s⌉ architectures at rung
/// r_{S-s}, then ⌊n/η^i⌋ at r_{S-s+i}. For [12, 200]: s = 1 is 3 at 12 then 1 at 200; s = 0 is 2 at 200. For
/// 1...200: s = 4: 81, 27, 9, 3, 1 at 2, 7, 22, 66, 200; s = 3: 34, 11, 3, 1 at 7, 22, 66, 200; s = 2: 15, 5, 1
/// at 22, 66, 200; s = 1: 8, 2 at 66, 200; s = 0: 5 at 200 (Li et al.'s Table 1 for R = 81, η = 3).
///
/// On a table whose fidelities are separate training runs (NAS-Bench-201), evaluating a promoted architecture at
/// 200 epochs after 12 costs 200 more epochs, not 188: the table charges each evaluation its full fidelity.
public struct HyperbandSchedule: Hashable, Codable, Sendable {
    /// The factor between rungs (η).
    public let eta: Int
    /// The rung fidelities, ascending; the last is the full fidelity.
    public let rungs: [Int]
    /// The brackets in the order Hyperband runs them: s = S (the most exploratory) first, s = 0 last.
    public let brackets: [SuccessiveHalvingBracket]

    /// Computes the schedule for `fidelities` (the evaluator's, ascending, the last one full).
    ///
    /// - Parameters:
    ///   - fidelities: The evaluator's fidelities in epochs.
    ///   - eta: The factor between rungs, at least 2.
    ///   - optimizer: The optimizer's name, for messages.
    /// - Throws: ``SearchError`` for fewer than two fidelities, or fidelities that are not positive and ascending.
    public init(fidelities: [Int], eta: Int, optimizer: String) throws(SearchError) {
        try Self.checkFidelities(fidelities, optimizer: optimizer)
        precondition(eta >= 2, "the configuration's validate() refuses eta < 2")
        let rungs = Self.rungs(fidelities: fidelities, eta: eta)
        let largest = rungs.count - 1
        var brackets: [SuccessiveHalvingBracket] = []
        for s in stride(from: largest, through: 0, by: -1) {
            let power = Self.power(eta, s)
            // ⌈(S+1)·η^s / (s+1)⌉ in integers.
            let initialSize = ((largest + 1) * power + s) / (s + 1)
            let bracketRungs = Array(rungs[(largest - s)...])
            brackets.append(SuccessiveHalvingBracket(fidelities: bracketRungs, initialSize: initialSize, eta: eta))
        }
        self.eta = eta
        self.rungs = rungs
        self.brackets = brackets
    }

    /// The rungs for `fidelities` and `eta`: R·η^-i snapped down to the available fidelities, ascending, distinct.
    ///
    /// - Precondition: `fidelities` is not empty, positive and ascending; `eta >= 2`.
    public static func rungs(fidelities: [Int], eta: Int) -> [Int] {
        guard let minimum = fidelities.first, let full = fidelities.last else { return [] }
        var rungs: [Int] = []
        var scale = 1  // η^i
        while true {
            let (lowest, overflow) = minimum.multipliedReportingOverflow(by: scale)
            guard !overflow, lowest <= full else { break }
            // The largest fidelity f with f·η^i ≤ R, i.e. f ≤ R·η^-i.
            let snapped = fidelities.last { fidelity in
                let (product, overflow) = fidelity.multipliedReportingOverflow(by: scale)
                return !overflow && product <= full
            }
            if let snapped, rungs.last != snapped { rungs.append(snapped) }
            let (next, nextOverflow) = scale.multipliedReportingOverflow(by: eta)
            guard !nextOverflow else { break }
            scale = next
        }
        return rungs.reversed()
    }

    /// Throws unless there are at least two fidelities, positive and ascending.
    static func checkFidelities(_ fidelities: [Int], optimizer: String) throws(SearchError) {
        guard fidelities.count >= 2 else {
            let has = fidelities.isEmpty ? "none (a final value only)" : "one (\(fidelities[0]))"
            throw SearchError(
                "\(optimizer) needs a table with at least two fidelities; nb201's test_accuracy has 12 and 200 and "
                    + "tables made by training have every epoch 1...E, but this objective has \(has): search such an "
                    + "objective, or use a single-fidelity optimizer such as random search")
        }
        guard fidelities.allSatisfy({ $0 > 0 }), zip(fidelities, fidelities.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw SearchError(
                "\(optimizer): the fidelities must be positive epochs in ascending order (got "
                    + "\(fidelities.map(String.init).joined(separator: ", "))); pass the evaluator's fidelities")
        }
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { product, _ in product * base }
    }
}
