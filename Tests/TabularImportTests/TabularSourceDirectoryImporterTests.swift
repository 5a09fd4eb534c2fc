import Foundation
import TabularBenchmarks
import TabularImport
import Testing
import _TestSupport

extension TabularImportHDF5Tests {
    @Suite("TabularSourceDirectoryImporter")
    struct TabularSourceDirectoryImporterTests {
        let directory = TemporaryDirectory(prefix: "naskit-source")

        static let allSkip = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|"
        static let allNone = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"

        /// Writes a source directory like the NATS-Bench converter's, for two cells (indices 1835 and 7).
        func writeSource(testAccuracy: String = "1.5,54.29666667\n9.25,nan\n", rows: String? = nil) throws -> String {
            let root = directory.path + "/source-\(UUID())"
            try FileManager.default.createDirectory(atPath: root + "/cifar10", withIntermediateDirectories: true)
            let manifest = """
                {"format": "naskit-tabular-source", "version": 1, "space": "nb201", "description": "Two cells.",
                 "source": "tests", "source_file": "none", "source_sha256": "00", "import_command": "swift test",
                 "rows": "rows.csv", "datasets": {"cifar10": "CIFAR-10."},
                 "metrics": [
                  {"dataset": "cifar10", "name": "test_accuracy", "unit": "%", "description": "Test accuracy.",
                   "source": "api", "file": "cifar10/test_accuracy.csv", "epochs": [12, 200],
                   "epoch_meaning": "budget", "direction": "maximize"},
                  {"dataset": "cifar10", "name": "train_time", "unit": "s", "description": "Time.",
                   "source": "api", "file": "cifar10/train_time.csv", "epochs": [12, 200], "epoch_meaning": "budget"},
                  {"dataset": "cifar10", "name": "params", "unit": "M parameters", "description": "Parameters.",
                   "source": "api", "file": "cifar10/params.csv"}]}
                """
            try manifest.write(toFile: root + "/manifest.json", atomically: true, encoding: .utf8)
            try (rows ?? "index,arch\n1835,\(Self.allSkip)\n7,\(Self.allNone)\n")
                .write(toFile: root + "/rows.csv", atomically: true, encoding: .utf8)
            try testAccuracy.write(toFile: root + "/cifar10/test_accuracy.csv", atomically: true, encoding: .utf8)
            try "12.0,200.0\n24.0,400.0\n".write(toFile: root + "/cifar10/train_time.csv", atomically: true, encoding: .utf8)
            try "0.1\n0.2\n".write(toFile: root + "/cifar10/params.csv", atomically: true, encoding: .utf8)
            return root
        }

        @Test("imports every value, missing ones as NaN, and checks the facts about the rows present")
        func imports() throws {
            let output = directory.file("nats.h5")
            let report = try TabularSourceDirectoryImporter.importTable(directory: try writeSource(), outputPath: output)
            #expect(report.rowCount == 2 && report.metricCount == 3 && report.comparedValues == 10)
            #expect(report.checkedFacts == ["index 1835 is the all-skip_connect cell: cifar10 54.29666667"])
            let table = try TabularBenchmark.open(path: output, space: "nb201")
            #expect(table.sourceIndices == [1835, 7])
            #expect(try table.value(row: 1, metric: "test_accuracy", dataset: "cifar10", epoch: 200).isNaN)
            #expect(try table.value(row: 1, metric: "test_accuracy", dataset: "cifar10", epoch: 12) == 9.25)
            // A table with train_time charges seconds.
            #expect(try table.trainingCost(row: 1, dataset: "cifar10", epoch: 12) == SimulatedCost(24, .seconds))
        }

        @Test("a value contradicting NAS-Bench-201 is caught by the facts")
        func contradiction() throws {
            let error = try #require(throws: TabularImportError.self) {
                try TabularSourceDirectoryImporter.importTable(
                    directory: try writeSource(testAccuracy: "1.5,60.0\n9.25,nan\n"),
                    outputPath: directory.file("bad.h5"))
            }
            #expect(error.message == "bad.h5 contradicts NAS-Bench-201: the all-skip cell's cifar10 test accuracy is "
                + "54.2967, the table's 60.0; it does not hold the published data")
        }

        @Test("wrong line and value counts, bad numbers and bad cells name the file and line")
        func malformed() throws {
            func message(_ source: String) throws -> String {
                let error = try #require(throws: TabularImportError.self) {
                    try TabularSourceDirectoryImporter.importTable(directory: source, outputPath: directory.file("m.h5"))
                }
                return error.message.replacingOccurrences(of: source, with: "DIR")
            }
            #expect(try message(try writeSource(testAccuracy: "1.5,54.29666667\n"))
                == "DIR/cifar10/test_accuracy.csv has 1 lines; the directory has 2 rows")
            #expect(try message(try writeSource(testAccuracy: "1.5\n9.25,1\n"))
                == "DIR/cifar10/test_accuracy.csv line 1 has 1 values; the metric stores 2 per row")
            #expect(try message(try writeSource(testAccuracy: "1.5,x\n9.25,1\n"))
                == "DIR/cifar10/test_accuracy.csv line 1: 'x' is not a number")
            #expect(try message(try writeSource(rows: "index,arch\n1835,\(Self.allSkip)\n7,|none~0|\n")).hasPrefix(
                "DIR/rows.csv row 1: nb201:"))
            #expect(try message(directory.path + "/nowhere")
                == "no DIR/manifest.json; write the directory with a converter such as Scripts/convert-nats-bench.py")
        }
    }
}
