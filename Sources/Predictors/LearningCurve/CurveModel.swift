import Foundation

/// The 11 parametric learning-curve models of Domhan, Springenberg & Hutter, "Speeding up Automatic
/// Hyperparameter Optimization of Deep Neural Networks by Extrapolation of Learning Curves", IJCAI 2015, Table 1
/// (Fig. 2), each a function f(x; θ) of the epoch x = 1, 2, ... that saturates as x grows.
///
/// Formulas and parameter order follow the paper's code (`pylearningcurvepredictor`, `curvefunctions.py`, kept in
/// pybnn and NASLib as `all_models`): ilog2 reads log(x + 1), as that code does, so that it is finite at x = 1.
/// The default parameters (``defaultParameters``) are that code's `model_defaults`; log log linear has none
/// there, so it starts from a least-squares line through (log x, exp y). The bounds (``bounds``) are NASKit's:
/// asymptotes stay in 0...1 (accuracies are fractions, the paper's prior also asks f ≤ 1), exponents and rates
/// in ranges wide enough for curves of a few to a few hundred epochs.
public enum CurveModel: String, CaseIterable, Codable, Sendable {
    /// Vapor pressure: exp(a + b/x + c log x); θ = (a, b, c).
    case vaporPressure = "vapor pressure"
    /// pow3: c − a x^(−α); θ = (c, a, α).
    case pow3
    /// log log linear: log(a log x + b); θ = (a, b).
    case logLogLinear = "log log linear"
    /// Hill3 (Hill with zero background): y_max x^η / (κ^η + x^η); θ = (y_max, η, κ).
    case hill3 = "Hill3"
    /// log power: a / (1 + (x / e^b)^c); θ = (a, b, c).
    case logPower = "log power"
    /// pow4: c − (a x + b)^(−α); θ = (c, a, b, α).
    case pow4
    /// Morgan–Mercer–Flodin: α − (α − β) / (1 + (κ x)^δ); θ = (α, β, κ, δ).
    case morganMercerFlodin = "MMF"
    /// exp4: c − exp(−a x^α + b); θ = (c, a, b, α).
    case exp4
    /// Janoschek: α − (α − β) exp(−κ x^δ); θ = (α, β, κ, δ).
    case janoschek = "Janoschek"
    /// Weibull: α − (α − β) exp(−(κ x)^δ); θ = (α, β, κ, δ).
    case weibull = "Weibull"
    /// ilog2: c − a / log(x + 1); θ = (c, a).
    case ilog2

    /// The number of parameters.
    public var parameterCount: Int { bounds.count }

    /// f(x; θ), or a non-finite value where the formula is undefined (a negative base of a fractional power,
    /// the log of a non-positive number).
    ///
    /// - Precondition: `parameters.count == parameterCount`.
    public func value(at x: Double, _ parameters: [Double]) -> Double {
        precondition(parameters.count == parameterCount, "\(rawValue) takes \(parameterCount) parameters")
        let p = parameters
        switch self {
        case .vaporPressure: return exp(p[0] + p[1] / x + p[2] * log(x))
        case .pow3: return p[0] - p[1] * pow(x, -p[2])
        case .logLogLinear: return log(p[0] * log(x) + p[1])
        case .hill3:
            let power = pow(x, p[1])
            return p[0] * power / (pow(p[2], p[1]) + power)
        case .logPower: return p[0] / (1 + pow(x / exp(p[1]), p[2]))
        case .pow4: return p[0] - pow(p[1] * x + p[2], -p[3])
        case .morganMercerFlodin: return p[0] - (p[0] - p[1]) / (1 + pow(p[2] * x, p[3]))
        case .exp4: return p[0] - exp(-p[1] * pow(x, p[3]) + p[2])
        case .janoschek: return p[0] - (p[0] - p[1]) * exp(-p[2] * pow(x, p[3]))
        case .weibull: return p[0] - (p[0] - p[1]) * exp(-pow(p[2] * x, p[3]))
        case .ilog2: return p[0] - p[1] / log(x + 1)
        }
    }

    /// The parameters' names, in order.
    public var parameterNames: [String] {
        switch self {
        case .vaporPressure: ["a", "b", "c"]
        case .pow3: ["c", "a", "alpha"]
        case .logLogLinear: ["a", "b"]
        case .hill3: ["ymax", "eta", "kappa"]
        case .logPower: ["a", "b", "c"]
        case .pow4: ["c", "a", "b", "alpha"]
        case .morganMercerFlodin, .janoschek, .weibull: ["alpha", "beta", "kappa", "delta"]
        case .exp4: ["c", "a", "b", "alpha"]
        case .ilog2: ["c", "a"]
        }
    }

    /// The paper code's `model_defaults` (log log linear: a = 1, b = 1, replaced by a line fit in
    /// ``initialGuesses(epochs:values:)``).
    public var defaultParameters: [Double] {
        switch self {
        case .vaporPressure: [-0.622028, -0.470050, 0.042322]
        case .pow3: [0.84, 0.52, 0.01]
        case .logLogLinear: [1, 1]
        case .hill3: [0.772320, 0.586449, 2.460843]
        case .logPower: [0.77, 2.98, -0.51]
        case .pow4: [0.8, 200, 0, 0.1]
        case .morganMercerFlodin: [0.7, 0.1, 0.01, 5]
        case .exp4: [0.7, 0.8, -0.8, 0.3]
        case .janoschek: [0.73, 0.07, 0.355, 0.46]
        case .weibull: [0.7, 0.1, 0.01, 1]
        case .ilog2: [0.78, 0.43]
        }
    }

    /// The box each parameter is kept in during a fit (NASKit's choice; see the type's comment).
    public var bounds: [ClosedRange<Double>] {
        switch self {
        case .vaporPressure: [-10...10, -10...10, -5...5]
        case .pow3: [0...1, -10...10, 0...10]
        case .logLogLinear: [-100...100, -100...100]
        case .hill3: [0...1, 0...20, 1e-6...1000]
        case .logPower: [0...1, -10...20, -20...20]
        case .pow4: [0...1, 1e-6...10_000, -10_000...10_000, 0...10]
        case .morganMercerFlodin: [0...1, -1...1, 1e-6...100, 0...20]
        case .exp4: [0...1, 0...100, -20...20, 0...5]
        case .janoschek: [0...1, -1...1, 0...100, 0...10]
        case .weibull: [0...1, -1...1, 1e-6...100, 0...10]
        case .ilog2: [0...1, -10...10]
        }
    }
}
