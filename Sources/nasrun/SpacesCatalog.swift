import ArgumentParser
import NASCore
import NASModels
import NASSpaces
import Seeding
import TabularBenchmarks

/// The search spaces the command line knows, by the name `SearchSpace.name` gives them.
enum SpaceName: String, CaseIterable, ExpressibleByArgument {
    case nb201
    case nb101
    case graph
    case graphProteins = "graph-proteins"
    case darts
    case mnasnet
    case size

    /// One line on what the space is, with its size.
    ///
    /// DARTS: (2·1 · 3·2 · 4·3 · 5·4 / 2⁴ input pairs × 7⁸ operations)² = (180 · 5,764,801)² canonical genotypes
    /// (each node's two pairs unordered; `SearchSpaces/darts/SPACE.md`). MnasNet: 72 choices in each of 7 blocks.
    var summary: String {
        switch self {
        case .nb201: "NAS-Bench-201 / NATS-Bench topology: 4-node cells, 6 edges, 5 operations (15,625 cells)"
        case .nb101: "NAS-Bench-101: 7-vertex cells, 3 operations, at most 9 edges (423,624 unique cells)"
        case .graph: "NAS-Bench-Graph: 4 GNN layers in 9 link patterns, 9 operations (26,206 architectures)"
        case .graphProteins: "NAS-Bench-Graph on ogbn-proteins: 5 operations (2,021 architectures)"
        case .darts:
            "DARTS cells: normal and reduction cells, 4 nodes of 2 inputs, 7 operations "
                + "(1,076,746,950,455,072,400 ≈ 1.1·10^18 genotypes)"
        case .mnasnet:
            "MnasNet-like: 7 blocks of MBConv layers, each choosing layers, expansion, kernel, SE and skip "
                + "(72^7 ≈ 1.0·10^13 networks)"
        case .size: "NATS-Bench size: the best NB201 cell in 5 layers of 8 to 64 channels (32,768 networks)"
        }
    }

    /// What `nasrun spaces` says of a space without a table in the directory searched.
    func missingTableNote(directory: String) -> String {
        switch self {
        case .nb201, .nb101, .graph, .graphProteins: "no table in \(directory)/"
        case .size:
            "no table in \(directory)/; make one with nasrun tabulate --space size and nasrun tabulate-merge "
                + "(SearchSpaces/size/SPACE.md)"
        case .darts, .mnasnet: "no tabular benchmark: its networks are trained (nasrun show gives their size)"
        }
    }

    /// Runs `body` with the concrete space, so generic code sees `some SearchSpace`.
    func withSpace<Result>(_ body: (any SearchSpace) throws -> Result) rethrows -> Result {
        switch self {
        case .nb201: try body(NB201Space())
        case .nb101: try body(NB101Space())
        case .graph: try body(GraphSpace())
        case .graphProteins: try body(GraphSpace.proteins)
        case .darts: try body(DARTSSpace())
        case .mnasnet: try body(MnasNetSpace())
        case .size: try body(SizeSpace())
        }
    }

    /// The network the space's builder makes for `architecture` (one of the space's), described, with its
    /// trainable parameters and multiply-adds per image; `nil` for spaces whose networks `nasrun show` does not
    /// build (the tabular ones, whose tables hold their size).
    ///
    /// DARTS: `DARTSNetwork` at its CPU-sized default (C = 16, 8 cells, no auxiliary head) on 32x32 CIFAR-10
    /// images; MnasNet: `MnasNetNetwork` on its space's skeleton (32x32, 10 classes); size: `SizeNetwork` on
    /// CIFAR-10 (3 channels, 32x32, 10 classes). Counts do not depend on the weights' values (seed 0).
    func network(of architecture: Any) -> (description: String, cost: ModelCost)? {
        var rng = Xoshiro256(seed: 0)
        switch self {
        case .nb201, .nb101, .graph, .graphProteins:
            return nil
        case .darts:
            let network = DARTSNetwork(architecture: architecture as! DARTSArchitecture, using: &rng)
            let configuration = network.configuration
            return (
                "DARTSNetwork, C = \(configuration.initialChannels), \(configuration.layers) cells, CIFAR-10 32x32",
                network.cost())
        case .mnasnet:
            let network = MnasNetNetwork(architecture: architecture as! MnasNetArchitecture, using: &rng)
            let side = network.skeleton.inputResolution
            return ("MnasNetNetwork, CIFAR skeleton, 10 classes, \(side)x\(side)", network.cost())
        case .size:
            let network = SizeNetwork(architecture: architecture as! SizeArchitecture, using: &rng)
            return ("SizeNetwork, CIFAR-10 32x32", network.cost())
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
