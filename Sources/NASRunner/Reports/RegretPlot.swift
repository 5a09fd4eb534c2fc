/// A figure of one search space and dataset: regret (log scale) against queries or simulated cost, one line per
/// optimizer (the mean over seeds) with a shaded band of ± one standard error, as NAS papers draw them.
///
/// The SVG is written by hand (no dependencies) with fixed number formatting, so the same runs and options give
/// the same bytes. Regret can be 0 (the optimum found), which a logarithmic axis cannot show: means and band edges
/// below the floor (``RegretFloor``) are drawn at it, on a dotted line, and the caption states the floor. Each
/// optimizer's line is a `<path class="line" data-optimizer="…">` and its band a `<path class="band" …>` (no band
/// for one seed: its standard error does not exist).
public struct RegretPlot: Sendable {
    /// The runs drawn.
    public let benchmark: BenchmarkRuns
    /// One curve per optimizer group, in the benchmark's order.
    public let curves: [AnytimeCurve]
    /// The experiment's optimizer order; an optimizer's colour is its place here.
    public let optimizers: [String]
    /// The options.
    public let options: RegretPlotOptions
    /// The regret floor used: the smallest regret drawn.
    public let floor: Double

    /// Computes the curves and the floor.
    ///
    /// - Parameters:
    ///   - benchmark: The runs of one (space, dataset).
    ///   - optimizers: The experiment's optimizer order (``ExperimentRuns/optimizers``), for the colours.
    ///   - options: Axis, x scale and regret floor.
    /// - Throws: ``ReportError`` for a fixed floor that is not positive, or runs that share no range of simulated
    ///   cost on the cost axis.
    public init(_ benchmark: BenchmarkRuns, optimizers: [String], options: RegretPlotOptions = RegretPlotOptions())
        throws
    {
        self.benchmark = benchmark
        self.optimizers = optimizers
        self.options = options
        curves = try benchmark.groups.map { try AnytimeCurve($0, axis: options.axis) }
        switch options.regretFloor {
        case .fixed(let value):
            guard value > 0, value.isFinite else {
                throw ReportError(
                    "the regret floor \(JSONValue.number(value)) is not positive; give a floor such as 0.001")
            }
            floor = value
        case .automatic:
            floor = Self.automaticFloor(curves)
        }
    }

    /// Half the smallest positive mean regret, rounded down to 1, 2 or 5 × 10ᵏ; 0.001 when none is positive.
    static func automaticFloor(_ curves: [AnytimeCurve]) -> Double {
        let positive = curves.flatMap(\.points).map(\.regret.mean).filter { $0 > 0 }
        guard let smallest = positive.min() else { return 0.001 }
        let half = smallest / 2
        let exponent = PowerOfTen.exponent(below: half)
        let candidates = [5, 2, 1].map { Double("\($0)e\(exponent)") ?? PowerOfTen.value(exponent) }
        return candidates.first { $0 <= half } ?? PowerOfTen.value(exponent)
    }

    /// The colour index of `optimizer`: its place in the experiment's order.
    func colourIndex(of optimizer: String, fallback: Int) -> Int {
        optimizers.firstIndex(of: optimizer) ?? fallback
    }

    /// The x domain: from 0 (linear) or the first budget (logarithmic) to the last budget of any curve.
    func xDomain() -> (lower: Double, upper: Double) {
        let budgets = curves.flatMap(\.points).map(\.budget)
        let first = budgets.min() ?? 1
        let last = budgets.max() ?? 1
        switch options.xScale {
        case .linear:
            return (0, last > 0 ? last : 1)
        case .logarithmic:
            let lower = first > 0 ? first : 1
            return (lower, last > lower ? last : lower * 10)
        }
    }

    /// The y domain: from the largest power of ten below the floor to the smallest one at or above every band's
    /// top (at least one decade).
    func yDomain() -> (lower: Double, upper: Double) {
        var bottom = PowerOfTen.exponent(below: floor)
        if PowerOfTen.isPower(floor) { bottom -= 1 }
        let tops = curves.flatMap(\.points).map { $0.regret.mean + ($0.regret.standardError ?? 0) }
        let highest = max(tops.max() ?? floor, floor)
        var top = PowerOfTen.exponent(below: highest)
        if !PowerOfTen.isPower(highest) { top += 1 }
        return (PowerOfTen.value(bottom), PowerOfTen.value(max(top, bottom + 1)))
    }
}
