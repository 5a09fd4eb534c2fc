import Foundation
import TabularImport
import Testing

@Suite("Provenance")
struct ProvenanceTests {
    @Test("round-trips through JSON")
    func codable() throws {
        let provenance = Provenance(source: "PyPI analog-nasbench==0.1.3", file: "analognasbench/data.anb", sha256: "00", importCommand: "Scripts/setup.sh")
        let data = try JSONEncoder().encode(provenance)
        #expect(try JSONDecoder().decode(Provenance.self, from: data) == provenance)
    }
}
