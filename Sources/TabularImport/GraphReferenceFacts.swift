import NASSpaces
import TabularBenchmarks

/// Facts of NAS-Bench-Graph's pinned light tables, read with the benchmark's own loader (`light_read`, numpy's
/// unpickling) independently of NASKit's converter, and checked on every imported table:
///
/// - each dataset's best test score, its architecture's key (each maximum is unique), exactly;
/// - the four values of each dataset's first architecture (key 0, four parallel `gat` layers; key 1111, four
///   parallel `gcn` layers, for proteins), exactly.
enum GraphReferenceFacts {
    struct Best {
        let dataset: String
        let key: Int
        let test: Double
    }

    struct FirstRow {
        let dataset: String
        let key: Int
        let values: [Double]  // valid_perf, perf, latency, para
    }

    static let best = [
        Best(dataset: "cora", key: 77016, test: 0.8313333333333333),
        Best(dataset: "citeseer", key: 47206, test: 0.7156666666666666),
        Best(dataset: "pubmed", key: 21512, test: 0.786),
        Best(dataset: "cs", key: 21506, test: 0.9126239359987868),
        Best(dataset: "physics", key: 45155, test: 0.9300489637784851),
        Best(dataset: "photo", key: 30747, test: 0.9278961478763934),
        Best(dataset: "computers", key: 20407, test: 0.8558341743653443),
        Best(dataset: "arxiv", key: 81344, test: 0.723864782009341),
        Best(dataset: "proteins", key: 85414, test: 0.7926337187386987),
    ]

    static let firstRows = [
        FirstRow(dataset: "cora", key: 0, values: [0.7733333333333334, 0.797, 0.005922238032023112, 1.736711]),
        FirstRow(dataset: "citeseer", key: 0, values: [0.7026666666666666, 0.6693333333333333, 0.006242831548055013, 4.060934]),
        FirstRow(dataset: "pubmed", key: 0, values: [0.7793333333333333, 0.7690000000000001, 0.005223989486694336, 0.260099]),
        FirstRow(dataset: "cs", key: 0, values: [0.8913333333333333, 0.9001497658723387, 0.011380831400553385, 0.946959]),
        FirstRow(dataset: "physics", key: 0, values: [0.9046666666666666, 0.8731711590690069, 0.07548864682515462, 2.426885]),
        FirstRow(dataset: "photo", key: 0, values: [0.9276666666666666, 0.922016838342505, 0.006683031717936198, 0.388104]),
        FirstRow(dataset: "computers", key: 0, values: [0.8436666666666666, 0.7505369665916207, 0.006585518519083659, 0.083914]),
        FirstRow(dataset: "arxiv", key: 0, values: [0.6790000000000002, 0.6724687776474703, 0.10586023330688477, 0.13892]),
        FirstRow(dataset: "proteins", key: 1111, values: [0.7763333333333332, 0.7352624285044876, 0.0020090738932291665, 0.558704]),
    ]

    /// Checks the facts about the datasets `table` has.
    ///
    /// - Returns: One line per fact checked.
    /// - Throws: ``TabularImportError`` naming the first fact that does not hold.
    static func check(_ table: TabularBenchmark, space: GraphSpace) throws(TabularImportError) -> [String] {
        guard let hashes = table.sourceIndices else {
            throw TabularImportError("\(table.name) has no source indices (benchmark hashes)")
        }
        let score = space.name == GraphSpace.proteins.name ? "roc_auc" : "accuracy"
        let metrics = ["valid_\(score)", "test_\(score)", "latency", "parameters"]
        func column(_ metric: String, _ dataset: String) throws(TabularImportError) -> TabularColumn {
            do {
                return try table.column(metric: metric, dataset: dataset)
            } catch {
                throw TabularImportError(error.message)
            }
        }
        var lines: [String] = []
        for fact in best where table.datasets.contains(fact.dataset) {
            let test = try column("test_\(score)", fact.dataset)
            let maximum = (0..<table.rowCount).map { table[test, $0] }.max()!
            let keys = (0..<table.rowCount).filter { table[test, $0] == maximum }.map { hashes[$0] }
            guard keys == [fact.key], maximum == fact.test else {
                throw TabularImportError(
                    "\(table.name): the best \(fact.dataset) test score is \(maximum) at keys \(keys); the benchmark's "
                        + "is \(fact.test) at key \(fact.key) alone")
            }
            let text = (try? space.architecture(benchmarkHash: fact.key)).map(space.format) ?? "?"
            lines.append("best \(fact.dataset) test_\(score): key \(fact.key) (\(text)), \(fact.test)")
        }
        for fact in firstRows where table.datasets.contains(fact.dataset) {
            guard let row = hashes.firstIndex(of: fact.key) else {
                throw TabularImportError("\(table.name) has no row with key \(fact.key)")
            }
            var read: [Double] = []
            for metric in metrics { read.append(table[try column(metric, fact.dataset), row]) }
            guard read.map(\.bitPattern) == fact.values.map(\.bitPattern) else {
                throw TabularImportError(
                    "\(table.name): key \(fact.key) on \(fact.dataset) reads \(read); the benchmark holds \(fact.values)")
            }
            let listing = zip(metrics, fact.values).map { "\($0) \($1)" }.joined(separator: ", ")
            lines.append("\(fact.dataset) key \(fact.key): \(listing)")
        }
        return lines
    }
}
