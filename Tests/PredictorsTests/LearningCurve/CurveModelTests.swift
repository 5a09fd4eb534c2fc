import Foundation
import Predictors
import Seeding
import Testing

@Suite("CurveModel")
struct CurveModelTests {
    /// f(x; θ) at x = 1, 2, 10, 50, computed by hand (Python's math module) from the formulas of Domhan et al.
    /// 2015, Table 1, as written in their code; θ = the code's `model_defaults` (log log linear: pybnn's
    /// `logx_linear` defaults, as it has none).
    static let references: [(CurveModel, [Double], [Double])] = [
        (.vaporPressure, [-0.622028, -0.47005, 0.042322],
            [0.335518561236, 0.437045650907, 0.564630923689, 0.627592403424]),
        (.pow3, [0.84, 0.52, 0.01], [0.320000000000, 0.323591902373, 0.331836645103, 0.339949755926]),
        (.logLogLinear, [0.378106, 0.046506], [-3.068173942455, -1.175744635033, -0.086509060439, 0.422430623423]),
        (.hill3, [0.77232, 0.586449, 2.460843], [0.286499998851, 0.362709554924, 0.536541166300, 0.659539876762]),
        (.logPower, [0.77, 2.98, -0.51], [0.138208048680, 0.182894515246, 0.319148481820, 0.474816593927]),
        (.pow4, [0.8, 200, 0, 0.1], [0.211295981348, 0.250719728347, 0.332375776089, 0.401892829447]),
        (.morganMercerFlodin, [0.7, 0.1, 0.01, 5], [0.100000000060, 0.100000001920, 0.100005999940, 0.118181818182]),
        (.exp4, [0.7, 0.8, -0.8, 0.3], [0.498103482005, 0.532188764697, 0.608937559823, 0.666186935460]),
        (.janoschek, [0.73, 0.07, 0.355, 0.46], [0.267225527482, 0.324985653644, 0.492917388670, 0.652859928376]),
        (.weibull, [0.7, 0.1, 0.01, 1], [0.105970099750, 0.111880796016, 0.157097549178, 0.336081604172]),
        (.ilog2, [0.78, 0.43], [0.159641132418, 0.388597132550, 0.600676071688, 0.670636045398]),
    ]

    @Test("each of the 11 formulas matches hand-computed values at x = 1, 2, 10, 50 to 1e-11")
    func formulas() {
        #expect(Self.references.map(\.0) == CurveModel.allCases)
        for (model, parameters, expected) in Self.references {
            for (x, value) in zip([1.0, 2, 10, 50], expected) {
                #expect(abs(model.value(at: x, parameters) - value) < 1e-11, "\(model.rawValue) at \(x)")
            }
        }
    }

    /// Parameters inside each model's bounds that give a plausible accuracy curve over 30 epochs.
    static let truths: [CurveModel: [Double]] = [
        .vaporPressure: [-0.1, -1.5, 0.02], .pow3: [0.9, 0.6, 0.8], .logLogLinear: [1.0, 1.2],
        .hill3: [0.92, 1.3, 3.0], .logPower: [0.93, 1.0, -1.4], .pow4: [0.95, 0.5, 0.5, 0.9],
        .morganMercerFlodin: [0.9, 0.1, 0.3, 1.5], .exp4: [0.9, 0.5, -0.2, 0.8],
        .janoschek: [0.9, 0.1, 0.3, 0.9], .weibull: [0.9, 0.1, 0.2, 1.2], .ilog2: [0.95, 0.4],
    ]

    /// 30 noisy points (σ = 0.002, seed 5) of each model's own curve.
    @Test("a fit to a model's own noisy curve is at least as close as the truth and extrapolates to 60 within 0.02")
    func fitRecoversCurves() {
        var rng = Xoshiro256(seed: 5)
        let epochs = (1...30).map(Double.init)
        for model in CurveModel.allCases {
            let truth = Self.truths[model]!
            let values = epochs.map { model.value(at: $0, truth) + 0.002 * rng.normalDouble() }
            guard let fit = model.fit(epochs: epochs, values: values) else {
                Issue.record("\(model.rawValue): no fit")
                continue
            }
            // The true parameters are a feasible point: the fit must be at least as good (up to rounding).
            let truthResiduals = zip(epochs, values).map { model.value(at: $0, truth) - $1 }
            let truthSumOfSquares = truthResiduals.map { $0 * $0 }.reduce(0, +)
            #expect(
                fit.residualSumOfSquares <= truthSumOfSquares * (1 + 1e-6),
                "\(model.rawValue): RSS \(fit.residualSumOfSquares), at the truth \(truthSumOfSquares)")
            #expect(abs(fit.value(at: 60) - model.value(at: 60, truth)) < 0.02, "\(model.rawValue) at 60")
        }
    }

    /// pow3, ilog2, log log linear, vapor pressure and Weibull: the others trade parameters against each other
    /// over 30 epochs (pow4's a and b, Hill3's η and κ), so only their curves are checked above.
    @Test("the fit recovers identifiable models' parameters from their noisy curves within 5%")
    func fitRecoversParameters() {
        var rng = Xoshiro256(seed: 5)
        let epochs = (1...30).map(Double.init)
        for model in [CurveModel.pow3, .ilog2, .logLogLinear, .vaporPressure, .weibull] {
            let truth = Self.truths[model]!
            let values = epochs.map { model.value(at: $0, truth) + 0.001 * rng.normalDouble() }
            let fitted = model.fit(epochs: epochs, values: values)?.parameters ?? []
            #expect(fitted.count == truth.count)
            for (name, (found, expected)) in zip(model.parameterNames, zip(fitted, truth)) {
                #expect(
                    abs(found - expected) <= max(0.05 * abs(expected), 0.05 * 0.1),
                    "\(model.rawValue).\(name): \(found), expected \(expected)")
            }
        }
    }
}
