import Foundation
import Seeding
import TabularImport
import Testing

/// `SearchSpaces/nb201/provenance.json` pins the same files as the importers and the converter.
@Suite("NB201 provenance")
struct NB201ProvenanceTests {
    @Test("provenance.json names the importers' pinned CSV, wheel, data.anb and converted CSV, the rows of our tabulation, and the three tables")
    func pinned() throws {
        let file = try ProvenanceFile(space: "nb201")
        let checksums = file.checksums
        #expect(checksums["nb201/nb201_tss.csv"] == NB201CSVImporter.pinnedSHA256)
        #expect(checksums["analog_nasbench-0.1.3-py3-none-any.whl"] == AnalogNASBenchImporter.pinnedWheelSHA256)
        #expect(checksums["analognasbench/data.anb"] == AnalogNASBenchImporter.pinnedDataSHA256)
        #expect(checksums["data/analognasbench/analog-nasbench-0.1.3.csv"] == AnalogNASBenchImporter.pinnedCSVSHA256)
        #expect(file.tables.map(\.table) == [
            "data/tables/nb201.h5", "data/tables/nb201-analog.h5", "data/tables/nb201-fashion-mnist.h5",
        ])
        #expect(file.tables.map(\.rows) == [15_625, 15_625, 295])
        #expect(file.tables.allSatisfy { $0.space == "nb201" })
        // NASKit's own tabulation: the archive in the repository and the prefix the set-up merges.
        let archive = "SearchSpaces/nb201/fashion-mnist/tabulation-rows.tar.gz"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: archive)))
        #expect(checksums[archive] == SHA256.hexDigest(of: bytes))
        let cells = try String(contentsOfFile: "SearchSpaces/nb201/fashion-mnist/merged-cells", encoding: .utf8)
        #expect(cells.trimmingCharacters(in: .whitespacesAndNewlines) == "295")
    }

    @Test("the AnalogNAS-Bench converter pins the same checksums as the importer")
    func converter() throws {
        let script = try String(contentsOfFile: "Scripts/convert-analog-nasbench.py", encoding: .utf8)
        #expect(script.contains("WHEEL_SHA256 = \"\(AnalogNASBenchImporter.pinnedWheelSHA256)\""))
        #expect(script.contains("DATA_SHA256 = \"\(AnalogNASBenchImporter.pinnedDataSHA256)\""))
    }
}
