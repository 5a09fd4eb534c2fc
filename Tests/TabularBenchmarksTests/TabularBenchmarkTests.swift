import TabularBenchmarks
import Testing

@Suite("TabularBenchmark in memory")
struct TabularBenchmarkTests {
    let table: TabularBenchmark

    init() throws {
        table = try SyntheticTable.make()
    }

    @Test("lists datasets and their metrics sorted, with fidelities")
    func listing() throws {
        #expect(table.rowCount == 6)
        #expect(table.datasets == ["alpha", "beta"])
        #expect(try table.metrics(in: "alpha").map(\.summary) == ["accuracy (%, epochs 12, 200)", "latency (ms, final)"])
        #expect(try table.metrics(in: "beta").map(\.name) == ["accuracy", "loss"])
        #expect(try table.metric("loss", dataset: "beta").epochMeaning == .curve)
        #expect(table.datasetDescriptions == ["alpha": "The first dataset.", "beta": "The second dataset."])
        #expect(table.sourceIndices == [100, 101, 102, 103, 104, 105])
    }

    @Test("reads every value at every epoch, final values, and missing values as NaN")
    func values() throws {
        for row in 0..<6 {
            for (number, dataset) in ["alpha", "beta"].enumerated() {
                for epoch in [12, 200] {
                    let value = try table.value(row: row, metric: "accuracy", dataset: dataset, epoch: epoch)
                    if row == 3 && epoch == 12 {
                        #expect(value.isNaN)
                    } else {
                        #expect(value == SyntheticTable.accuracyValue(row: row, epoch: epoch, dataset: number))
                    }
                }
            }
            #expect(try table.value(row: row, metric: "latency", dataset: "alpha") == 10 * Double(row))
            #expect(try table.value(row: row, metric: "loss", dataset: "beta", epoch: 4) == 0.5 * Double(row))
        }
    }

    @Test("without an epoch a per-epoch metric answers at its last stored epoch")
    func finalOfPerEpochMetric() throws {
        let column = try table.column(metric: "accuracy", dataset: "beta")
        #expect(column.epoch == 200)
        #expect(column.description == "beta/accuracy@200")
        #expect(table[column, 2] == SyntheticTable.accuracyValue(row: 2, epoch: 200, dataset: 1))
        #expect(try table.column(metric: "latency", dataset: "alpha").description == "alpha/latency")
    }

    @Test("finds rows by their architecture's text")
    func rowByText() throws {
        #expect(try table.row(ofArchitecture: "0-0-0") == 5)
        #expect(try table.row(ofArchitecture: "0-1-2") == 0)
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 has no row for the architecture '2-2-2' (it holds 6 architectures of space digits3 in "
                + "their text form)")) { try table.row(ofArchitecture: "2-2-2") }
    }

    @Test("an unknown dataset lists the datasets")
    func unknownDataset() {
        #expect(throws: TabularBenchmarkError("synthetic.h5 has no dataset 'gamma' (datasets: alpha, beta)")) {
            try table.value(row: 0, metric: "accuracy", dataset: "gamma")
        }
    }

    @Test("an unknown metric lists the dataset's metrics with their epochs")
    func unknownMetric() {
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 has no metric 'latency' for beta (metrics: accuracy (%, epochs 12, 200), loss (nats, epochs 4))")) {
            try table.value(row: 0, metric: "latency", dataset: "beta")
        }
    }

    @Test("an epoch the metric does not store lists the stored epochs")
    func unknownEpoch() {
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5: alpha/accuracy is stored at epochs 12, 200; there is no epoch 100")) {
            try table.column(metric: "accuracy", dataset: "alpha", epoch: 100)
        }
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5: alpha/latency holds one final value per architecture, not per epoch; ask without an "
                + "epoch (asked for epoch 200)")) {
            try table.column(metric: "latency", dataset: "alpha", epoch: 200)
        }
    }

    @Test("a row outside the table is refused")
    func rowOutside() {
        #expect(throws: TabularBenchmarkError("synthetic.h5: row 6 is outside the table's rows 0..<6")) {
            try table.value(row: 6, metric: "latency", dataset: "alpha")
        }
    }

    @Test("building refuses duplicate architectures, wrong value counts, bad names and epochs")
    func malformedInMemory() throws {
        let metric = TabularMetric(name: "m", dataset: "d", unit: "%", description: "", source: "")
        #expect(throws: TabularBenchmarkError(
            "t: rows 0 and 1 both hold the architecture '0-0-0'; each must appear once")) {
            try TabularBenchmark(name: "t", metadata: SyntheticTable.metadata, architectures: ["0-0-0", "0-0-0"],
                                 metrics: [TabularMetricValues(metric: metric, values: [1, 2])])
        }
        #expect(throws: TabularBenchmarkError("t: d/m has 1 values; 2 rows × 1 epoch(s) need 2")) {
            try TabularBenchmark(name: "t", metadata: SyntheticTable.metadata, architectures: ["a", "b"],
                                 metrics: [TabularMetricValues(metric: metric, values: [1])])
        }
        var slashed = metric
        slashed.name = "a/b"
        #expect(throws: TabularBenchmarkError.self) {
            try TabularBenchmark(name: "t", metadata: SyntheticTable.metadata, architectures: ["a"],
                                 metrics: [TabularMetricValues(metric: slashed, values: [1])])
        }
        var reserved = metric
        reserved.dataset = "architectures"
        #expect(throws: TabularBenchmarkError.self) {
            try TabularBenchmark(name: "t", metadata: SyntheticTable.metadata, architectures: ["a"],
                                 metrics: [TabularMetricValues(metric: reserved, values: [1])])
        }
        let descending = TabularMetric(name: "m", dataset: "d", unit: "%", description: "", source: "", epochs: [200, 12])
        #expect(throws: TabularBenchmarkError(
            "t: d/m has epochs [200, 12]; they must be positive and ascending")) {
            try TabularBenchmark(name: "t", metadata: SyntheticTable.metadata, architectures: ["a"],
                                 metrics: [TabularMetricValues(metric: descending, values: [1, 2])])
        }
        #expect(throws: TabularBenchmarkError("t: the metric m of d is given twice; give it once")) {
            try TabularBenchmark(name: "t", metadata: SyntheticTable.metadata, architectures: ["a"],
                                 metrics: [TabularMetricValues(metric: metric, values: [1]),
                                           TabularMetricValues(metric: metric, values: [2])])
        }
    }
}
