import Foundation

/// The exponents of MnasNet's latency-aware reward (Tan et al., CVPR 2019, § 3, Equation 2): w = α when the
/// latency is within the target, β when it exceeds it.
public struct MnasNetRewardExponents: Hashable, Codable, Sendable {
    /// w when latency ≤ target.
    public let alpha: Double
    /// w when latency > target.
    public let beta: Double

    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    /// The soft constraint the paper searches with: α = β = −0.07 (a network twice as slow must be about 5%
    /// more accurate to earn the same reward: 2^−0.07 ≈ 0.953).
    public static let soft = MnasNetRewardExponents(alpha: -0.07, beta: -0.07)
    /// The hard constraint the paper contrasts it with: α = 0, β = −1 (no reward for being faster than the
    /// target, a steep penalty above it).
    public static let hard = MnasNetRewardExponents(alpha: 0, beta: -1)
}

/// MnasNet's reward: ACC(m) × (LAT(m) / T)^w, with w = α when LAT(m) ≤ T and β otherwise (Tan et al., CVPR 2019,
/// Equation 2).
///
/// - Parameters:
///   - accuracy: ACC(m), e.g. a validation accuracy in [0, 1] or in percent (the reward has its unit).
///   - latency: LAT(m), positive, in the target's unit.
///   - target: T, positive.
///   - exponents: α and β (the paper's soft constraint by default).
/// - Returns: the reward.
public func mnasNetReward(
    accuracy: Double, latency: Double, target: Double, exponents: MnasNetRewardExponents = .soft
) -> Double {
    precondition(latency > 0 && target > 0, "mnasNetReward: latency \(latency) and target \(target) must be positive")
    let exponent = latency <= target ? exponents.alpha : exponents.beta
    return accuracy * pow(latency / target, exponent)
}
