import TabularBenchmarks
import Testing

@Suite("Simulated training cost")
struct CostTrackerTests {
    @Test("a table without training times charges the epochs queried, the last stored epoch by default")
    func epochs() throws {
        let table = try SyntheticTable.make()
        #expect(try table.trainingCost(row: 0, dataset: "alpha", epoch: 12) == SimulatedCost(12, .epochs))
        #expect(try table.trainingCost(row: 0, dataset: "alpha", epoch: nil) == SimulatedCost(200, .epochs))
        #expect(try table.trainingCost(row: 0, dataset: "beta", epoch: 4) == SimulatedCost(4, .epochs))
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 stores no metric of alpha at epoch 4 (stored epochs: 12, 200)")) {
            try table.trainingCost(row: 0, dataset: "alpha", epoch: 4)
        }
    }

    @Test("a table with train_time charges its seconds at the epoch queried")
    func seconds() throws {
        let time = TabularMetricValues(
            metric: TabularMetric(name: "train_time", dataset: "alpha", unit: "s", description: "Training time.",
                                  source: "time", epochs: [12, 200]),
            values: (0..<6).flatMap { row in [Double(row) + 1, 20 * (Double(row) + 1)] })
        let table = try SyntheticTable.make(extraMetrics: [time])
        #expect(try table.trainingCost(row: 2, dataset: "alpha", epoch: 12) == SimulatedCost(3, .seconds))
        #expect(try table.trainingCost(row: 2, dataset: "alpha", epoch: nil) == SimulatedCost(60, .seconds))
        #expect(try table.trainingCost(row: 2, dataset: "beta", epoch: 200) == SimulatedCost(200, .epochs))
        var tracker = CostTracker(budget: SimulatedCost(100, .seconds))
        _ = try tracker.charge(row: 2, dataset: "alpha", epoch: 200, in: table)
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 prices queries of beta in epochs, but this tracker counts seconds; use one tracker per "
                + "unit (tables with a train_time metric charge seconds, others epochs)")) {
            try tracker.charge(row: 2, dataset: "beta", epoch: 200, in: table)
        }
    }

    @Test("a table of final values only charges evaluations")
    func evaluations() throws {
        let metric = TabularMetric(name: "accuracy", dataset: "d", unit: "%", description: "", source: "")
        let table = try TabularBenchmark(
            metadata: SyntheticTable.metadata, architectures: ["a", "b"],
            metrics: [TabularMetricValues(metric: metric, values: [1, 2])])
        #expect(try table.trainingCost(row: 1, dataset: "d", epoch: nil) == SimulatedCost(1, .evaluations))
    }

    @Test("the tracker sums charges, repeats are free unless asked, and the budget is reached")
    func tracker() throws {
        let table = try SyntheticTable.make()
        var tracker = CostTracker(budget: SimulatedCost(424, .epochs))
        #expect(try tracker.charge(row: 0, dataset: "alpha", epoch: 200, in: table) == SimulatedCost(200, .epochs))
        #expect(try tracker.charge(row: 0, dataset: "alpha", epoch: 200, in: table) == SimulatedCost(0, .epochs))
        #expect(try tracker.charge(row: 0, dataset: "alpha", epoch: 12, in: table) == SimulatedCost(12, .epochs))
        #expect(try tracker.charge(row: 1, dataset: "alpha", epoch: nil, in: table) == SimulatedCost(200, .epochs))
        #expect(tracker.spent == 412 && tracker.remaining == 12 && !tracker.isExhausted)
        #expect(tracker.chargedQueries == 3 && tracker.repeatedQueries == 1)
        _ = try tracker.charge(row: 2, dataset: "beta", epoch: 12, in: table)
        #expect(tracker.isExhausted && tracker.remaining == 0)
        #expect(tracker.total == SimulatedCost(424, .epochs))
        #expect("\(tracker.total)" == "424 epochs")

        var everyQuery = CostTracker(chargesRepeatedQueries: true)
        for _ in 0..<3 { _ = try everyQuery.charge(row: 0, dataset: "alpha", epoch: 12, in: table) }
        #expect(everyQuery.spent == 36 && everyQuery.unit == .epochs && !everyQuery.isExhausted)
    }

    @Test("a query through the index charges the tracker")
    func indexCharges() throws {
        let index = try TableIndex(table: try SyntheticTable.make(), space: DigitSpace())
        var tracker = CostTracker()
        _ = try index.query([0, 0, 0], metric: "accuracy", dataset: "alpha", epoch: 12, charging: &tracker)
        _ = try index.query([0, 0, 1], metric: "latency", dataset: "alpha", charging: &tracker)
        #expect(tracker.total == SimulatedCost(212, .epochs))
    }
}
