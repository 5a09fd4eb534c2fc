/// A metric and its values for every row, the unit from which a ``TabularBenchmark`` is built in memory.
public struct TabularMetricValues: Sendable {
    /// What the values measure.
    public var metric: TabularMetric
    /// The values in row-major order, `(rows, epochs)`: row `r`'s value at the `e`-th stored epoch is
    /// `values[r * epochs.count + e]`; one value per row for a final metric. NaN marks a missing value.
    public var values: [Double]

    /// Pairs a metric with its values.
    public init(metric: TabularMetric, values: [Double]) {
        self.metric = metric
        self.values = values
    }
}
