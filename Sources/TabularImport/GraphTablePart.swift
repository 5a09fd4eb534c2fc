import NASCore
import NASSpaces
import TabularBenchmarks

/// One of the two NAS-Bench-Graph tables: a space, its datasets, and their rows of the converter's CSV.
struct GraphTablePart {
    let space: GraphSpace
    let datasets: [String]
    let csv: CSVTable
    let rowsByDataset: [String: Range<Int>]

    /// The CSV fields and the metric each becomes: name, unit, direction, meaning.
    static func metricFields(proteins: Bool) -> [(field: String, name: String, unit: String, direction: TabularMetric.Direction?, meaning: String)] {
        let score = proteins ? "ROC-AUC (OGB's evaluator, averaged over the 112 tasks)" : "accuracy (fraction of nodes)"
        let prefix = proteins ? "roc_auc" : "accuracy"
        return [
            ("valid_perf", "valid_\(prefix)", "fraction", .maximize,
             "Validation \(score): the benchmark's 'valid_perf', the mean over its three seeds"),
            ("perf", "test_\(prefix)", "fraction", .maximize,
             "Test \(score): the benchmark's 'perf', the test score of the epoch with the best validation score, "
                + "mean over its three seeds"),
            ("latency", "latency", "s", .minimize,
             "Seconds of one full-graph inference pass, as the benchmark measured it ('latency')"),
            ("para", "parameters", "M", nil, "Trainable parameters in millions (count / 10^6; the benchmark's 'para')"),
        ]
    }

    static let datasetDescriptions = [
        "cora": "Cora citation graph (2,708 nodes, 7 classes), node classification on the standard Planetoid split.",
        "citeseer": "CiteSeer citation graph (3,327 nodes, 6 classes), node classification on the standard Planetoid split.",
        "pubmed": "PubMed citation graph (19,717 nodes, 3 classes), node classification on the standard Planetoid split.",
        "cs": "Coauthor CS co-authorship graph (18,333 nodes, 15 classes), node classification.",
        "physics": "Coauthor Physics co-authorship graph (34,493 nodes, 5 classes), node classification.",
        "photo": "Amazon Photo co-purchase graph (7,650 nodes, 8 classes), node classification.",
        "computers": "Amazon Computers co-purchase graph (13,752 nodes, 10 classes), node classification.",
        "arxiv": "ogbn-arxiv citation graph (169,343 nodes, 40 classes), node classification on OGB's time split.",
        "proteins": "ogbn-proteins protein association graph (132,534 nodes, 112 binary tasks), OGB's species split; "
            + "scores are ROC-AUC.",
    ]

    /// The pseudo-column of `field` for `dataset`: the file and field it comes from, the metric's `source`.
    static func column(_ field: String, dataset: String) -> String {
        let checksum = GraphBenchImporter.pinnedFiles.first { $0.dataset == dataset }!.sha256
        return "nas_bench_graph/light/\(dataset).bench (SHA-256 \(checksum)) field \(field)"
    }

    /// Checks that every dataset's keys are, in increasing order, exactly the space's canonical hashes, each
    /// parsing into an architecture whose key reproduces it.
    func checkKeys() throws(TabularImportError) {
        let expectedCount = space.architectureCount
        for dataset in datasets {
            let rows = rowsByDataset[dataset]!
            for (index, row) in rows.enumerated() {
                let text = csv.rows[row][1]
                guard let hash = Int(text) else {
                    throw TabularImportError("\(csv.path) line \(row + 2): the \(dataset) key '\(text)' is not an integer")
                }
                let architecture: GraphArchitecture
                do {
                    architecture = try space.architecture(benchmarkHash: hash)
                } catch {
                    throw TabularImportError("\(csv.path) line \(row + 2), \(dataset): \(error.message)")
                }
                guard space.key(of: architecture).rawValue == text else {
                    throw TabularImportError(
                        "\(csv.path) line \(row + 2), \(dataset): key \(text) reads as \(space.format(architecture)), "
                            + "whose key is \(space.key(of: architecture)); the space's hashing is wrong")
                }
                guard index < expectedCount, space.index(of: architecture) == index else {
                    throw TabularImportError(
                        "\(csv.path) line \(row + 2), \(dataset): key \(text) is out of order or repeated; a dataset "
                            + "lists each of the \(expectedCount) architectures of \(space.name) once, by increasing key")
                }
            }
            guard rows.count == expectedCount else {
                throw TabularImportError(
                    "\(csv.path) has \(rows.count) \(dataset) rows; \(space.name) has \(expectedCount) architectures, "
                        + "and the benchmark evaluated every one")
            }
        }
    }

    /// Writes the table, reads it back, compares every value and checks the facts.
    func write(to path: String, csvChecksum: String, checkFacts: Bool, importCommand: String)
        throws(TabularImportError) -> ImportReport
    {
        let proteins = datasets == [GraphBenchImporter.proteinsDataset]
        var entries: [ColumnLayout.Entry] = []
        var values: [String: [Double]] = [:]
        let position = try [
            "valid_perf": csv.position(of: "valid_perf"), "perf": csv.position(of: "perf"),
            "latency": csv.position(of: "latency"), "para": csv.position(of: "para"),
        ]
        for dataset in datasets {
            let rows = rowsByDataset[dataset]!
            for field in Self.metricFields(proteins: proteins) {
                let column = Self.column(field.field, dataset: dataset)
                entries.append(ColumnLayout.Entry(
                    field.name, dataset: dataset, unit: field.unit, columns: [column], direction: field.direction,
                    description: field.meaning))
                var numbers: [Double] = []
                numbers.reserveCapacity(rows.count)
                for row in rows {
                    let text = csv.rows[row][position[field.field]!]
                    guard let value = Double(text), value.isFinite else {
                        throw TabularImportError(
                            "\(csv.path) line \(row + 2), \(field.field): '\(text)' is not a finite number")
                    }
                    numbers.append(value)
                }
                values[column] = numbers
            }
        }
        let layout = ColumnLayout(entries: entries)
        let count = space.architectureCount
        let hashes = (0..<count).map { space.architecture(at: $0).benchmarkHash }
        let files = datasets.map { "nas_bench_graph/light/\($0).bench" }.joined(separator: ", ")
        let metadata = TabularMetadata(
            space: space.name,
            description: proteins
                ? "NAS-Bench-Graph on ogbn-proteins: the 2,021 architectures over gcn, sage, arma, fc and skip, with "
                    + "validation and test ROC-AUC, latency and parameters."
                : "NAS-Bench-Graph: all 26,206 architectures on eight node-classification datasets, with validation "
                    + "and test accuracy, latency and parameters.",
            source: "\(GraphBenchImporter.package) (wheel SHA-256 \(GraphBenchImporter.pinnedWheelSHA256)), converted "
                + "by Scripts/import-graph.py to a CSV with SHA-256 \(csvChecksum)",
            sourceFile: "nas_bench_graph-1.4.0-py3-none-any.whl: \(files)",
            sourceSHA256: GraphBenchImporter.pinnedWheelSHA256, importCommand: importCommand)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let table: TabularBenchmark
        do {
            table = try TabularBenchmark(
                name: name, metadata: metadata, architectures: (0..<count).map { space.format(space.architecture(at: $0)) },
                sourceIndices: hashes,
                datasetDescriptions: Dictionary(uniqueKeysWithValues: datasets.map { ($0, Self.datasetDescriptions[$0]!) }),
                metrics: layout.metricValues(from: values, rowCount: count))
            try table.write(to: path)
        } catch {
            throw TabularImportError(error.message)
        }
        let readBack = try TableReadBack.open(path, space: space.name, expecting: table)
        let compared = try layout.verify(readBack, against: values, rowCount: count)
        let facts = checkFacts ? try GraphReferenceFacts.check(readBack, space: space) : ["published facts not checked: the CSV is not the pinned one"]
        return ImportReport(
            tablePath: path, rowCount: readBack.rowCount, metricCount: readBack.metrics.count,
            comparedValues: compared, sourceSHA256: csvChecksum, checkedFacts: facts)
    }
}
