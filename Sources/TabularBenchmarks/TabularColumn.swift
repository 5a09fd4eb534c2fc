/// A metric of a dataset at one epoch, resolved once by ``TabularBenchmark/column(metric:dataset:epoch:)`` so that
/// queries are a single array read: `table[column, row]`.
///
/// A column belongs to the table that resolved it; using it with another table is a programmer error.
public struct TabularColumn: Hashable, Sendable, CustomStringConvertible {
    /// The metric's name.
    public let metric: String
    /// The dataset's name.
    public let dataset: String
    /// The stored epoch read, or `nil` for a metric with one final value.
    public let epoch: Int?
    /// Where the column's first value sits in the table's storage.
    @usableFromInline let offset: Int

    /// "cifar10/test_accuracy@200" or "cifar100/latency_pi5_litert".
    public var description: String {
        "\(dataset)/\(metric)" + (epoch.map { "@\($0)" } ?? "")
    }
}
