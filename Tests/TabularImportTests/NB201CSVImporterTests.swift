import Foundation
import NASSpaces
import TabularBenchmarks
import TabularImport
import Testing
import _TestSupport

/// Every suite of this target that calls libhdf5 is nested here and runs serially: Debian's libhdf5 is not
/// thread-safe, and Swift Testing would otherwise run tests in parallel.
@Suite("TabularImport HDF5", .serialized)
struct TabularImportHDF5Tests {}

/// The shared data folder's NAS-Bench-201 CSV, when this machine has it.
let sharedNB201CSV = "../shared/data/nb201/nb201_tss.csv"
let hasSharedNB201CSV = FileManager.default.fileExists(atPath: sharedNB201CSV)

extension TabularImportHDF5Tests {
    @Suite("NB201CSVImporter")
    struct NB201CSVImporterTests {
        let directory = TemporaryDirectory(prefix: "naskit-import")

        @Test(
            "imports all 15,625 cells; every value reads back equal to the CSV's and the published facts hold",
            .enabled(if: hasSharedNB201CSV, "needs ../shared/data/nb201/nb201_tss.csv"))
        func importsSharedCSV() throws {
            let output = directory.file("nb201.h5")
            let report = try NB201CSVImporter.importTable(csvPath: sharedNB201CSV, outputPath: output)
            #expect(report.rowCount == 15_625)
            #expect(report.metricCount == 10)
            #expect(report.comparedValues == 15_625 * 13)
            #expect(report.sourceSHA256 == NB201CSVImporter.pinnedSHA256)
            #expect(report.checkedFacts == [
                "best cifar10 test accuracy after 200 epochs: index 6111, 94.37333333 (tied with index 13714)",
                "best cifar100 test accuracy after 200 epochs: index 9930, 73.51333326",
                "best ImageNet16-120 test accuracy after 200 epochs: index 857, 47.31111106",
                "index 1835 is the all-skip_connect cell: ImageNet16-120 16.3222222, cifar10 54.29666667, cifar100 15.60666666",
                "Spearman rank correlation of 12-epoch CIFAR-10 validation and 200-epoch test accuracy: 0.7718223957637005",
            ])

            // The table answers by architecture through NB201Space's dense index.
            let table = try TabularBenchmark.open(path: output, space: "nb201")
            let index = try TableIndex(table: table, space: NB201Space())
            #expect(index.coveredCount == 15_625)
            let best = try NB201Space().parse(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|")
            #expect(index.row(of: best) == 6111)
            #expect(try index.query(best, metric: "test_accuracy", dataset: "cifar10", epoch: 200) == 94.37333333)
            #expect(try index.query(best, metric: "test_accuracy", dataset: "cifar10", epoch: 12) == 88.79)
            #expect(try index.query(best, metric: "valid_accuracy", dataset: "ImageNet16-120", epoch: 12) == 37.13333331)
            #expect(try index.query(best, metric: "latency_pixel_litert", dataset: "cifar100") == 10.4134)
            #expect(try index.query(best, metric: "test_accuracy_v1_0", dataset: "cifar10") == 94.37333333)
            #expect(table.datasets == ["ImageNet16-120", "cifar10", "cifar100"])
        }

        @Test("a CSV with another checksum is refused unless asked, naming both checksums")
        func checksum() throws {
            let csv = directory.write(Array("index,arch\n".utf8), to: "nb201_tss.csv")
            let error = try #require(throws: TabularImportError.self) {
                try NB201CSVImporter.importTable(csvPath: csv, outputPath: directory.file("out.h5"))
            }
            #expect(error.message.contains("not the pinned \(NB201CSVImporter.pinnedSHA256)"))
            #expect(error.message.contains("--any-checksum"))
        }

        @Test("a CSV with other columns, too few rows, or a bad cell is refused with the line named")
        func malformedCSV() throws {
            let header = "index,arch,c10_test_200,c100_test_200,in16_test_200,c10_valid_12,c10_test_12,c100_valid_12,"
                + "c100_test_12,in16_valid_12,in16_test_12,c10_test_200_nb201v10,lat_ms_pi5_litert_c100,"
                + "lat_ms_pi5_onnx_c100,lat_ms_pixel_litert_c100"
            func refusal(_ text: String) throws -> String {
                let csv = directory.write(Array(text.utf8), to: "bad-\(text.count).csv")
                let error = try #require(throws: TabularImportError.self) {
                    try NB201CSVImporter.importTable(
                        csvPath: csv, outputPath: directory.file("out.h5"), requirePinnedChecksum: false)
                }
                return error.message.replacingOccurrences(of: csv, with: "CSV")
            }
            #expect(try refusal("index,arch\n0,x\n") == "CSV has the columns index,arch; expected \(header)")
            let row = ",|none~0|+|none~0|none~1|+|none~0|none~1|none~2|" + String(repeating: ",1", count: 13)
            #expect(try refusal(header + "\n0" + row + "\n") == "CSV has 1 rows; NAS-Bench-201 has 15625 cells")
            #expect(try refusal(header + "\n0" + row + "\n1,2\n")
                == "CSV line 3 has 2 fields, the header 15; the file is damaged or truncated")
        }
    }
}
