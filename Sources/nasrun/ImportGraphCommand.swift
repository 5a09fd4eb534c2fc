import ArgumentParser
import TabularImport

/// `nasrun import graph`: the NAS-Bench-Graph tables from the CSV that Scripts/import-graph.py writes.
struct ImportGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Import NAS-Bench-Graph (nas-bench-graph==1.4.0) into the graph and graph-proteins tables.",
        discussion: """
            The CSV is written from the package's light/*.bench files by Scripts/import-graph.py; \
            Scripts/import-graph.sh runs both. Every value is read back and compared with the CSV.
            """)

    @Option(help: "The CSV written by Scripts/import-graph.py.")
    var csv = "data/graph/nas-bench-graph-light.csv"

    @Option(help: "The table of the eight nine-operation datasets.")
    var output = "data/tables/graph.h5"

    @Option(help: "The ogbn-proteins table.")
    var proteinsOutput = "data/tables/graph-proteins.h5"

    @Flag(help: "Import a CSV whose SHA-256 is not the pinned one.")
    var anyChecksum = false

    func run() throws {
        try ImportOutput.prepare(output)
        try ImportOutput.prepare(proteinsOutput)
        let reports = try GraphBenchImporter.importTables(
            csvPath: csv, outputPath: output, proteinsOutputPath: proteinsOutput,
            requirePinnedChecksum: !anyChecksum, importCommand: "nasrun import graph --csv nas-bench-graph-light.csv")
        reports.flatMap(\.lines).forEach(emit)
    }
}
