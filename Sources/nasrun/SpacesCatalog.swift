import ArgumentParser
import NASCore
import NASSpaces
import TabularBenchmarks

/// The search spaces the command line knows, by the name `SearchSpace.name` gives them.
enum SpaceName: String, CaseIterable, ExpressibleByArgument {
    case nb201
    case nb101
    case graph
    case graphProteins = "graph-proteins"

    /// One line on what the space is.
    var summary: String {
        switch self {
        case .nb201: "NAS-Bench-201 / NATS-Bench topology: 4-node cells, 6 edges, 5 operations (15,625 cells)"
        case .nb101: "NAS-Bench-101: 7-vertex cells, 3 operations, at most 9 edges (423,624 unique cells)"
        case .graph: "NAS-Bench-Graph: 4 GNN layers in 9 link patterns, 9 operations (26,206 architectures)"
        case .graphProteins: "NAS-Bench-Graph on ogbn-proteins: 5 operations (2,021 architectures)"
        }
    }

    /// Runs `body` with the concrete space, so generic code sees `some SearchSpace`.
    func withSpace<Result>(_ body: (any SearchSpace) throws -> Result) rethrows -> Result {
        switch self {
        case .nb201: try body(NB201Space())
        case .nb101: try body(NB101Space())
        case .graph: try body(GraphSpace())
        case .graphProteins: try body(GraphSpace.proteins)
        }
    }
}

/// Where the command line looks for tables, shared by the commands that read them.
struct TableOptions: ParsableArguments {
    @Option(help: "The directory of the tabular benchmarks (Scripts/setup.sh builds them there).")
    var tables = "data/tables"

    @Option(help: "One table file to use instead of those found in --tables.")
    var table: String?

    /// The tables of `space`: the one given with --table, or every `*.h5` in --tables whose space is `space`,
    /// `<space>.h5` first (the default table), then the others by name.
    func tables(of space: String) throws -> [TabularBenchmark] {
        if let table { return [try TabularBenchmark.open(path: table, space: space, recoverySuggestion: advice)] }
        return try TableDirectory.tables(in: tables).filter { $0.metadata.space == space }
    }

    /// The default table of `space`, or an error saying how to build one.
    func defaultTable(of space: String) throws -> TabularBenchmark {
        guard let first = try tables(of: space).first else {
            throw TabularBenchmarkError(
                "no table of space \(space) in \(tables)/; run Scripts/setup.sh (or nasrun import), or pass --table")
        }
        return first
    }

    var advice: String { "re-create it with Scripts/import-tables.sh" }
}
