import NASSpaces
import TabularBenchmarks

/// Imports AnalogNAS-Bench (PyPI `analog-nasbench==0.1.3`, `analognasbench/data.anb`; Bessalah et al.,
/// "AnalogNAS-Bench: A NAS Benchmark for Analog In-Memory Computing", arXiv:2506.18495) into a second CIFAR-10
/// table of the NB201 space: all 15,625 cells with baseline, PTQ, QAT, noisy and analog accuracies and the
/// accuracies under conductance drift after 1 minute, 1 hour, 1 day and 30 days.
///
/// `Scripts/convert-analog-nasbench.py` reads the pickle (only Python reads pickles) and writes its numbers
/// unchanged to a CSV keyed by NASLib's 6-tuples; this importer checks the CSV's pinned checksum, converts each
/// tuple to a cell with ``NASSpaces/NB201Architecture/init(naslibOperationIndices:)`` (NASLib's edge order
/// 1<-0, 2<-0, 3<-0, 2<-1, 3<-1, 3<-2 and op order), writes the table, reads it back and compares every value,
/// and checks that the edge order is right on the data itself (``checkEdgeOrder(_:)``).
public enum AnalogNASBenchImporter {
    /// SHA-256 of the CSV that the converter writes from the pinned `data.anb`.
    public static let pinnedCSVSHA256 = "ec77ed716f35a03e3bcd80561b0b7c4e8bf01bc187d72f02b2cd6ffbf7474eb1"
    /// SHA-256 of `analognasbench/data.anb` in analog-nasbench 0.1.3.
    public static let pinnedDataSHA256 = "85f3435b877aa2d36268d55ce07f6ff6d73643d17a840f1941745da5eb80db32"
    /// SHA-256 of the wheel `analog_nasbench-0.1.3-py3-none-any.whl`.
    public static let pinnedWheelSHA256 = "f7d4e56e416d249d25555b867a6d7c72886fa9d85a49bd1870708acbf5ee6fe2"

    static let paper = "AnalogNAS-Bench (arXiv:2506.18495)"
    static let accuracyFields: [(String, String)] = [
        ("baseline_accuracy", "the network trained and evaluated in full precision on digital hardware"),
        ("ptq_accuracy", "after post-training quantization (PTQ)"),
        ("qat_accuracy", "after quantization-aware training (QAT)"),
        ("noisy_accuracy", "of the digitally trained weights on a simulated noisy analog in-memory computing (AIMC) "
            + "crossbar (IBM AIHWKit)"),
        ("analog_accuracy", "on simulated AIMC hardware of the network trained with hardware-aware training"),
    ]
    static let driftTimes = [(60, "1 minute"), (3600, "1 hour"), (86400, "1 day"), (2_592_000, "30 days")]

    static var layout: ColumnLayout {
        var entries = accuracyFields.map { field, meaning in
            ColumnLayout.Entry(
                field, dataset: "cifar10", unit: "%", columns: [field], direction: .maximize,
                description: "CIFAR-10 test accuracy \(meaning), as \(paper) reports it")
        }
        for kind in ["baseline", "analog"] {
            for (seconds, span) in driftTimes {
                let field = "\(kind)_drift_\(seconds)"
                let trained = kind == "baseline" ? "the baseline (digitally trained)" : "the hardware-aware trained"
                entries.append(ColumnLayout.Entry(
                    field + "s", dataset: "cifar10", unit: "%", columns: [field], direction: .maximize,
                    description: "CIFAR-10 test accuracy of \(trained) network on simulated AIMC hardware \(span) "
                        + "(\(seconds) s) after programming, under conductance drift: the value of the package's "
                        + "'value ± uncertainty' (\(paper))"))
                entries.append(ColumnLayout.Entry(
                    field + "s_uncertainty", dataset: "cifar10", unit: "%", columns: [field + "_uncertainty"],
                    description: "The uncertainty (±) the package gives with \(field)s"))
            }
        }
        return ColumnLayout(entries: entries)
    }

    /// Reads the converter's CSV, writes the table, reads it back and checks it.
    ///
    /// - Parameters:
    ///   - csvPath: The CSV written by `Scripts/convert-analog-nasbench.py`.
    ///   - outputPath: The table to write (`data/tables/nb201-analog.h5`).
    ///   - requirePinnedChecksum: Whether a CSV with another checksum is refused.
    ///   - importCommand: The command recorded in the table.
    /// - Throws: ``TabularImportError`` naming the first problem.
    public static func importTable(
        csvPath: String, outputPath: String, requirePinnedChecksum: Bool = true,
        importCommand: String = "nasrun import nb201-analog --csv analog-nasbench-0.1.3.csv"
    ) throws(TabularImportError) -> ImportReport {
        let source = try PinnedCSV(
            path: csvPath, pinnedSHA256: pinnedCSVSHA256, requirePinnedChecksum: requirePinnedChecksum,
            whereToFindIt: "write it with Scripts/convert-analog-nasbench.py (Scripts/import-tables.sh does)",
            whatToDoInstead: "(SearchSpaces/nb201/provenance.json); write it again with "
                + "Scripts/convert-analog-nasbench.py from analog-nasbench==0.1.3, or import it anyway with "
                + "--any-checksum")
        let (csv, checksum) = (source.table, source.checksum)
        let layout = layout
        try csv.requireHeader(["naslib_tuple"] + layout.columns)  // the converter's order
        let space = NB201Space()
        var architectures: [String] = []
        for (row, key) in try csv.texts(in: "naslib_tuple").enumerated() {
            let indices = key.split(separator: "-").map { Int($0) ?? -1 }
            guard let cell = NB201Architecture(naslibOperationIndices: indices) else {
                throw TabularImportError(
                    "\(csvPath) line \(row + 2): '\(key)' is not a NASLib 6-tuple of operations 0...4")
            }
            architectures.append(space.format(cell))
        }
        try NB201TextCheck.requireCanonicalCells(architectures, source: csvPath)
        var values: [String: [Double]] = [:]
        for column in layout.columns { values[column] = try csv.numbers(in: column) }

        let metadata = TabularMetadata(
            space: space.name,
            description: "AnalogNAS-Bench: all 15,625 NAS-Bench-201 cells retrained on CIFAR-10 and evaluated in "
                + "full precision, quantized, and on simulated analog in-memory computing hardware with noise and "
                + "conductance drift.",
            source: "PyPI analog-nasbench==0.1.3 (wheel SHA-256 \(pinnedWheelSHA256)), converted by "
                + "Scripts/convert-analog-nasbench.py to a CSV with SHA-256 \(checksum)",
            sourceFile: "analognasbench/data.anb", sourceSHA256: pinnedDataSHA256, importCommand: importCommand)
        let name = outputPath.split(separator: "/").last.map(String.init) ?? outputPath
        let table: TabularBenchmark
        do {
            table = try TabularBenchmark(
                name: name, metadata: metadata, architectures: architectures,
                datasetDescriptions: [
                    "cifar10": "CIFAR-10 (10 classes, 32x32), networks retrained by AnalogNAS-Bench; accuracies on "
                        + "the test set."
                ],
                metrics: layout.metricValues(from: values, rowCount: csv.rows.count))
            try table.write(to: outputPath)
        } catch {
            throw TabularImportError(error.message)
        }
        let readBack = try TableReadBack.open(outputPath, space: space.name, expecting: table)
        let compared = try layout.verify(readBack, against: values, rowCount: csv.rows.count)
        return ImportReport(
            tablePath: outputPath, rowCount: readBack.rowCount, metricCount: readBack.metrics.count,
            comparedValues: compared, sourceSHA256: checksum, checkedFacts: [try checkEdgeOrder(readBack)])
    }

    /// Checks NASLib's edge order on the data: of the six cells with one `nor_conv_3x3` edge and `none` on the
    /// others, only the one whose convolution is on edge 3<-0 (the only edge joining input and output alone)
    /// learns; the other five compute zero and score chance (10%).
    ///
    /// - Returns: The fact checked, as a line.
    /// - Throws: ``TabularImportError`` if another cell learns: the tuples were read in the wrong edge order.
    public static func checkEdgeOrder(_ table: TabularBenchmark) throws(TabularImportError) -> String {
        let space = NB201Space()
        let column: TabularColumn
        do {
            column = try table.column(metric: "baseline_accuracy", dataset: "cifar10")
        } catch {
            throw TabularImportError(error.message)
        }
        var learning: [String] = []
        for edge in 0..<NB201Architecture.edgeCount {
            let cell = NB201Architecture(repeating: .none).replacing(edge: edge, with: .convolution3x3)
            let row: Int
            do {
                row = try table.row(ofArchitecture: space.format(cell))
            } catch {
                throw TabularImportError(error.message)
            }
            if table[column, row] > 20 { learning.append("\(NB201Architecture.edges[edge])") }
        }
        guard learning == ["3<-0"] else {
            throw TabularImportError(
                "\(table.name): the single-convolution cells that learn are on edges \(learning), not only 3<-0; the "
                    + "NASLib tuples were read in the wrong edge order")
        }
        return "of the six one-convolution cells only the one on edge 3<-0 learns (NASLib's edge order holds)"
    }
}
