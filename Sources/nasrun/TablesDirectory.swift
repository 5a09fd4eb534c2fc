import Foundation
import TabularBenchmarks

/// The tables in a directory, found by their `.h5` extension and opened whole.
enum TableDirectory {
    /// Every table in `directory`, `<space>.h5` before the other tables of its space, then by file name.
    ///
    /// A missing directory holds no tables; a file that is not a table is an error (it names the file).
    static func tables(in directory: String) throws -> [TabularBenchmark] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let tables = try names.filter { $0.hasSuffix(".h5") }.sorted().map { name in
            try TabularBenchmark.open(
                path: directory + "/" + name, recoverySuggestion: "re-create it with Scripts/import-tables.sh")
        }
        return tables.sorted { first, second in
            let firstDefault = first.name == first.metadata.space + ".h5"
            let secondDefault = second.name == second.metadata.space + ".h5"
            if firstDefault != secondDefault { return firstDefault }
            return first.name < second.name
        }
    }
}
