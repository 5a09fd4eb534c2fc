import Foundation
import TabularImport
import Testing

/// `SearchSpaces/graph/provenance.json` pins the same files as the importer.
@Suite("Graph provenance")
struct GraphProvenanceTests {
    @Test("provenance.json names the importer's pinned wheel, .bench files and CSV, and both tables")
    func pinned() throws {
        let file = try ProvenanceFile(space: "graph")
        let checksums = file.checksums
        #expect(checksums["nas_bench_graph-1.4.0-py3-none-any.whl"] == GraphBenchImporter.pinnedWheelSHA256)
        #expect(checksums["data/graph/nas-bench-graph-light.csv"] == GraphBenchImporter.pinnedCSVSHA256)
        for (dataset, sha256) in GraphBenchImporter.pinnedFiles {
            #expect(checksums["nas_bench_graph/light/\(dataset).bench"] == sha256)
        }
        #expect(file.tables.map(\.table) == ["data/tables/graph.h5", "data/tables/graph-proteins.h5"])
        #expect(file.tables.map(\.space) == ["graph", "graph-proteins"])
        #expect(file.tables.map(\.rows) == [26_206, 2_021])
    }

    @Test("the converter pins the same checksums as the importer")
    func converter() throws {
        let script = try String(contentsOfFile: "Scripts/import-graph.py", encoding: .utf8)
        #expect(script.contains("WHEEL_SHA256 = \"\(GraphBenchImporter.pinnedWheelSHA256)\""))
        for (dataset, sha256) in GraphBenchImporter.pinnedFiles {
            #expect(script.contains("\"\(dataset)\": \"\(sha256)\""))
        }
    }
}
