import TabularBenchmarks

/// Small tables with known values for the tests: rows are the given DigitSpace texts; metric values encode
/// their row, dataset and epoch so that a wrong read shows which.
enum SyntheticTable {
    static let metadata = TabularMetadata(
        space: "digits3", description: "A synthetic table for tests.", source: "tests", sourceFile: "none",
        sourceSHA256: String(repeating: "0", count: 64), importCommand: "swift test")

    /// Rows "0-0-0", "0-0-1", ... (the first `rowCount` architectures in index order, reversed so that rows and
    /// indices differ); datasets "alpha" and "beta"; "accuracy" at epochs 12 and 200 (value row + epoch/1000,
    /// NaN for row 3 at epoch 12), "latency" final (value 10 × row, in alpha only), "loss" at epoch 4 in beta.
    static func make(rowCount: Int = 6, name: String = "synthetic.h5", metadata: TabularMetadata = metadata,
                     extraMetrics: [TabularMetricValues] = []) throws -> TabularBenchmark {
        let space = DigitSpace()
        let architectures = (0..<rowCount).reversed().map { space.format(space.architecture(at: $0)) }
        var metrics: [TabularMetricValues] = []
        for (datasetNumber, dataset) in ["alpha", "beta"].enumerated() {
            var accuracy: [Double] = []
            for row in 0..<rowCount {
                for epoch in [12, 200] {
                    accuracy.append(row == 3 && epoch == 12 ? .nan : accuracyValue(row: row, epoch: epoch, dataset: datasetNumber))
                }
            }
            metrics.append(TabularMetricValues(
                metric: TabularMetric(
                    name: "accuracy", dataset: dataset, unit: "%", description: "Test accuracy.", source: "acc_12,acc_200",
                    epochs: [12, 200], epochMeaning: .budget, direction: .maximize),
                values: accuracy))
        }
        metrics.append(TabularMetricValues(
            metric: TabularMetric(name: "latency", dataset: "alpha", unit: "ms", description: "Latency.", source: "lat",
                                  direction: .minimize),
            values: (0..<rowCount).map { 10 * Double($0) }))
        metrics.append(TabularMetricValues(
            metric: TabularMetric(name: "loss", dataset: "beta", unit: "nats", description: "Loss.", source: "loss",
                                  epochs: [4], epochMeaning: .curve),
            values: (0..<rowCount).map { 0.5 * Double($0) }))
        return try TabularBenchmark(
            name: name, metadata: metadata, architectures: architectures, sourceIndices: Array(100..<(100 + rowCount)),
            datasetDescriptions: ["alpha": "The first dataset.", "beta": "The second dataset."],
            metrics: metrics + extraMetrics)
    }

    static func accuracyValue(row: Int, epoch: Int, dataset: Int) -> Double {
        Double(row) + Double(epoch) / 1000 + Double(dataset) / 10
    }
}
