import ArgumentParser
import TabularBenchmarks

/// `nasrun spaces`: the search spaces, and for each the datasets and metrics of the tables present.
struct SpacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spaces",
        abstract: "List the search spaces and the datasets and metrics of their tabular benchmarks.")

    @OptionGroup var location: TableOptions

    func run() throws {
        let tables = location.table != nil ? [] : try TableDirectory.tables(in: location.tables)
        for space in SpaceName.allCases {
            emit("\(space.rawValue): \(space.summary)")
            let own = location.table != nil ? try location.tables(of: space.rawValue) : tables.filter {
                $0.metadata.space == space.rawValue
            }
            if own.isEmpty { emit("  " + space.missingTableNote(directory: location.tables)) }
            for (position, table) in own.enumerated() {
                let role = position == 0 ? "default table" : "table"
                emit("  \(role) \(table.name): \(table.rowCount) architectures")
                for dataset in table.datasets {
                    let metrics = try table.metrics(in: dataset).map(\.summary).joined(separator: ", ")
                    emit("    \(dataset): \(metrics)")
                }
            }
        }
    }
}
