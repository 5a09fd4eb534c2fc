import Foundation
import Seeding

/// NGBoost's boosting loop on a feature matrix (Duan et al. 2020, Algorithm 1), shared by ``NGBoostPredictor``
/// (features: an encoding) and ``OmniPredictor`` (an encoding with zero-cost and learning-curve columns).
enum NGBoostFitting {
    /// Boosts a normal distribution for `targets` (one per row of `encoded`, checked by the caller) with the
    /// trees and step sizes of `configuration` (already validated).
    ///
    /// Draws one 64-bit seed from `rng`; iteration m's minibatch and feature draws come from
    /// `StableHash.derive(seed:, "ngboost iteration m")`.
    static func fit(
        _ encoded: EncodedArchitectures, targets: [Double], configuration: NGBoostConfiguration,
        using rng: inout some RandomNumberGenerator
    ) -> NGBoostModel {
        let standardization = TargetStandardization(targets)
        let y = standardization.standardized(targets)
        let n = encoded.rowCount
        // The marginal maximum-likelihood normal: mean 0; sd 1 (or, for equal targets, a small floor).
        let initialMean = y.reduce(0, +) / Double(n)
        let spread = (y.reduce(0) { $0 + ($1 - initialMean) * ($1 - initialMean) } / Double(n)).squareRoot()
        let initialLogScale = log(max(spread, 1e-3))
        var means = [Double](repeating: initialMean, count: n)
        var logScales = [Double](repeating: initialLogScale, count: n)
        let batchSize = max(2, Int((configuration.minibatchFraction * Double(n)).rounded(.down)))
        let featuresPerSplit = max(1, Int((configuration.featureFraction * Double(encoded.columnCount)).rounded(.down)))
        let seed = rng.next()
        var stages: [NGBoostModel.Stage] = []
        var rows = Array(0..<n)
        for iteration in 0..<configuration.iterations {
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "ngboost iteration \(iteration)"))
            rows = Array(0..<n)
            if batchSize < n {
                rows.seededShuffle(using: &generator)
                rows = Array(rows.prefix(batchSize)).sorted()
            }
            var meanGradients = [Double](repeating: 0, count: n)
            var logScaleGradients = [Double](repeating: 0, count: n)
            for row in rows {
                let gradient = NormalScore.naturalGradient(target: y[row], mean: means[row], logScale: logScales[row])
                (meanGradients[row], logScaleGradients[row]) = (gradient.mean, gradient.logScale)
            }
            func tree(_ gradients: [Double]) -> RegressionTree {
                RegressionTreeBuilder(
                    features: encoded.values, columns: encoded.columnCount, targets: gradients,
                    featuresPerSplit: featuresPerSplit, minimumSamplesSplit: configuration.minimumSamplesSplit,
                    minimumSamplesLeaf: configuration.minimumSamplesLeaf, maximumDepth: configuration.maximumDepth
                ).grow(samples: rows, using: &generator)
            }
            let meanTree = tree(meanGradients)
            let logScaleTree = tree(logScaleGradients)
            let (meanSteps, logScaleSteps) = encoded.values.withUnsafeBufferPointer { values in
                (
                    (0..<n).map { meanTree.predict(values, offset: $0 * encoded.columnCount) },
                    (0..<n).map { logScaleTree.predict(values, offset: $0 * encoded.columnCount) }
                )
            }
            let scaling = lineSearch(
                targets: y, means: means, logScales: logScales, meanSteps: meanSteps, logScaleSteps: logScaleSteps,
                rows: rows)
            for row in 0..<n {
                means[row] -= configuration.learningRate * scaling * meanSteps[row]
                logScales[row] -= configuration.learningRate * scaling * logScaleSteps[row]
            }
            stages.append(NGBoostModel.Stage(meanTree: meanTree, logScaleTree: logScaleTree, scaling: scaling))
        }
        return NGBoostModel(
            encoding: configuration.encoding, encodingLength: encoded.columnCount, initialMean: initialMean,
            initialLogScale: initialLogScale, learningRate: configuration.learningRate, stages: stages,
            standardization: standardization)
    }

    /// NGBoost's line search (`ngboost.NGBoost.line_search`) on the minibatch `rows`: from ρ = 1, double while
    /// the loss at θ − ρ·step stays finite and not above the loss at θ (at most to 256), then halve until it is
    /// finite and below it (or the mean step norm is under 1e-4) with a mean step norm under 5.
    static func lineSearch(
        targets: [Double], means: [Double], logScales: [Double], meanSteps: [Double], logScaleSteps: [Double],
        rows: [Int]
    ) -> Double {
        let initial = NormalScore.negativeLogLikelihood(
            targets: targets, means: means, logScales: logScales, rows: rows)
        func evaluate(_ scale: Double) -> (loss: Double, norm: Double) {
            var (loss, norm) = (0.0, 0.0)
            for row in rows {
                let (meanStep, logScaleStep) = (scale * meanSteps[row], scale * logScaleSteps[row])
                let logScale = logScales[row] - logScaleStep
                let residual = (targets[row] - means[row] + meanStep) * exp(-logScale)
                loss += logScale + 0.5 * residual * residual
                norm += (meanStep * meanStep + logScaleStep * logScaleStep).squareRoot()
            }
            return (loss, norm / Double(rows.count))
        }
        var scale = 1.0
        while scale <= 256 {
            let loss = evaluate(scale).loss
            guard loss.isFinite, loss <= initial else { break }
            scale *= 2
        }
        while true {
            let (loss, norm) = evaluate(scale)
            if loss.isFinite, loss < initial || norm < 1e-4, norm < 5 { break }
            scale /= 2
            if scale < 1e-12 { return 0 }
        }
        return scale
    }
}
