import ArgumentParser
import TabularImport

/// `nasrun import`: builds tabular benchmarks from published data (Scripts/import-tables.sh runs these).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a tabular benchmark from published data.",
        subcommands: [ImportNB201Command.self, ImportAnalogCommand.self, ImportGraphCommand.self, ImportDirectoryCommand.self])
}

/// `nasrun import nb201`: the NAS-Bench-201 CSV of the shared data folder.
struct ImportNB201Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb201",
        abstract: "Import NAS-Bench-201 from nb201_tss.csv into the default NB201 table.",
        discussion: """
            The CSV is ../shared/data/nb201/nb201_tss.csv where the project's data folder is present; \
            SearchSpaces/nb201/provenance.json names its public sources. Every value is read back and compared, \
            and the published facts (best cells, the all-skip cell) are checked.
            """)

    @Option(help: "The path of nb201_tss.csv.")
    var csv: String

    @Option(help: "The table to write.")
    var output = "data/tables/nb201.h5"

    @Flag(help: "Import a CSV whose SHA-256 is not the pinned one (the published facts are still checked).")
    var anyChecksum = false

    func run() throws {
        try ImportOutput.prepare(output)
        let report = try NB201CSVImporter.importTable(
            csvPath: csv, outputPath: output, requirePinnedChecksum: !anyChecksum,
            importCommand: "nasrun import nb201 --csv nb201_tss.csv")
        report.lines.forEach(emit)
    }
}

/// `nasrun import nb201-analog`: AnalogNAS-Bench, from the converter's CSV.
struct ImportAnalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb201-analog",
        abstract: "Import AnalogNAS-Bench (analog-nasbench==0.1.3) into a CIFAR-10 NB201 table.",
        discussion: """
            The CSV is written from the package's data.anb by Scripts/convert-analog-nasbench.py; \
            Scripts/import-tables.sh downloads the package and runs both.
            """)

    @Option(help: "The CSV written by Scripts/convert-analog-nasbench.py.")
    var csv: String

    @Option(help: "The table to write.")
    var output = "data/tables/nb201-analog.h5"

    @Flag(help: "Import a CSV whose SHA-256 is not the pinned one.")
    var anyChecksum = false

    func run() throws {
        try ImportOutput.prepare(output)
        let report = try AnalogNASBenchImporter.importTable(
            csvPath: csv, outputPath: output, requirePinnedChecksum: !anyChecksum,
            importCommand: "nasrun import nb201-analog --csv analog-nasbench-0.1.3.csv")
        report.lines.forEach(emit)
    }
}

/// `nasrun import directory`: a tabular source directory written by a Python converter.
struct ImportDirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Import a tabular source directory (manifest.json, rows.csv, one CSV per metric).",
        discussion: """
            Scripts/convert-nats-bench.py writes one from the official NATS-Bench / NAS-Bench-201 files; \
            Docs/TabularBenchmarks.md describes the format.
            """)

    @Option(help: "The directory holding manifest.json.")
    var directory: String

    @Option(help: "The table to write.")
    var output: String

    func run() throws {
        try ImportOutput.prepare(output)
        try TabularSourceDirectoryImporter.importTable(directory: directory, outputPath: output).lines.forEach(emit)
    }
}
