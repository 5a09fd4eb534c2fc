import Foundation
import NASCore

/// Learning-curve extrapolation: fits the 11 parametric curve models of Domhan, Springenberg & Hutter
/// ("Speeding up Automatic Hyperparameter Optimization of Deep Neural Networks by Extrapolation of Learning
/// Curves", IJCAI 2015) to the first epochs of a validation-accuracy curve and predicts the accuracy at a later
/// epoch, with an uncertainty, from a weighted combination of the fits.
///
/// Algorithm (`Docs/Predictors/LearningCurves.md`):
///
///     y_1..y_n = the first n validation accuracies, x = 1..n       checkedValues (n = epochs)
///     for each model m with p_m < n parameters:                    predict(curves:targetEpoch:)
///         θ_m = bounded Levenberg–Marquardt fit, best of its starts  CurveModel.fit(epochs:values:)
///         admissible when f_m(x) is finite and in 0...1 for x = 1..T
///         and f_m(T) ≥ f_m(1) (the paper's prior: curves that rise)
///         σ²_m = max(RSS_m / n, σ_min²)
///         BIC_m = n log σ²_m + p_m log n
///     w_m ∝ exp(−(BIC_m − min BIC) / 2)                            weights(of:)
///     mean = Σ w_m f_m(T)
///     variance = Σ w_m (f_m(T) − mean)² + Σ w_m RSS_m / (n − p_m)
///     no admissible model: the last value, standard deviation σ_min
///
/// What differs from the paper: the paper combines the models linearly, f_comb = Σ w_m f_m, and samples the
/// weights, every model's parameters and a noise level jointly by MCMC (emcee, 100 walkers, 2,500 steps after
/// burn-in, each model first fitted by least squares). NASKit averages the least-squares fits with weights from
/// the Bayesian information criterion, the standard large-sample approximation of the posterior probability
/// of each model under Gaussian noise (Schwarz 1978; Burnham & Anderson 2002, § 6.4): no sampler, deterministic,
/// a few milliseconds per curve, and its uncertainty is the spread between models plus each model's residual
/// variance. σ_min = 0.001 (a tenth of a point of accuracy) keeps a model that interpolates few points exactly
/// from taking all the weight. The paper's first requirement, models with fewer parameters than points, is
/// kept: from 3 epochs only log log linear and ilog2 are fitted.
///
/// Complexity: O(models · starts · iterations · n · p) per curve: at most 11 · 2 · 200 · n · 9 curve
/// evaluations.
public struct CurveExtrapolation: LearningCurvePredictor, Hashable, Codable {
    /// The epochs read from each curve (n).
    public var epochs: Int
    /// The models combined (all 11 by default).
    public var models: [CurveModel]
    /// σ_min, the smallest noise standard deviation assumed.
    public var minimumNoise: Double

    /// Creates the predictor for the first `epochs` epochs of each curve.
    ///
    /// - Precondition: `epochs ≥ 2` and `models` is not empty.
    public init(epochs: Int, models: [CurveModel] = CurveModel.allCases, minimumNoise: Double = 1e-3) {
        precondition(epochs >= 2, "CurveExtrapolation: epochs must be at least 2, got \(epochs)")
        precondition(!models.isEmpty, "CurveExtrapolation: give at least one model")
        self.epochs = epochs
        self.models = models
        self.minimumNoise = minimumNoise
    }

    public var name: String { "curve extrapolation" }

    public var requirements: PredictorRequirements {
        PredictorRequirements(minimumTrainingSize: 0, encoding: nil, learningCurveEpochs: epochs)
    }

    public var metrics: [LearningCurveMetric] { [.validationAccuracy] }

    /// The combined prediction of each curve's validation accuracy at `targetEpoch`.
    public func predict(curves: [LearningCurve], targetEpoch: Int) throws(SearchError) -> [Prediction] {
        try checkedValues(curves, targetEpoch: targetEpoch).map { values in
            prediction(values: values[0], targetEpoch: targetEpoch)
        }
    }

    /// The admissible fits to `values` (epochs 1, 2, ...) for a prediction at `targetEpoch`, in ``models`` order.
    public func admissibleFits(values: [Double], targetEpoch: Int) -> [CurveFit] {
        let x = values.indices.map { Double($0 + 1) }
        return models.compactMap { model -> CurveFit? in
            guard model.parameterCount < values.count, let fit = model.fit(epochs: x, values: values) else {
                return nil
            }
            let curve = (1...max(targetEpoch, 1)).map { fit.value(at: Double($0)) }
            guard curve.allSatisfy({ $0.isFinite && (0...1).contains($0) }), curve.last! >= curve[0] else {
                return nil
            }
            return fit
        }
    }

    /// The BIC weights of `fits` (summing to 1), in their order.
    public func weights(of fits: [CurveFit]) -> [Double] {
        let criteria = fits.map { fit in
            let n = Double(fit.pointCount)
            let variance = max(fit.residualSumOfSquares / n, minimumNoise * minimumNoise)
            return n * log(variance) + Double(fit.model.parameterCount) * log(n)
        }
        guard let best = criteria.min() else { return [] }
        let unnormalized = criteria.map { exp(-($0 - best) / 2) }
        let total = unnormalized.reduce(0, +)
        return unnormalized.map { $0 / total }
    }

    /// The combined prediction for one curve's values.
    func prediction(values: [Double], targetEpoch: Int) -> Prediction {
        let fits = admissibleFits(values: values, targetEpoch: targetEpoch)
        guard !fits.isEmpty else { return Prediction(mean: values[values.count - 1], standardDeviation: minimumNoise) }
        let weights = weights(of: fits)
        let target = Double(targetEpoch)
        let forecasts = fits.map { $0.value(at: target) }
        let mean = zip(weights, forecasts).reduce(0) { $0 + $1.0 * $1.1 }
        var variance = 0.0
        for (weight, (fit, forecast)) in zip(weights, zip(fits, forecasts)) {
            let residualVariance = max(
                fit.residualSumOfSquares / Double(fit.pointCount - fit.model.parameterCount),
                minimumNoise * minimumNoise)
            variance += weight * ((forecast - mean) * (forecast - mean) + residualVariance)
        }
        return Prediction(mean: mean, standardDeviation: variance.squareRoot())
    }
}
