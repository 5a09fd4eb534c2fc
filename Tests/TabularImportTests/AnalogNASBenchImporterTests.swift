import Foundation
import NASSpaces
import TabularBenchmarks
import TabularImport
import Testing
import _TestSupport

/// The converter's CSV, when Scripts/import-tables.sh has written it.
let analogCSV = "data/analognasbench/analog-nasbench-0.1.3.csv"

extension TabularImportHDF5Tests {
    @Suite("AnalogNASBenchImporter")
    struct AnalogNASBenchImporterTests {
        let directory = TemporaryDirectory(prefix: "naskit-analog")

        static let header = "naslib_tuple,baseline_accuracy,ptq_accuracy,qat_accuracy,noisy_accuracy,analog_accuracy,"
            + ["baseline", "analog"].flatMap { kind in
                [60, 3600, 86400, 2_592_000].flatMap { ["\(kind)_drift_\($0)", "\(kind)_drift_\($0)_uncertainty"] }
            }.joined(separator: ",")

        /// A CSV in the converter's layout for all 15,625 tuples (in the pickle's sorted order): every value is
        /// the row number / 1000, except that `learning` (a NASLib tuple) has baseline accuracy 90 and the other
        /// cells 10.
        func syntheticCSV(learning: [Int]) -> String {
            var lines = [Self.header]
            var row = 0
            for code in 0..<15_625 {
                var digits: [Int] = []
                var rest = code
                for _ in 0..<6 { digits.insert(rest % 5, at: 0); rest /= 5 }
                let baseline = digits == learning ? "90.0" : "10.0"
                let others = Array(repeating: String(Double(row) / 1000), count: 20)
                lines.append(([digits.map(String.init).joined(separator: "-"), baseline] + others).joined(separator: ","))
                row += 1
            }
            return lines.joined(separator: "\n") + "\n"
        }

        @Test("converts NASLib tuples to cells, keeps every value, and checks the edge order on the data")
        func synthetic() throws {
            // NASLib order: position 2 is edge 3<-0; ops 1 none, 2 nor_conv_3x3.
            let csv = directory.write(Array(syntheticCSV(learning: [1, 1, 2, 1, 1, 1]).utf8), to: "analog.csv")
            let output = directory.file("nb201-analog.h5")
            let report = try AnalogNASBenchImporter.importTable(
                csvPath: csv, outputPath: output, requirePinnedChecksum: false)
            #expect(report.rowCount == 15_625 && report.metricCount == 21 && report.comparedValues == 15_625 * 21)
            #expect(report.checkedFacts
                == ["of the six one-convolution cells only the one on edge 3<-0 learns (NASLib's edge order holds)"])
            let table = try TabularBenchmark.open(path: output, space: "nb201")
            // Row 1 is the tuple 0-0-0-0-0-1: skip everywhere but none on 3<-2.
            #expect(table.architectures[1]
                == "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|none~2|")
            // Row 25, the tuple 0-0-0-1-0-0, puts none on edge 2<-1 (NASLib position 3), the text form's third
            // edge; row 125, the tuple 0-0-1-0-0-0, puts it on 3<-0 (position 2), the text form's fourth.
            #expect(table.architectures[25]
                == "|skip_connect~0|+|skip_connect~0|none~1|+|skip_connect~0|skip_connect~1|skip_connect~2|")
            #expect(table.architectures[125]
                == "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|none~0|skip_connect~1|skip_connect~2|")
            #expect(try table.value(row: 125, metric: "analog_drift_86400s_uncertainty", dataset: "cifar10") == 0.125)
            #expect(table.metadata.sourceSHA256 == AnalogNASBenchImporter.pinnedDataSHA256)
        }

        @Test("tuples read in the wrong edge order are caught")
        func wrongEdgeOrder() throws {
            // If the data said the cell with a convolution at position 3 learns, positions 2 and 3 were swapped.
            let csv = directory.write(Array(syntheticCSV(learning: [1, 1, 1, 2, 1, 1]).utf8), to: "swapped.csv")
            let error = try #require(throws: TabularImportError.self) {
                try AnalogNASBenchImporter.importTable(
                    csvPath: csv, outputPath: directory.file("swapped.h5"), requirePinnedChecksum: false)
            }
            #expect(error.message == "swapped.h5: the single-convolution cells that learn are on edges [\"2<-1\"], "
                + "not only 3<-0; the NASLib tuples were read in the wrong edge order")
        }

        @Test("a CSV that is not the pinned one is refused")
        func checksum() throws {
            let csv = directory.write(Array(Self.header.utf8), to: "other.csv")
            let error = try #require(throws: TabularImportError.self) {
                try AnalogNASBenchImporter.importTable(csvPath: csv, outputPath: directory.file("x.h5"))
            }
            #expect(error.message.contains("not the pinned \(AnalogNASBenchImporter.pinnedCSVSHA256)"))
        }

        @Test(
            "imports the real AnalogNAS-Bench CSV: every value equal, the edge order holds",
            .enabled(if: FileManager.default.fileExists(atPath: analogCSV), "run Scripts/import-tables.sh"))
        func real() throws {
            let output = directory.file("nb201-analog.h5")
            let report = try AnalogNASBenchImporter.importTable(csvPath: analogCSV, outputPath: output)
            #expect(report.sourceSHA256 == AnalogNASBenchImporter.pinnedCSVSHA256)
            #expect(report.comparedValues == 15_625 * 21)
            let index = try TableIndex(table: try TabularBenchmark.open(path: output), space: NB201Space())
            let allConvolutions = NB201Architecture(repeating: .convolution3x3)
            #expect(try index.query(allConvolutions, metric: "baseline_accuracy", dataset: "cifar10") == 93.2424)
            #expect(try index.query(allConvolutions, metric: "analog_accuracy", dataset: "cifar10") == 85.64000000000001)
        }
    }
}
