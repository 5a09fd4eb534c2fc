import Foundation
import Testing

/// Whether this build's nasrun has the table subcommands (registered in NASRun.swift's subcommand list).
let nasrunHasTableCommands = (try? CommandLineRunner.run(["spaces", "--tables", "/nonexistent"]).status) == 0

/// The shared data folder's NAS-Bench-201 CSV, when this machine has it.
let sharedNB201CSVPath = "../shared/data/nb201/nb201_tss.csv"

/// The commands over tabular benchmarks: import, spaces, best, show; their exact output and exit codes.
@Suite(
    "nasrun spaces, show, best, import", .serialized,
    .enabled(if: nasrunHasTableCommands, "NASRun.swift does not list the table subcommands yet"))
struct TablesCommandTests {
    static let bestCell =
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"

    /// A temporary tables directory, removed at the end.
    final class Tables {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-tables-\(UUID())").path
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test(
        "import nb201 reports the values compared and the facts; best prints the tie at the top; show lists metrics",
        .enabled(if: FileManager.default.fileExists(atPath: sharedNB201CSVPath), "needs ../shared/data"))
    func importBestShow() throws {
        let tables = Tables()
        let imported = try CommandLineRunner.run(
            ["import", "nb201", "--csv", sharedNB201CSVPath, "--output", tables.path + "/nb201.h5"])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.split(separator: "\n").map(String.init) == [
            "wrote \(tables.path)/nb201.h5: 15625 architectures, 10 metrics",
            "source SHA-256 fea878623f7a83d1efbec83f0ac1244e732fda8850471455006e426b224939fd",
            "read back 203125 values: all equal to the source's",
            "checked: best cifar10 test accuracy after 200 epochs: index 6111, 94.37333333 (tied with index 13714)",
            "checked: best cifar100 test accuracy after 200 epochs: index 9930, 73.51333326",
            "checked: best ImageNet16-120 test accuracy after 200 epochs: index 857, 47.31111106",
            "checked: index 1835 is the all-skip_connect cell: ImageNet16-120 16.3222222, cifar10 54.29666667, "
                + "cifar100 15.60666666",
            "checked: Spearman rank correlation of 12-epoch CIFAR-10 validation and 200-epoch test accuracy: "
                + "0.7718223957637005",
        ])

        let best = try CommandLineRunner.run(["best", "--space", "nb201", "--dataset", "cifar10", "--tables", tables.path])
        #expect(best.status == 0, "\(best.standardError)")
        #expect(best.standardOutput == """
            nb201.h5: cifar10/test_accuracy@200 (%, maximize), 15625 architectures
            1  94.37333333  index 6111  \(Self.bestCell)
            1  94.37333333  index 13714  |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|

            """)

        let show = try CommandLineRunner.run(["show", "--space", "nb201", Self.bestCell, "--tables", tables.path])
        #expect(show.status == 0, "\(show.standardError)")
        let lines = show.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.prefix(4) == [
            "space: nb201", "text: \(Self.bestCell)",
            "key: conv1x1(conv3x3(conv3x3(x))+conv3x3(x))+conv3x3(conv3x3(x))+x", "index: 11667 of 15625",
        ])
        #expect(lines.contains("nb201.h5 (row 6111, source index 6111):"))
        #expect(lines.contains("  cifar10/test_accuracy@200 = 94.37333333 %"))
        #expect(lines.contains("  cifar10/test_accuracy@12 = 88.79 %"))
        #expect(lines.contains("  cifar100/latency_pixel_litert = 10.4134 ms"))

        let unknownDataset = try CommandLineRunner.run(
            ["best", "--space", "nb201", "--dataset", "cifar-10", "--tables", tables.path])
        #expect(unknownDataset.status == 1)
        #expect(unknownDataset.standardError
            == "Error: nb201.h5 has no dataset 'cifar-10' (datasets: ImageNet16-120, cifar10, cifar100)\n")

        let unknownMetric = try CommandLineRunner.run(
            ["best", "--space", "nb201", "--dataset", "cifar10", "--metric", "val_acc", "--tables", tables.path])
        #expect(unknownMetric.status == 1)
        #expect(unknownMetric.standardError == "Error: nb201.h5 has no metric 'val_acc' for cifar10 (metrics: "
            + "test_accuracy (%, epochs 12, 200), test_accuracy_v1_0 (%, epochs 200), valid_accuracy (%, epochs 12))\n")

        let unknownEpoch = try CommandLineRunner.run(
            ["best", "--space", "nb201", "--dataset", "cifar10", "--epoch", "100", "--tables", tables.path])
        #expect(unknownEpoch.status == 1)
        #expect(unknownEpoch.standardError
            == "Error: nb201.h5: cifar10/test_accuracy is stored at epochs 12, 200; there is no epoch 100\n")

        let otherSpace = try CommandLineRunner.run(
            ["best", "--space", "nb101", "--dataset", "cifar10", "--table", tables.path + "/nb201.h5"])
        #expect(otherSpace.status == 1)
        #expect(otherSpace.standardError == "Error: nb201.h5 is a table of space nb201, not nb101; choose a table of nb101\n")

        // A truncated copy is refused with the reason.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: tables.path + "/nb201.h5"))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: tables.path + "/cut.h5"))
        let truncated = try CommandLineRunner.run(
            ["best", "--space", "nb201", "--dataset", "cifar10", "--table", tables.path + "/cut.h5"])
        #expect(truncated.status == 1)
        #expect(truncated.standardError.hasPrefix(
            "Error: cannot open the tabular benchmark: \(tables.path)/cut.h5 is not an HDF5 file (or is truncated)"))
    }

    @Test("an invalid architecture names what is wrong and exits with 1")
    func invalidArchitecture() throws {
        let wrongOperation = try CommandLineRunner.run(
            ["show", "--space", "nb201", "|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|", "--tables", "/nonexistent"])
        #expect(wrongOperation.status == 1)
        #expect(wrongOperation.standardError.hasPrefix("Error: nb201: unknown operation \"conv\""))
        let wrongNode = try CommandLineRunner.run(
            ["show", "--space", "nb201", "|none~1|+|none~0|none~1|+|none~0|none~1|none~2|", "--tables", "/nonexistent"])
        #expect(wrongNode.status == 1)
        #expect(wrongNode.standardError.hasPrefix("Error: nb201: node 1's input 1 of 1 is from node ~1, expected ~0"))
        let tooFewEdges = try CommandLineRunner.run(
            ["show", "--space", "nb201", "|none~0|+|none~0|none~1|+|none~0|none~1|", "--tables", "/nonexistent"])
        #expect(tooFewEdges.status == 1)
        #expect(tooFewEdges.standardError.hasPrefix("Error: nb201: node 3 has 2 inputs, it needs 3"))
    }

    @Test("an unknown space lists the spaces and exits with 64")
    func unknownSpace() throws {
        let result = try CommandLineRunner.run(["best", "--space", "nb999", "--dataset", "cifar10"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix(
            "Error: The value 'nb999' is invalid for '--space <space>'. Please provide one of the following:\n"
                + "  - nb201\n  - nb101\n  - graph\n  - graph-proteins\n  - darts\n  - mnasnet\n  - size\n"))
    }

    @Test("without tables, spaces lists every space and best says how to build one")
    func noTables() throws {
        let spaces = try CommandLineRunner.run(["spaces", "--tables", "/nonexistent"])
        #expect(spaces.status == 0)
        #expect(spaces.standardOutput.hasPrefix(
            "nb201: NAS-Bench-201 / NATS-Bench topology: 4-node cells, 6 edges, 5 operations (15,625 cells)\n"
                + "  no table in /nonexistent/\n"))
        let best = try CommandLineRunner.run(["best", "--space", "nb201", "--dataset", "cifar10", "--tables", "/nonexistent"])
        #expect(best.status == 1)
        #expect(best.standardError
            == "Error: no table of space nb201 in /nonexistent/; run Scripts/setup.sh (or nasrun import), or pass --table\n")
    }

    @Test("a table missing a metric: import directory builds it, best asks for the metric and lists those there")
    func missingMetric() throws {
        let tables = Tables()
        let source = tables.path + "/source"
        try FileManager.default.createDirectory(atPath: source + "/cifar10", withIntermediateDirectories: true)
        try """
            {"format": "naskit-tabular-source", "version": 1, "space": "nb201", "description": "One cell.",
             "source": "tests", "source_file": "none", "source_sha256": "00", "import_command": "swift test",
             "rows": "rows.csv", "datasets": {"cifar10": "CIFAR-10."},
             "metrics": [{"dataset": "cifar10", "name": "test_accuracy", "unit": "%", "description": "Accuracy.",
                          "source": "tests", "file": "cifar10/test_accuracy.csv", "epochs": [12, 200],
                          "epoch_meaning": "budget", "direction": "maximize"}]}
            """.write(toFile: source + "/manifest.json", atomically: true, encoding: .utf8)
        try "index,arch\n7,\(Self.bestCell)\n".write(toFile: source + "/rows.csv", atomically: true, encoding: .utf8)
        try "80.5,90.25\n".write(toFile: source + "/cifar10/test_accuracy.csv", atomically: true, encoding: .utf8)
        let imported = try CommandLineRunner.run(
            ["import", "directory", "--directory", source, "--output", tables.path + "/nb201.h5"])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasPrefix("wrote \(tables.path)/nb201.h5: 1 architectures, 1 metrics\n"))
        let best = try CommandLineRunner.run(
            ["best", "--space", "nb201", "--dataset", "cifar10", "--metric", "valid_accuracy", "--tables", tables.path])
        #expect(best.status == 1)
        #expect(best.standardError
            == "Error: nb201.h5 has no metric 'valid_accuracy' for cifar10 (metrics: test_accuracy (%, epochs 12, 200))\n")
        let found = try CommandLineRunner.run(["best", "--space", "nb201", "--dataset", "cifar10", "--tables", tables.path])
        #expect(found.standardOutput.hasSuffix("1  90.25  index 7  \(Self.bestCell)\n"))
    }

    @Test("a file that is not a table, or a CSV with the wrong checksum, is refused")
    func badFiles() throws {
        let tables = Tables()
        try FileManager.default.createDirectory(atPath: tables.path, withIntermediateDirectories: true)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: tables.path + "/nb201.h5"))
        let garbage = try CommandLineRunner.run(["spaces", "--tables", tables.path])
        #expect(garbage.status == 1)
        #expect(garbage.standardError == "Error: cannot open the tabular benchmark: \(tables.path)/nb201.h5 is not an "
            + "HDF5 file (or is truncated): no HDF5 signature found; re-create it\n")
        try Data("index,arch\n".utf8).write(to: URL(fileURLWithPath: tables.path + "/other.csv"))
        let csv = try CommandLineRunner.run(
            ["import", "nb201", "--csv", tables.path + "/other.csv", "--output", tables.path + "/out.h5"])
        #expect(csv.status == 1)
        #expect(csv.standardError.contains("not the pinned fea878623f7a83d1efbec83f0ac1244e732fda8850471455006e426b224939fd"))
        #expect(!FileManager.default.fileExists(atPath: tables.path + "/out.h5"))
    }
}
