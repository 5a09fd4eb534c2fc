import NASCore
import TabularBenchmarks
import Testing

@Suite("TableIndex and KeyedTableIndex")
struct TableIndexTests {
    let table: TabularBenchmark
    let space = DigitSpace()

    init() throws {
        table = try SyntheticTable.make()
    }

    @Test("maps every architecture to its row through the space's dense index")
    func denseIndex() throws {
        let index = try TableIndex(table: table, space: space)
        #expect(index.coveredCount == 6)
        for architectureIndex in 0..<27 {
            let architecture = space.architecture(at: architectureIndex)
            let expected = architectureIndex < 6 ? 5 - architectureIndex : nil  // rows are indices 5, 4, ..., 0
            #expect(index.row(of: architecture) == expected)
        }
        let column = try table.column(metric: "latency", dataset: "alpha")
        #expect(index.value(column, of: [0, 1, 1]) == 10)  // index 4 is row 1
        #expect(index.value(column, of: [2, 2, 2]) == nil)
        #expect(try index.query([0, 0, 2], metric: "accuracy", dataset: "beta", epoch: 12).isNaN)  // row 3
        #expect(try index.query([0, 1, 0], metric: "accuracy", dataset: "beta", epoch: 200)
            == SyntheticTable.accuracyValue(row: 2, epoch: 200, dataset: 1))
    }

    @Test("an architecture without a row is named with the table's coverage")
    func missingArchitecture() throws {
        let index = try TableIndex(table: table, space: space)
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 has no row for the digits3 architecture '2-2-2' (it covers 6 of 27)")) {
            try index.query([2, 2, 2], metric: "latency", dataset: "alpha")
        }
    }

    @Test("refuses a table of another space, an unparsable row and two rows of one architecture")
    func refusals() throws {
        var metadata = SyntheticTable.metadata
        metadata.space = "nb201"
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 is a table of space nb201, not digits3; choose a table of digits3")) {
            try TableIndex(table: try SyntheticTable.make(metadata: metadata), space: space)
        }
        let metric = TabularMetric(name: "m", dataset: "d", unit: "", description: "", source: "")
        let unparsable = try TabularBenchmark(
            name: "bad.h5", metadata: SyntheticTable.metadata, architectures: ["0-0-0", "0-3-0"],
            metrics: [TabularMetricValues(metric: metric, values: [1, 2])])
        #expect(throws: TabularBenchmarkError(
            "row 1 of bad.h5 is not an architecture of digits3: '0-3-0' is not three digits 0...2 joined by '-'; "
                + "re-create the table")) { try TableIndex(table: unparsable, space: space) }
        let twice = try TabularBenchmark(
            name: "twice.h5", metadata: SyntheticTable.metadata, architectures: ["0-0-1", "00-0-1"],
            metrics: [TabularMetricValues(metric: metric, values: [1, 2])])
        #expect(throws: TabularBenchmarkError(
            "rows 0 and 1 of twice.h5 hold the same digits3 architecture '0-0-1'; re-create the table")) {
            try TableIndex(table: twice, space: space)
        }
    }

    @Test("the keyed index answers for every architecture of a key with the key's first row")
    func keyedIndex() throws {
        let index = try KeyedTableIndex(table: table, space: space)
        // Rows hold 0-1-2, 0-1-1, 0-1-0, 0-0-2, 0-0-1, 0-0-0: 0-1-0 shares the key 0-0-1 with 0-0-1 (row 4).
        #expect(index.rowsSharingKeys == 1)
        #expect(index.row(of: [2, 1, 0]) == 0)
        #expect(index.row(of: [1, 0, 0]) == 2)
        #expect(index.row(of: [0, 0, 1]) == 2)
        #expect(index.row(of: [2, 2, 2]) == nil)
        #expect(try index.query([1, 0, 1], metric: "latency", dataset: "alpha") == 10)
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 has no row whose digits3 key is 2-2-2 (architecture '2-2-2')")) {
            try index.query([2, 2, 2], metric: "latency", dataset: "alpha")
        }
    }
}
