import Foundation

/// A least-squares fit of one curve model to observed points.
public struct CurveFit: Hashable, Codable, Sendable {
    /// The model fitted.
    public var model: CurveModel
    /// The fitted parameters, in ``CurveModel/parameterNames`` order.
    public var parameters: [Double]
    /// Σᵢ (f(xᵢ; θ) − yᵢ)² at the fitted parameters.
    public var residualSumOfSquares: Double
    /// The number of points fitted.
    public var pointCount: Int

    /// Creates a fit (the fitting code and tests build them).
    public init(model: CurveModel, parameters: [Double], residualSumOfSquares: Double, pointCount: Int) {
        self.model = model
        self.parameters = parameters
        self.residualSumOfSquares = residualSumOfSquares
        self.pointCount = pointCount
    }

    /// The fitted curve at epoch `x`.
    public func value(at x: Double) -> Double { model.value(at: x, parameters) }
}

/// Bounded Levenberg–Marquardt least squares (Levenberg 1944; Marquardt 1963; Nocedal & Wright, "Numerical
/// Optimization", § 10.3), NASKit's own, for the ≤ 4 parameters of a ``CurveModel``.
///
///     r(θ) = f(x; θ) − y, cost C(θ) = Σ r²
///     J = ∂r/∂θ by central differences, step hⱼ = 1e-6 · max(1, |θⱼ|)
///         (one-sided where a bound or an undefined value forbids a side)
///     solve (JᵀJ + λ diag(JᵀJ)) δ = −Jᵀr (Marquardt's scaling; diagonal floored at 1e-12)
///     θ' = θ + δ clamped into the bounds (a projected step)
///     C(θ') < C(θ): accept, λ ← max(λ / 10, 1e-12); else λ ← 10 λ
///     stop after 200 iterations, when λ > 1e12, or when an accepted step lowers C by ≤ 1e-12 · C + 1e-20
///
/// λ starts at 1e-3. Numerical derivatives keep the 11 models' code to their formulas; with ≤ 4 parameters and
/// ≤ a few hundred points a Jacobian costs ≤ 9 curve evaluations per point.
enum LevenbergMarquardt {
    /// Fits `model` to (`epochs`, `values`) from `start`; `nil` when the start's cost is not finite.
    static func fit(
        _ model: CurveModel, epochs: [Double], values: [Double], from start: [Double],
        maximumIterations: Int = 200
    ) -> CurveFit? {
        let parameterCount = model.parameterCount
        let bounds = model.bounds
        func cost(_ parameters: [Double]) -> Double {
            var sum = 0.0
            for (x, y) in zip(epochs, values) {
                let residual = model.value(at: x, parameters) - y
                sum += residual * residual
            }
            return sum.isFinite ? sum : .infinity
        }
        var parameters = model.clamped(start)
        var currentCost = cost(parameters)
        guard currentCost.isFinite else { return nil }
        var damping = 1e-3
        for _ in 0..<maximumIterations {
            guard let jacobian = jacobian(model, epochs: epochs, at: parameters) else { break }
            var normal = [Double](repeating: 0, count: parameterCount * parameterCount)
            var gradient = [Double](repeating: 0, count: parameterCount)
            for (point, (x, y)) in zip(epochs, values).enumerated() {
                let residual = model.value(at: x, parameters) - y
                let row = jacobian[point]
                for j in 0..<parameterCount {
                    gradient[j] += row[j] * residual
                    for k in 0..<parameterCount { normal[j * parameterCount + k] += row[j] * row[k] }
                }
            }
            var converged = false
            while damping <= 1e12 {
                var damped = normal
                for j in 0..<parameterCount {
                    damped[j * parameterCount + j] += damping * max(normal[j * parameterCount + j], 1e-12)
                }
                if let step = SmallLinearSystem.solve(damped, gradient.map { -$0 }) {
                    let candidate = zip(zip(parameters, step), bounds).map { pair, bound in
                        min(max(pair.0 + pair.1, bound.lowerBound), bound.upperBound)
                    }
                    let candidateCost = cost(candidate)
                    if candidateCost < currentCost {
                        converged = currentCost - candidateCost <= 1e-12 * currentCost + 1e-20
                        parameters = candidate
                        currentCost = candidateCost
                        damping = max(damping / 10, 1e-12)
                        break
                    }
                }
                damping *= 10
            }
            if converged || damping > 1e12 { break }
        }
        return CurveFit(
            model: model, parameters: parameters, residualSumOfSquares: currentCost, pointCount: values.count)
    }

    /// ∂f(xᵢ; θ)/∂θⱼ by central differences (one-sided at a bound or where one side is undefined); `nil` when
    /// neither side is defined.
    static func jacobian(_ model: CurveModel, epochs: [Double], at parameters: [Double]) -> [[Double]]? {
        let bounds = model.bounds
        var rows = [[Double]](repeating: [Double](repeating: 0, count: parameters.count), count: epochs.count)
        for j in parameters.indices {
            let step = 1e-6 * max(1, abs(parameters[j]))
            var upper = parameters
            upper[j] = min(parameters[j] + step, bounds[j].upperBound)
            var lower = parameters
            lower[j] = max(parameters[j] - step, bounds[j].lowerBound)
            for (point, x) in epochs.enumerated() {
                let center = model.value(at: x, parameters)
                let above = model.value(at: x, upper)
                let below = model.value(at: x, lower)
                let derivative: Double
                if above.isFinite && below.isFinite && upper[j] > lower[j] {
                    derivative = (above - below) / (upper[j] - lower[j])
                } else if above.isFinite && upper[j] > parameters[j] {
                    derivative = (above - center) / (upper[j] - parameters[j])
                } else if below.isFinite && lower[j] < parameters[j] {
                    derivative = (center - below) / (parameters[j] - lower[j])
                } else {
                    return nil
                }
                guard derivative.isFinite else { return nil }
                rows[point][j] = derivative
            }
        }
        return rows
    }
}

extension CurveModel {
    /// The best least-squares fit to `values` at `epochs` over ``initialGuesses(epochs:values:)``, or `nil`
    /// when no start gives a finite curve.
    public func fit(epochs: [Double], values: [Double]) -> CurveFit? {
        var best: CurveFit?
        for start in initialGuesses(epochs: epochs, values: values) {
            guard let fit = LevenbergMarquardt.fit(self, epochs: epochs, values: values, from: start) else { continue }
            if best.map({ fit.residualSumOfSquares < $0.residualSumOfSquares }) ?? true { best = fit }
        }
        return best
    }
}
