import NASCore
import NASSpaces
import TabularBenchmarks

/// Imports NAS-Bench-Graph's light tables (PyPI `nas-bench-graph==1.4.0`, `nas_bench_graph/light/<dataset>.bench`;
/// Qin et al., NeurIPS 2022 Datasets and Benchmarks) into two tables: `graph.h5` (space `graph`, the eight
/// nine-operation datasets, 26,206 architectures) and `graph-proteins.h5` (space `graph-proteins`, ogbn-proteins,
/// 2,021 architectures over five operations). `SearchSpaces/graph/SCHEMA.md` lists the metrics.
///
/// `Scripts/import-graph.py` reads the pickles (only Python reads pickles) and writes their numbers unchanged to a
/// CSV, `dataset,key,valid_perf,perf,latency,para`, keyed by the benchmark's hash. This importer checks the CSV's
/// pinned checksum and header; that each dataset's keys are, in increasing order, exactly the hashes of the
/// space's canonical architectures (each key parses with ``NASSpaces/GraphSpace/architecture(benchmarkHash:)``
/// into an architecture whose ``NASSpaces/GraphSpace/key(of:)`` reproduces it); writes the tables with one row
/// per architecture in the space's index order and the hash as the row's source index; reads them back and
/// compares every value with the CSV's, bit for bit; and checks published facts of the pinned data.
public enum GraphBenchImporter {
    /// SHA-256 of the wheel `nas_bench_graph-1.4.0-py3-none-any.whl`.
    public static let pinnedWheelSHA256 = "f6ea43836262f1ee8d60c35bbbd20aa2536ee1f8492025e3b0b90096f5afc6ad"
    /// SHA-256 of the CSV that `Scripts/import-graph.py` writes from the pinned wheel.
    public static let pinnedCSVSHA256 = "311bca1c98cb9f3429a65d424616521eff6d2eaeabc35a84362e282f1726ac09"
    /// The benchmark's datasets in its order, with the SHA-256 of each `.bench` file in the pinned wheel.
    public static let pinnedFiles: [(dataset: String, sha256: String)] = [
        ("cora", "5e69b2f9bb08d8927d9ffd4921f8494a3cea349c9c3a461334cb9dc9e11701a8"),
        ("citeseer", "99c7f79b73372636305bf73fb32a58b63c57bd1871a152dd62ec72d984c8c50f"),
        ("pubmed", "10b4dcf6cfd3a24f6059f7d541a4a872960b4adac0b3dba26abed1bb9a3d904d"),
        ("cs", "71ae8469930517160b024f52db6000a4897f1aff5d765beb27bb60952ed5bd31"),
        ("physics", "1e309bafee0b832c8b84fa3c039c36992bc0a910238b128f26b7e9190d7f2aea"),
        ("photo", "5511b4dc3f63fa988792177227db7901290fb9b27fc6c02e3036b29e134ed6df"),
        ("computers", "fdb3dc0cf405d62322f0ab9614b2083c2a5e6576c2f43e4f2214be64bc62b1b3"),
        ("arxiv", "7ee21a7653297a806c0ed1be3efe6ecc06acc84e48e942da0bfde0e5d287debe"),
        ("proteins", "b9e7fb0902bda44fec32c948e5fde822fb22d38d674c52e43ace5197378f2d21"),
    ]
    /// The dataset whose table covers only the five proteins operations.
    public static let proteinsDataset = "proteins"
    /// The CSV's columns, in order.
    static let header = ["dataset", "key", "valid_perf", "perf", "latency", "para"]
    static let package = "PyPI nas-bench-graph==1.4.0"

    /// Reads the converter's CSV, writes both tables, reads them back and checks them.
    ///
    /// - Parameters:
    ///   - csvPath: The CSV written by `Scripts/import-graph.py` (`data/graph/nas-bench-graph-light.csv`).
    ///   - outputPath: The table of the eight nine-operation datasets (`data/tables/graph.h5`).
    ///   - proteinsOutputPath: The ogbn-proteins table (`data/tables/graph-proteins.h5`).
    ///   - requirePinnedChecksum: Whether a CSV with another checksum is refused (the published facts are checked
    ///     only on the pinned CSV).
    ///   - importCommand: The command recorded in the tables.
    /// - Returns: One report per table, `graph` first.
    /// - Throws: ``TabularImportError`` naming the first problem.
    public static func importTables(
        csvPath: String, outputPath: String, proteinsOutputPath: String, requirePinnedChecksum: Bool = true,
        importCommand: String = "Scripts/import-graph.sh"
    ) throws(TabularImportError) -> [ImportReport] {
        let source = try PinnedCSV(
            path: csvPath, pinnedSHA256: pinnedCSVSHA256, requirePinnedChecksum: requirePinnedChecksum,
            whereToFindIt: "write it with Scripts/import-graph.py from nas-bench-graph==1.4.0 (Scripts/import-graph.sh does)",
            whatToDoInstead: "(SearchSpaces/graph/provenance.json); write it again with Scripts/import-graph.py from "
                + "nas-bench-graph==1.4.0, or import it anyway with --any-checksum")
        let (csv, checksum) = (source.table, source.checksum)
        let pinned = checksum == pinnedCSVSHA256
        try csv.requireHeader(header)
        let rowsByDataset = try rowsByDataset(in: csv)
        var reports: [ImportReport] = []
        for (space, datasets, path) in [
            (GraphSpace(), pinnedFiles.map(\.dataset).filter { $0 != proteinsDataset }, outputPath),
            (GraphSpace.proteins, [proteinsDataset], proteinsOutputPath),
        ] {
            let part = GraphTablePart(space: space, datasets: datasets, csv: csv, rowsByDataset: rowsByDataset)
            try part.checkKeys()
            reports.append(
                try part.write(
                    to: path, csvChecksum: checksum, checkFacts: pinned, importCommand: importCommand))
        }
        return reports
    }

    /// The CSV's rows of each dataset, in file order; the datasets must be the benchmark's nine, in its order.
    static func rowsByDataset(in csv: CSVTable) throws(TabularImportError) -> [String: Range<Int>] {
        var ranges: [String: Range<Int>] = [:]
        var order: [String] = []
        var start = 0
        for row in csv.rows.indices where row + 1 == csv.rows.count || csv.rows[row + 1][0] != csv.rows[row][0] {
            let dataset = String(csv.rows[row][0])
            guard ranges[dataset] == nil else {
                throw TabularImportError(
                    "\(csv.path): the rows of \(dataset) are not contiguous (line \(start + 2)); write the CSV again "
                        + "with Scripts/import-graph.py")
            }
            ranges[dataset] = start..<(row + 1)
            order.append(dataset)
            start = row + 1
        }
        let expected = pinnedFiles.map(\.dataset)
        guard order == expected else {
            throw TabularImportError(
                "\(csv.path) holds the datasets \(order.joined(separator: ", ")); expected \(expected.joined(separator: ", ")) "
                    + "in that order; write it again with Scripts/import-graph.py")
        }
        return ranges
    }
}
