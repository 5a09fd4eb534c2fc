/// REINFORCE's baseline: an exponential moving average of the rewards of the evaluated architectures, corrected
/// for its start at zero (as the NB201 paper's REINFORCE code computes it).
///
/// After rewards r₁ … rₙ with decay β,
///
///     b = Σₖ β^(n−k) (1 − β) rₖ / Σₖ β^(n−k) (1 − β)
///
/// kept as the running numerator and denominator, so the first reward is the baseline itself rather than
/// (1 − β)·r₁ (ENAS's uncorrected average starts at 0, which with rewards in percent gives huge early
/// advantages). Before any reward the baseline is 0.
struct ReinforceBaseline: Hashable, Codable, Sendable {
    /// Σₖ β^(n−k) (1 − β) rₖ.
    private(set) var weightedRewards: Double = 0
    /// Σₖ β^(n−k) (1 − β): 1 − βⁿ.
    private(set) var totalWeight: Double = 0

    init() {}

    /// Folds `reward` into the average.
    mutating func record(_ reward: Double, decay: Double) {
        weightedRewards = decay * weightedRewards + (1 - decay) * reward
        totalWeight = decay * totalWeight + (1 - decay)
    }

    /// The baseline b: the corrected average, or 0 before the first reward.
    var value: Double {
        totalWeight > 0 ? weightedRewards / totalWeight : 0
    }
}
