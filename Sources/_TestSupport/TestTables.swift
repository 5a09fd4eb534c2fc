import Foundation
import NASSpaces
import TabularBenchmarks

/// The tabular benchmarks that `Scripts/setup.sh` builds into `data/tables/`, opened once per test process, so
/// optimizer and runner tests run on the real published numbers.
///
/// The set-up builds `nb201.h5` from `../shared/data/nb201/nb201_tss.csv` and the graph tables from the
/// NAS-Bench-Graph package; a test that needs a missing table fails with the command that builds it.
public enum TestTables {
    /// The package's root directory (the parent of `Sources/`).
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The path of `data/tables/<name>` in the package.
    public static func path(_ name: String) -> String {
        packageRoot + "/data/tables/" + name
    }

    /// Whether the table `name` has been built.
    public static func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }

    /// The NAS-Bench-201 table (`nb201.h5`) indexed by ``NB201Space``.
    ///
    /// - Throws: ``TabularBenchmarkError`` naming the file and `Scripts/setup.sh` when it is missing.
    public static func nb201() throws -> TableIndex<NB201Space> {
        try nb201Index.get()
    }

    /// The NAS-Bench-Graph table (`graph.h5`, eight datasets) indexed by ``GraphSpace``.
    public static func graph() throws -> TableIndex<GraphSpace> {
        try graphIndex.get()
    }

    private static let nb201Index: Result<TableIndex<NB201Space>, TabularBenchmarkError> = Result {
        () throws(TabularBenchmarkError) in
        try TableIndex(
            table: .open(path: path("nb201.h5"), space: "nb201", recoverySuggestion: "run Scripts/setup.sh"),
            space: NB201Space())
    }

    private static let graphIndex: Result<TableIndex<GraphSpace>, TabularBenchmarkError> = Result {
        () throws(TabularBenchmarkError) in
        try TableIndex(
            table: .open(path: path("graph.h5"), space: "graph", recoverySuggestion: "run Scripts/setup.sh"),
            space: GraphSpace())
    }
}
