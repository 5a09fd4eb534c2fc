/// How a regret plot is drawn.
public struct RegretPlotOptions: Hashable, Sendable {
    /// The x axis: queries (default) or simulated cost.
    public var axis: BudgetAxis
    /// The x axis's scale (default linear). The y axis is always logarithmic.
    public var xScale: AxisScale
    /// Where regret (which can be 0) is clamped on the logarithmic y axis.
    public var regretFloor: RegretFloor

    /// Creates options; the defaults draw regret against queries on a linear x axis with an automatic floor.
    public init(axis: BudgetAxis = .queries, xScale: AxisScale = .linear, regretFloor: RegretFloor = .automatic) {
        self.axis = axis
        self.xScale = xScale
        self.regretFloor = regretFloor
    }
}

/// A plot axis's scale.
public enum AxisScale: String, Hashable, Codable, Sendable, CaseIterable {
    /// Evenly spaced values; the axis starts at 0.
    case linear
    /// Evenly spaced powers of ten; the axis spans the data.
    case logarithmic
}

/// The smallest regret a logarithmic axis shows: a mean or band edge below it (0 when every seed found the
/// optimum) is drawn at it, on a dotted line, and the caption says so.
public enum RegretFloor: Hashable, Sendable {
    /// Half the smallest positive mean regret plotted, rounded down to 1, 2 or 5 × 10ᵏ (0.001 when no mean is
    /// positive).
    case automatic
    /// This value (positive).
    case fixed(Double)
}
