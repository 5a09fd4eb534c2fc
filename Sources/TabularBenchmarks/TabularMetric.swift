/// One metric of one dataset in a tabular benchmark: its name, what it measures, and at which epochs it is stored.
public struct TabularMetric: Hashable, Codable, Sendable {
    /// The metric's name (`"test_accuracy"`).
    public var name: String
    /// The dataset it was measured on (`"cifar10"`).
    public var dataset: String
    /// The unit of its values (`"%"`, `"ms"`, `"s"`).
    public var unit: String
    /// One sentence on what it measures.
    public var description: String
    /// The column or field of the source it was read from (`"c10_test_200"`, or `"c10_test_12,c10_test_200"`
    /// when each epoch comes from its own column).
    public var source: String
    /// The epochs at which values are stored, ascending; `nil` for a metric with one final value per
    /// architecture.
    public var epochs: [Int]?
    /// What the epochs mean; `nil` exactly when ``epochs`` is.
    public var epochMeaning: EpochMeaning?
    /// Whether larger or smaller values are better; `nil` when neither (a count, a time that is not a goal).
    public var direction: Direction?

    /// What the epoch axis of a metric means.
    public enum EpochMeaning: String, Hashable, Codable, Sendable {
        /// Each epoch is a separate training run whose schedule lasts that many epochs (NAS-Bench-201's
        /// `hp="12"` and `hp="200"`): the 12-epoch value is not a point on the 200-epoch run's curve.
        case budget
        /// The epochs are points on one training run's learning curve.
        case curve
    }

    /// Which values of a metric are better.
    public enum Direction: String, Hashable, Codable, Sendable {
        /// Larger is better (accuracy).
        case maximize
        /// Smaller is better (loss, latency, error).
        case minimize
    }

    /// Describes a metric.
    ///
    /// - Parameters:
    ///   - name: The metric's name: printable ASCII without `/` or `,`.
    ///   - dataset: The dataset's name, with the same rules.
    ///   - unit: The unit of the values.
    ///   - description: What it measures.
    ///   - source: Where in the source it comes from.
    ///   - epochs: The stored epochs, ascending, or `nil` for a final value only.
    ///   - epochMeaning: What the epochs mean (ignored when `epochs` is `nil`; defaults to ``EpochMeaning/budget``).
    ///   - direction: Which values are better, if any.
    public init(
        name: String, dataset: String, unit: String, description: String, source: String, epochs: [Int]? = nil,
        epochMeaning: EpochMeaning = .budget, direction: Direction? = nil
    ) {
        self.name = name
        self.dataset = dataset
        self.unit = unit
        self.description = description
        self.source = source
        self.epochs = epochs
        self.epochMeaning = epochs == nil ? nil : epochMeaning
        self.direction = direction
    }

    /// The number of values stored per architecture: the number of epochs, or 1 for a final value.
    public var valuesPerArchitecture: Int { epochs?.count ?? 1 }

    /// "test_accuracy (%, epochs 12, 200)" or "latency_pi5_litert (ms, final)", for listings and messages.
    public var summary: String {
        let fidelity = epochs.map { "epochs " + $0.map(String.init).joined(separator: ", ") } ?? "final"
        return "\(name) (\(unit), \(fidelity))"
    }
}
