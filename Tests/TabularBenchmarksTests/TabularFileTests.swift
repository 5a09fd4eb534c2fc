import Foundation
import HDF5Store
import TabularBenchmarks
import Testing
import _TestSupport

/// Every suite of this target that calls libhdf5 is nested here and runs serially: Debian's libhdf5 is not
/// thread-safe, and Swift Testing would otherwise run tests in parallel.
@Suite("TabularBenchmarks HDF5 files", .serialized)
struct TabularHDF5Tests {}

extension TabularHDF5Tests {
@Suite("TabularBenchmark files")
struct TabularFileTests {
    let directory = TemporaryDirectory(prefix: "naskit-tables")

    /// Writes the synthetic table and returns its path.
    func writtenTable(_ name: String = "synthetic.h5") throws -> (TabularBenchmark, String) {
        let table = try SyntheticTable.make(name: name)
        let path = directory.file(name)
        try table.write(to: path)
        return (table, path)
    }

    static func bytes(of path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    func bytes(of path: String) -> [UInt8] { Self.bytes(of: path) }

    @Test("a written table reads back with every value, attribute and description")
    func roundTrip() throws {
        let (table, path) = try writtenTable()
        let read = try TabularBenchmark.open(path: path, space: "digits3")
        #expect(read.name == "synthetic.h5")
        #expect(read.metadata == table.metadata)
        #expect(read.architectures == table.architectures)
        #expect(read.sourceIndices == table.sourceIndices)
        #expect(read.metrics == table.metrics)
        #expect(read.datasetDescriptions == table.datasetDescriptions)
        for metric in table.metrics {
            for epoch in metric.epochs ?? [] as [Int?] {
                let column = try table.column(metric: metric.name, dataset: metric.dataset, epoch: epoch)
                let readColumn = try read.column(metric: metric.name, dataset: metric.dataset, epoch: epoch)
                for row in 0..<table.rowCount {
                    #expect(read[readColumn, row].bitPattern == table[column, row].bitPattern)
                }
            }
        }
    }

    @Test("the file follows the documented layout")
    func layout() throws {
        let (_, path) = try writtenTable()
        let file = try HDF5File(path: path)
        #expect(try file.attribute("schema") == .string("naskit-tabular-benchmark"))
        #expect(try file.attribute("schema_version") == .int64(1))
        #expect(try file.attribute("space") == .string("digits3"))
        #expect(try file.attributeNames() == [
            "description", "import_command", "schema", "schema_version", "source", "source_file", "source_sha256", "space",
        ])
        #expect(try file.children() == ["alpha", "architectures", "beta", "source_index"])
        #expect(try file.read(String.self, at: "/architectures").values.first == "0-1-2")
        #expect(try file.read(Int64.self, at: "/source_index").values == [100, 101, 102, 103, 104, 105])
        let accuracy = try file.read(Double.self, at: "/beta/accuracy")
        #expect(accuracy.shape == [6, 2])
        #expect(accuracy.values[4 * 2 + 1] == SyntheticTable.accuracyValue(row: 4, epoch: 200, dataset: 1))
        #expect(try file.attribute("epochs", at: "/beta/accuracy") == .string("12,200"))
        #expect(try file.attribute("epoch_meaning", at: "/beta/accuracy") == .string("budget"))
        #expect(try file.attribute("direction", at: "/beta/accuracy") == .string("maximize"))
        #expect(try file.attribute("unit", at: "/alpha/latency") == .string("ms"))
        #expect(try file.shape(at: "/alpha/latency") == [6])
        #expect(try file.attributeNames(at: "/alpha/latency") == ["description", "direction", "source", "unit"])
        #expect(try file.attribute("description", at: "/alpha") == .string("The first dataset."))
    }

    @Test("writing the same table twice, seconds apart, gives the same bytes (no timestamps)")
    func deterministic() throws {
        let (_, first) = try writtenTable("first.h5")
        Thread.sleep(forTimeInterval: 1.1)  // HDF5 records modification times in whole seconds
        let (_, second) = try writtenTable("second.h5")
        let (a, b) = (bytes(of: first), bytes(of: second))
        #expect(a.count == b.count)
        let firstDifference = a.indices.first { $0 < b.count && a[$0] != b[$0] }
        #expect(firstDifference == nil, "the files first differ at byte \(firstDifference ?? -1)")
    }

    @Test("a missing file names the path and the fix")
    func missing() {
        #expect(throws: TabularBenchmarkError(
            "no tabular benchmark at /nonexistent/nb201.h5; re-create it with Scripts/import-tables.sh")) {
            try TabularBenchmark.open(path: "/nonexistent/nb201.h5")
        }
    }

    @Test("a file that is not HDF5 is refused")
    func notHDF5() throws {
        let path = directory.write(Array("index,arch\n0,x\n".utf8), to: "table.h5")
        let error = try #require(throws: TabularBenchmarkError.self) { try TabularBenchmark.open(path: path) }
        #expect(error.message.hasPrefix("cannot open the tabular benchmark: \(path) is not an HDF5 file"))
    }

    @Test("a truncated file is refused at every cut, never read as a smaller table")
    func truncated() throws {
        let (_, path) = try writtenTable()
        let bytes = Self.bytes(of: path)
        for fraction in [0.05, 0.3, 0.5, 0.8, 0.97, 0.999] {
            let cut = directory.write(Array(bytes.prefix(Int(Double(bytes.count) * fraction))), to: "cut-\(fraction).h5")
            #expect(throws: TabularBenchmarkError.self, "cut at \(fraction)") { try TabularBenchmark.open(path: cut) }
        }
    }

    @Test("an HDF5 file that is not a table is refused")
    func notATable() throws {
        let path = directory.file("other.h5")
        let file = try HDF5File(path: path, mode: .truncate)
        try file.write(HDF5Array([1.0, 2.0]), to: "/weights")
        try file.flush()
        #expect(throws: TabularBenchmarkError(
            "other.h5 is not a NASKit tabular benchmark (its root attribute 'schema' is not "
                + "\"naskit-tabular-benchmark\"); re-create it with Scripts/import-tables.sh")) {
            try TabularBenchmark.open(path: path)
        }
    }

    @Test("a table of another space is refused when a space is expected")
    func otherSpace() throws {
        let (_, path) = try writtenTable()
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 is a table of space digits3, not nb201; choose a table of nb201")) {
            try TabularBenchmark.open(path: path, space: "nb201")
        }
    }

    @Test("a table missing a metric opens, and asking for the metric lists those left")
    func missingMetric() throws {
        let (_, path) = try writtenTable()
        try HDF5File(path: path, mode: .readWrite).removeObject(at: "/alpha/latency")
        let table = try TabularBenchmark.open(path: path)
        #expect(throws: TabularBenchmarkError(
            "synthetic.h5 has no metric 'latency' for alpha (metrics: accuracy (%, epochs 12, 200))")) {
            try table.value(row: 0, metric: "latency", dataset: "alpha")
        }
    }

    @Test("damaged parts are named: version, shape, element type, attributes, stray objects")
    func malformed() throws {
        func damaged(_ change: (HDF5File) throws -> Void) throws -> String {
            let (_, path) = try writtenTable("damaged-\(Int.random(in: 0..<1_000_000)).h5")
            try change(HDF5File(path: path, mode: .readWrite))
            let error = try #require(throws: TabularBenchmarkError.self) { try TabularBenchmark.open(path: path) }
            return error.message.replacingOccurrences(of: path, with: "PATH")
                .replacingOccurrences(of: path.split(separator: "/").last.map(String.init)!, with: "FILE")
        }
        #expect(try damaged { try $0.setAttribute("schema_version", to: .int64(2)) }
            == "FILE has schema version 2, this build reads version 1; re-create it with Scripts/import-tables.sh with this build")
        #expect(try damaged {
            try $0.removeObject(at: "/alpha/latency")
            try $0.write(HDF5Array([1.0, 2.0]), to: "/alpha/latency")
            try $0.setAttribute("unit", to: .string("ms"), at: "/alpha/latency")
        } == "FILE has /alpha/latency of shape [2], but 6 architectures (final values) need shape [6]; re-create it with Scripts/import-tables.sh")
        #expect(try damaged {
            try $0.removeObject(at: "/alpha/latency")
            try $0.write(HDF5Array([Float](repeating: 1, count: 6)), to: "/alpha/latency")
        }.hasPrefix("malformed tabular benchmark PATH: dataset /alpha/latency holds Float values, not Double"))
        #expect(try damaged { try $0.setAttribute("epochs", to: .string("12,200,400"), at: "/beta/accuracy") }
            == "FILE has /beta/accuracy of shape [6, 2], but 6 architectures and epochs \"12,200,400\" need shape [6, 3]; re-create it with Scripts/import-tables.sh")
        #expect(try damaged { try $0.setAttribute("epochs", to: .string("200,12"), at: "/beta/accuracy") }
            == "FILE has /beta/accuracy with epochs \"200,12\"; write positive ascending epochs as \"12,200\"; re-create it with Scripts/import-tables.sh")
        #expect(try damaged { try $0.setAttribute("space", to: .int64(3)) }
            == "FILE has attribute 'space' of / = 3; it must be a string; re-create it with Scripts/import-tables.sh")
        #expect(try damaged { try $0.write(HDF5Array([1.0]), to: "/stray") }
            == "FILE has a dataset /stray at the root; only architectures, source_index and dataset groups belong there; re-create it with Scripts/import-tables.sh")
        #expect(try damaged {
            try $0.removeObject(at: "/architectures")
            try $0.write(HDF5Array(["0-0-0", "0-0-0", "a", "b", "c", "d"]), to: "/architectures")
        } == "FILE: rows 0 and 1 both hold the architecture '0-0-0'; each must appear once; re-create it with Scripts/import-tables.sh")
        #expect(try damaged { try $0.removeObject(at: "/architectures") }.hasPrefix(
            "malformed tabular benchmark PATH: no dataset /architectures (available: alpha, beta, source_index)"))
    }
}
}
