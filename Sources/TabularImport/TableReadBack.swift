import TabularBenchmarks

/// Re-opens a table an importer has just written and checks that its metadata and architectures are those
/// written; the importer then compares every value with the source's.
enum TableReadBack {
    static func open(_ path: String, space: String, expecting written: TabularBenchmark) throws(TabularImportError)
        -> TabularBenchmark
    {
        let table: TabularBenchmark
        do {
            table = try TabularBenchmark.open(path: path, space: space)
        } catch {
            throw TabularImportError("the table just written does not open: \(error.message)")
        }
        guard table.metadata == written.metadata, table.architectures == written.architectures,
            table.sourceIndices == written.sourceIndices, table.metrics == written.metrics,
            table.datasetDescriptions == written.datasetDescriptions
        else {
            throw TabularImportError(
                "\(path) read back with other metadata, architectures or metric descriptions than were written; "
                    + "do not use it")
        }
        return table
    }
}
