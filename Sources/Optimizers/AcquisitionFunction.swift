#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NASCore
import Seeding

/// How BANANAS turns an ensemble's predictions for candidate architectures into scores to rank them by (White,
/// Neiswanger & Savani, "BANANAS", AAAI 2021, § acquisition functions; naszilla's `acquisition_functions.py`,
/// NASLib's `bananas/acquisition_functions.py`). Higher scores are better: the objective is maximized.
///
/// With μ and σ the ensemble members' mean and population standard deviation for a candidate, and y* the best
/// objective observed:
///
/// | case | command line | score |
/// |---|---|---|
/// | independentThompsonSampling | `its` | a draw from N(μ, σ²), independently per candidate (the paper's choice) |
/// | thompsonSampling | `ts` | the predictions of one member drawn uniformly, the same member for every candidate |
/// | upperConfidenceBound | `ucb` | μ + β σ, β = `explorationFactor` (0.5 in both codes) |
/// | expectedImprovement | `ei` | s (γ Φ(γ) + φ(γ)), s = σ / c, γ = (μ − y*) / s, c = calibration (5) |
/// | probabilityOfImprovement | `pi` | Φ((μ − y*) / σ) |
/// | exploitation | `mean` | μ (NASLib's `exploit_only`) |
public enum AcquisitionFunction: String, CaseIterable, Hashable, Codable, Sendable {
    case independentThompsonSampling = "its"
    case thompsonSampling = "ts"
    case upperConfidenceBound = "ucb"
    case expectedImprovement = "ei"
    case probabilityOfImprovement = "pi"
    case exploitation = "mean"

    /// Scores every candidate.
    ///
    /// - Parameters:
    ///   - members: Each ensemble member's predictions, `[member][candidate]`.
    ///   - incumbent: y*, the best objective observed so far.
    ///   - explorationFactor: β of the upper confidence bound.
    ///   - calibration: c, by which expected improvement divides σ.
    ///   - rng: Draws one normal per candidate (`its`) or one member (`ts`); nothing otherwise.
    /// - Returns: One score per candidate, higher is better.
    /// - Complexity: O(members · candidates).
    public func scores(
        members: [[Double]], incumbent: Double, explorationFactor: Double, calibration: Double,
        using rng: inout some RandomNumberGenerator
    ) -> [Double] {
        precondition(!members.isEmpty, "AcquisitionFunction.scores: no ensemble members")
        if self == .thompsonSampling { return members[rng.uniformInt(below: members.count)] }
        return Self.summaries(members).map { mean, deviation in
            switch self {
            case .independentThompsonSampling:
                return mean + deviation * rng.normalDouble()
            case .upperConfidenceBound:
                return mean + explorationFactor * deviation
            case .expectedImprovement:
                let scale = deviation / calibration
                guard scale > 0 else { return max(mean - incumbent, 0) }
                let gamma = (mean - incumbent) / scale
                return scale * (gamma * Self.normalCumulative(gamma) + Self.normalDensity(gamma))
            case .probabilityOfImprovement:
                guard deviation > 0 else { return mean > incumbent ? 1 : 0 }
                return Self.normalCumulative((mean - incumbent) / deviation)
            case .exploitation:
                return mean
            case .thompsonSampling:
                preconditionFailure("handled above")
            }
        }
    }

    /// Each candidate's mean and population standard deviation over the members.
    static func summaries(_ members: [[Double]]) -> [(mean: Double, deviation: Double)] {
        let count = Double(members.count)
        return (0..<members[0].count).map { candidate in
            let mean = members.reduce(0) { $0 + $1[candidate] } / count
            let variance = members.reduce(0) { $0 + ($1[candidate] - mean) * ($1[candidate] - mean) } / count
            return (mean, variance.squareRoot())
        }
    }

    /// Φ, the standard normal distribution function.
    static func normalCumulative(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// φ, the standard normal density.
    static func normalDensity(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }
}
