import Foundation
import TabularImport

/// A space's `SearchSpaces/<space>/provenance.json`: the tables it imports and the pinned source files.
struct ProvenanceFile: Decodable {
    /// One imported table: its path, its space and its row count.
    struct Table: Decodable {
        let table: String
        let space: String
        let rows: Int
    }

    let tables: [Table]
    let sources: [Provenance]

    /// Reads `SearchSpaces/<space>/provenance.json` (relative to the package root, where the tests run).
    init(space: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "SearchSpaces/\(space)/provenance.json"))
        self = try JSONDecoder().decode(ProvenanceFile.self, from: data)
    }

    /// The SHA-256 of every source, keyed by its file name.
    var checksums: [String: String] {
        Dictionary(uniqueKeysWithValues: sources.map { ($0.file, $0.sha256) })
    }
}
