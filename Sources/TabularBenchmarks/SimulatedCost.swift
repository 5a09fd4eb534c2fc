/// The simulated cost of obtaining a tabular benchmark's value as if the architecture had been trained: what
/// optimizers are compared by at equal cost.
public struct SimulatedCost: Hashable, Codable, Sendable, CustomStringConvertible {
    /// How much.
    public var amount: Double
    /// In what.
    public var unit: CostUnit

    /// Creates a cost.
    public init(_ amount: Double, _ unit: CostUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// "1234.5 s", "200 epochs", "1 evaluation".
    public var description: String {
        switch unit {
        case .seconds: "\(amount) s"
        case .epochs: amount == 1 ? "1 epoch" : "\(amount.formatted) epochs"
        case .evaluations: amount == 1 ? "1 evaluation" : "\(amount.formatted) evaluations"
        }
    }
}

/// The unit of a ``SimulatedCost``.
public enum CostUnit: String, Hashable, Codable, Sendable, CaseIterable {
    /// Training time in seconds, from the table's `train_time` metric (as measured by the benchmark's authors on
    /// their hardware).
    case seconds
    /// Epochs trained: charged when the table records no training time (the NAS-Bench-201 CSV), so that
    /// optimizers are compared at an equal number of training epochs.
    case epochs
    /// Architectures evaluated: charged when the table records neither time nor epochs (final values only).
    case evaluations
}

extension Double {
    /// Whole numbers without a fraction ("200"), others as Swift prints them.
    fileprivate var formatted: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : "\(self)"
    }
}

extension TabularBenchmark {
    /// The simulated cost of training the architecture of `row` on `dataset` to `epoch`.
    ///
    /// - With a `train_time` metric in `dataset` (``TabularSchema/trainingTimeMetric``): its value at `epoch`
    ///   (or its final value), in seconds.
    /// - Otherwise `epoch` epochs, where `epoch` must be stored by some metric of the dataset; `nil` means the
    ///   dataset's last stored epoch (NAS-Bench-201: 200).
    /// - Otherwise, when the dataset has no per-epoch metric and `epoch` is `nil`: one evaluation.
    ///
    /// - Throws: ``TabularBenchmarkError`` for an unknown dataset, an epoch no metric stores, a row outside the
    ///   table, or a missing (NaN) training time.
    public func trainingCost(row: Int, dataset: String, epoch: Int?) throws(TabularBenchmarkError) -> SimulatedCost {
        try requireRow(row)
        let metrics = try metrics(in: dataset)
        if metrics.contains(where: { $0.name == TabularSchema.trainingTimeMetric }) {
            let column = try column(metric: TabularSchema.trainingTimeMetric, dataset: dataset, epoch: epoch)
            let seconds = self[column, row]
            guard seconds.isFinite else {
                throw TabularBenchmarkError(
                    "\(name) has no training time for row \(row) on \(dataset) (\(column) is missing), so its cost "
                        + "cannot be charged")
            }
            return SimulatedCost(seconds, .seconds)
        }
        let stored = Set(metrics.flatMap { $0.epochs ?? [] }).sorted()
        switch epoch {
        case nil:
            guard let last = stored.last else { return SimulatedCost(1, .evaluations) }
            return SimulatedCost(Double(last), .epochs)
        case .some(let epoch):
            guard stored.contains(epoch) else {
                let listing = stored.isEmpty ? "none (final values only)" : stored.map(String.init).joined(separator: ", ")
                throw TabularBenchmarkError(
                    "\(name) stores no metric of \(dataset) at epoch \(epoch) (stored epochs: \(listing))")
            }
            return SimulatedCost(Double(epoch), .epochs)
        }
    }
}
