import Foundation
import NASSpaces
import TabularBenchmarks
import TabularImport
import Testing
import _TestSupport

/// The converter's CSV, when Scripts/import-graph.sh (or import-graph.py) has written it on this machine.
let graphCSV = "data/graph/nas-bench-graph-light.csv"
let hasGraphCSV = FileManager.default.fileExists(atPath: graphCSV)

extension TabularImportHDF5Tests {
    @Suite("GraphBenchImporter")
    struct GraphBenchImporterTests {
        let directory = TemporaryDirectory(prefix: "naskit-graph-import")

        @Test(
            "imports 26,206 architectures on eight datasets and 2,021 on proteins; every value reads back equal to the CSV's and the benchmark's facts hold",
            .enabled(if: hasGraphCSV, "needs data/graph/nas-bench-graph-light.csv (Scripts/import-graph.sh)"))
        func importsPinnedCSV() throws {
            let output = directory.file("graph.h5")
            let proteinsOutput = directory.file("graph-proteins.h5")
            let reports = try GraphBenchImporter.importTables(
                csvPath: graphCSV, outputPath: output, proteinsOutputPath: proteinsOutput)
            #expect(reports.map(\.rowCount) == [26_206, 2_021])
            #expect(reports.map(\.metricCount) == [32, 4])
            #expect(reports.map(\.comparedValues) == [26_206 * 32, 2_021 * 4])
            #expect(reports.allSatisfy { $0.sourceSHA256 == GraphBenchImporter.pinnedCSVSHA256 })
            #expect(reports[0].checkedFacts.first == "best cora test_accuracy: key 77016 (links=[0,1,2,2] ops=fc,gat,gcn,graph), 0.8313333333333333")
            #expect(reports[0].checkedFacts.count == 16)
            #expect(reports[1].checkedFacts == [
                "best proteins test_roc_auc: key 85414 (links=[0,1,2,3] ops=arma,sage,gcn,sage), 0.7926337187386987",
                "proteins key 1111: valid_roc_auc 0.7763333333333332, test_roc_auc 0.7352624285044876, latency 0.0020090738932291665, parameters 0.558704",
            ])

            // Any description of an architecture finds its row through the space's dense index.
            let table = try TabularBenchmark.open(path: output, space: "graph")
            let index = try TableIndex(table: table, space: GraphSpace())
            #expect(index.coveredCount == 26_206)
            #expect(table.datasets == ["arxiv", "citeseer", "computers", "cora", "cs", "photo", "physics", "pubmed"])
            let best = try GraphSpace().parse("links=[0,1,2,2] ops=fc,gat,gcn,graph")
            // The two leaves after gat swapped: the benchmark sorts them back.
            let relabelled = try GraphSpace().parse("links=[0,1,2,2] ops=fc,gat,graph,gcn")
            #expect(GraphSpace().key(of: relabelled).rawValue == "77016")
            #expect(try index.query(relabelled, metric: "test_accuracy", dataset: "cora") == 0.8313333333333333)
            #expect(try index.query(best, metric: "valid_accuracy", dataset: "cora") == 0.8093333333333333)
            #expect(try index.query(best, metric: "parameters", dataset: "cora") == 0.7657029999999999)
            #expect(table.sourceIndices?[index.row(of: best)!] == 77016)
            #expect(try table.metric("latency", dataset: "arxiv").unit == "s")

            let proteins = try TableIndex(
                table: try TabularBenchmark.open(path: proteinsOutput, space: "graph-proteins"), space: GraphSpace.proteins)
            #expect(proteins.coveredCount == 2_021)
            #expect(try proteins.query(try GraphSpace.proteins.parse("links=[0,0,0,0] ops=gcn,gcn,gcn,gcn"), metric: "valid_roc_auc", dataset: "proteins") == 0.7763333333333332)
        }

        @Test("a CSV with another checksum is refused unless asked, naming both checksums")
        func checksum() throws {
            let csv = directory.write(Array("dataset,key\n".utf8), to: "light.csv")
            let error = try #require(throws: TabularImportError.self) {
                try GraphBenchImporter.importTables(
                    csvPath: csv, outputPath: directory.file("g.h5"), proteinsOutputPath: directory.file("p.h5"))
            }
            #expect(error.message.contains("not the pinned \(GraphBenchImporter.pinnedCSVSHA256)"))
            #expect(error.message.contains("--any-checksum"))
        }

        @Test("wrong columns, missing datasets, a key that is not canonical, and a short or disordered dataset are refused")
        func malformedCSV() throws {
            let header = "dataset,key,valid_perf,perf,latency,para\n"
            func refusal(_ text: String) throws -> String {
                let csv = directory.write(Array(text.utf8), to: "bad-\(text.count).csv")
                let error = try #require(throws: TabularImportError.self) {
                    try GraphBenchImporter.importTables(
                        csvPath: csv, outputPath: directory.file("g.h5"), proteinsOutputPath: directory.file("p.h5"),
                        requirePinnedChecksum: false)
                }
                return error.message.replacingOccurrences(of: csv, with: "CSV")
            }
            /// One row per dataset, `cora` given by `coraRows`.
            func allDatasets(cora coraRows: [String]) -> String {
                header + coraRows.map { "cora,\($0),0.5,0.5,0.01,1.0\n" }.joined()
                    + ["citeseer", "pubmed", "cs", "physics", "photo", "computers", "arxiv"].map { "\($0),0,0.5,0.5,0.01,1.0\n" }.joined()
                    + "proteins,1111,0.5,0.5,0.01,1.0\n"
            }
            #expect(try refusal("dataset,key\ncora,0\n") == "CSV has the columns dataset,key; expected dataset,key,valid_perf,perf,latency,para")
            #expect(try refusal(header + "cora,0,0.5,0.5,0.01,1.0\n")
                == "CSV holds the datasets cora; expected cora, citeseer, pubmed, cs, physics, photo, computers, arxiv, proteins in that order; write it again with Scripts/import-graph.py")
            #expect(try refusal(allDatasets(cora: ["80128"]))
                == "CSV line 2, cora: graph: 80128 is not the benchmark hash of one of its 26206 canonical architectures (a link pattern digit 0-8 and four operation digits, in canonical form)")
            #expect(try refusal(allDatasets(cora: ["0"]))
                == "CSV has 1 cora rows; graph has 26206 architectures, and the benchmark evaluated every one")
            #expect(try refusal(allDatasets(cora: ["1", "0"]))
                == "CSV line 2, cora: key 1 is out of order or repeated; a dataset lists each of the 26206 architectures of graph once, by increasing key")
            #expect(try refusal(allDatasets(cora: ["x"])) == "CSV line 2: the cora key 'x' is not an integer")
        }
    }
}
