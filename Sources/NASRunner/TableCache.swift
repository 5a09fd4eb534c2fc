import TabularBenchmarks

/// Tables opened once per process and reused by every run that reads them (an experiment's worker runs many).
public struct TableCache: Sendable {
    private var tables: [String: TabularBenchmark] = [:]
    private var provenances: [String: RunProvenance] = [:]

    /// An empty cache.
    public init() {}

    /// The table at `path`, opened on first use.
    ///
    /// - Throws: ``RunError`` if the file is missing, damaged or of another space (naming the fix).
    mutating func table(at path: String, space: SpaceChoice) throws(RunError) -> TabularBenchmark {
        if let table = tables[path] { return table }
        do {
            let table = try TabularBenchmark.open(
                path: path, space: space.spaceName, recoverySuggestion: "run Scripts/setup.sh to build it")
            tables[path] = table
            return table
        } catch {
            throw RunError(error.message)
        }
    }

    /// The provenance of runs on the table at `path` (its checksum is computed once per process).
    mutating func provenance(ofTableAt path: String, source: String) throws(RunError) -> RunProvenance {
        if let provenance = provenances[path] { return provenance }
        let provenance = try RunProvenance.current(tablePath: path, tableSource: source)
        provenances[path] = provenance
        return provenance
    }
}
