/// The mean of a sample and its standard error: how the report states a quantity over seeds.
///
/// The standard deviation is the sample one (divided by n − 1); the standard error of the mean is that over √n.
/// With one value neither is defined, and both are `nil` (shown as "n/a"), never 0 or NaN.
public struct SampleStatistics: Hashable, Sendable {
    /// The number of values (seeds).
    public let count: Int
    /// Their arithmetic mean, summed in the given order.
    public let mean: Double
    /// The sample standard deviation, √(Σ(x − mean)² / (n − 1)), or `nil` for one value.
    public let standardDeviation: Double?
    /// The standard error of the mean, standardDeviation / √n, or `nil` for one value.
    public let standardError: Double?

    /// Summarizes `values` (two passes: the mean, then squared deviations from it).
    ///
    /// - Precondition: `values` is not empty.
    /// - Complexity: O(n).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "SampleStatistics: no values")
        count = values.count
        var sum = 0.0
        for value in values { sum += value }
        mean = sum / Double(count)
        if count > 1 {
            var squares = 0.0
            for value in values { squares += (value - mean) * (value - mean) }
            let deviation = (squares / Double(count - 1)).squareRoot()
            standardDeviation = deviation
            standardError = deviation / Double(count).squareRoot()
        } else {
            standardDeviation = nil
            standardError = nil
        }
    }
}
