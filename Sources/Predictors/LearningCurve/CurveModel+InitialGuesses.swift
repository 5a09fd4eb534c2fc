import Foundation

extension CurveModel {
    /// Starting points of a fit to `values` observed at `epochs`: the paper code's defaults, and a start read
    /// from the data (NASKit's): models linear in their parameters after a transform (vapor pressure in log y,
    /// log log linear in exp y, ilog2 in 1 / log(x + 1)) start at that transform's least-squares solution; the
    /// others start with their asymptote just above the last value and pass through the first point. Every start
    /// is clamped into ``bounds``; starts where the curve is not finite are dropped.
    ///
    /// - Precondition: `epochs` and `values` are equally long and not empty.
    func initialGuesses(epochs: [Double], values: [Double]) -> [[Double]] {
        precondition(!values.isEmpty && epochs.count == values.count, "initialGuesses: one value per epoch")
        let first = values[0]
        let top = min(1, values[values.count - 1] + 0.01)
        let rise = max(top - first, 1e-3)
        var guesses = [defaultParameters]
        switch self {
        case .vaporPressure:
            if values.allSatisfy({ $0 > 0 }), let solution = SmallLinearSystem.leastSquares(
                features: epochs.map { [1, 1 / $0, log($0)] }, targets: values.map { log($0) })
            {
                guesses.append(solution)
            }
        case .logLogLinear:
            if let solution = SmallLinearSystem.leastSquares(
                features: epochs.map { [log($0), 1] }, targets: values.map { exp($0) })
            {
                guesses.append(solution)
            }
        case .ilog2:
            if let solution = SmallLinearSystem.leastSquares(
                features: epochs.map { [1, -1 / log($0 + 1)] }, targets: values)
            {
                guesses.append(solution)
            }
        case .pow3: guesses.append([top, rise, 0.5])
        case .hill3: guesses.append([top, 1, 1])
        case .logPower: guesses.append([top, 0, -1])
        case .pow4: guesses.append([top, 1 / rise, 0, 1])
        case .morganMercerFlodin: guesses.append([top, top - 2 * rise, 1, 1])
        case .exp4: guesses.append([top, 1, log(rise) + 1, 1])
        case .janoschek, .weibull: guesses.append([top, top - rise * exp(1), 1, 1])
        }
        return guesses.map(clamped).filter { guess in
            epochs.allSatisfy { value(at: $0, guess).isFinite }
        }
    }

    /// `parameters` moved into ``bounds``.
    func clamped(_ parameters: [Double]) -> [Double] {
        zip(parameters, bounds).map { min(max($0, $1.lowerBound), $1.upperBound) }
    }
}
