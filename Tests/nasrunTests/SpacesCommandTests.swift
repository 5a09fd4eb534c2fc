import Foundation
import Testing

/// `nasrun spaces`, `nasrun show` and `nasrun search` on the trainable spaces (darts, mnasnet, size): exact output
/// of the built binary. The sizes shown are those the spaces' specifications give (SearchSpaces/<space>/SPACE.md):
/// DARTS_V2 at DARTSNetwork's CPU-sized default 246,106 parameters, the smallest MnasNet-like network 135,082,
/// NATS-Bench's `8:8:40:32:40` its published 144,834.
@Suite("nasrun spaces, show and search on the darts, mnasnet and size spaces")
struct SpacesCommandTests {
    /// A temporary directory, removed at the end.
    final class Directory {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-spaces-\(UUID())").path
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// DARTS_V2 as `genotypes.py` prints it.
    static let dartsV2 =
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
        + "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], "
        + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), "
        + "('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], "
        + "reduce_concat=[2, 3, 4, 5])"

    @Test("spaces lists darts, mnasnet and size with their sizes, and says which have no table and how to make one")
    func spaces() throws {
        let result = try CommandLineRunner.run(["spaces", "--tables", "/nonexistent"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let expected: [String] = [
            "darts: DARTS cells: normal and reduction cells, 4 nodes of 2 inputs, 7 operations "
                + "(1,076,746,950,455,072,400 ≈ 1.1·10^18 genotypes)",
            "  no tabular benchmark: its networks are trained (nasrun show gives their size)",
            "mnasnet: MnasNet-like: 7 blocks of MBConv layers, each choosing layers, expansion, kernel, SE and skip "
                + "(72^7 ≈ 1.0·10^13 networks)",
            "  no tabular benchmark: its networks are trained (nasrun show gives their size)",
            "size: NATS-Bench size: the best NB201 cell in 5 layers of 8 to 64 channels (32,768 networks)",
            "  no table in /nonexistent/; make one with nasrun tabulate --space size and nasrun tabulate-merge "
                + "(SearchSpaces/size/SPACE.md)",
        ]
        #expect(Array(lines.suffix(6)) == expected)
    }

    @Test("show --space size: text, key, index, one-hot and SizeNetwork's size on CIFAR-10 (NATS-Bench's 144,834)")
    func showSize() throws {
        let result = try CommandLineRunner.run(["show", "--space", "size", "8:8:40:32:40", "--tables", "/nonexistent"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            space: size
            text: 8:8:40:32:40
            key: 8:8:40:32:40
            index: 284 of 32768
            one-hot (40): 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 1 0 0 0
            network: SizeNetwork, CIFAR-10 32x32
            parameters: 144834
            multiply-adds: 21827994

            """)
    }

    @Test("show --space mnasnet: the smallest network's one-hot and MnasNetNetwork's size (SPACE.md's 135,082)")
    func showMnasNet() throws {
        let smallest = Array(repeating: "e1k3se0n1-", count: 7).joined(separator: "|")
        let result = try CommandLineRunner.run(["show", "--space", "mnasnet", smallest, "--tables", "/nonexistent"])
        #expect(result.status == 0, "\(result.standardError)")
        let block = "1 0 0 1 0 0 1 0 1 0 1 0"  // 1 layer, expansion 1, kernel 3, no SE, no skip
        #expect(result.standardOutput == """
            space: mnasnet
            text: \(smallest)
            key: \(smallest)
            one-hot (84): \(Array(repeating: block, count: 7).joined(separator: " "))
            network: MnasNetNetwork, CIFAR skeleton, 10 classes, 32x32
            parameters: 135082
            multiply-adds: 3243402

            """)
    }

    @Test("show --space darts: DARTS_V2's canonical key, encodings and DARTSNetwork's CPU-sized default (246,106)")
    func showDARTS() throws {
        let result = try CommandLineRunner.run(["show", "--space", "darts", Self.dartsV2, "--tables", "/nonexistent"])
        #expect(result.status == 0, "\(result.standardError)")
        // The key orders each node's two pairs by input: node 4's (sep_conv_3x3, 1), (skip_connect, 0) swap.
        let key =
            "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
            + "('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('dil_conv_3x3', 2)], "
            + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 1), "
            + "('skip_connect', 2), ('max_pool_3x3', 0), ('skip_connect', 2), ('max_pool_3x3', 1), "
            + "('skip_connect', 2)], reduce_concat=[2, 3, 4, 5])"
        #expect(result.standardOutput == """
            space: darts
            text: \(Self.dartsV2)
            key: \(key)
            one-hot (192, nonzero at): 0 5 12 16 25 32 39 51 57 63 84 94 96 98 105 117 120 125 133 144 153 167 180 185
            adjacency-one-hot (154, nonzero at): 1 2 3 4 6 7 8 13 14 17 19 20 24 31 38 45 51 59 65 75 78 80 83 84 86 88 89 90 91 94 96 97 98 105 112 121 126 135 140 149
            path (11204, nonzero at): 3 4 46 2805 2847 5603 5624 8404 8425
            network: DARTSNetwork, C = 16, 8 cells, CIFAR-10 32x32
            parameters: 246106
            multiply-adds: 43444746

            """)
    }

    @Test("search --space size without a table says how to train one; darts and mnasnet have no table to search")
    func searchRefusals() throws {
        let directory = Directory()  // an empty working directory: no data/tables/ there
        let missing = try CommandLineRunner.run(
            ["search", "--space", "size", "--optimizer", "random-search", "--output", "runs"],
            in: URL(fileURLWithPath: directory.path))
        #expect(missing.status == 1)
        let advice: String =
            "Error: no tabular benchmark at data/tables/size-fashion-mnist.h5; train one with nasrun tabulate --space "
            + "size --output data/tabulations/size-fashion-mnist --architectures sample:300:0 --epochs 12, then "
            + "nasrun tabulate-merge data/tabulations/size-fashion-mnist --output data/tables/size-fashion-mnist.h5 "
            + "(SearchSpaces/size/SPACE.md), or give another with --table\n"
        #expect(missing.standardError == advice)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/runs"))
        for space in ["darts", "mnasnet"] {
            let result = try CommandLineRunner.run(
                ["search", "--space", space, "--output", "runs"], in: URL(fileURLWithPath: directory.path))
            #expect(result.status == 1)
            let refusal: String =
                "Error: unknown space '\(space)' (\(space) has no tabular benchmark to search on); choose one of: "
                + "nb201, graph, graph-proteins, size\n"
            #expect(result.standardError == refusal)
        }
    }

    /// `nasrun tabulate --space size` on real Fashion-MNIST at SizeTabulationTests' size (the two narrow networks
    /// sample seed 25 draws, 1 epoch, 8x8 images, 60/20/40 images: a few seconds in debug), `tabulate-merge`, then
    /// `nasrun search --space size --table` with random search.
    @Test(
        "search --space size --table runs on a table made by nasrun tabulate --space size and tabulate-merge",
        .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist"), "needs Fashion-MNIST"))
    func searchTabulatedTable() throws {
        let directory = Directory()
        let rows = directory.path + "/rows"
        let table = directory.path + "/size.h5"
        let tabulate = try CommandLineRunner.run([
            "tabulate", "--space", "size", "--output", rows, "--architectures", "sample:2:25", "--epochs", "1",
            "--resolution", "8", "--training-images", "60", "--validation-images", "20", "--test-images", "40",
            "--batch-size", "30", "--workers", "1",
        ])
        #expect(tabulate.status == 0, "\(tabulate.standardError)")
        let merge = try CommandLineRunner.run(["tabulate-merge", rows, "--output", table])
        #expect(merge.status == 0, "\(merge.standardError)")

        let output = directory.path + "/runs"
        let search = try CommandLineRunner.run([
            "search", "--space", "size", "--table", table, "--optimizer", "random-search", "--queries", "4",
            "--quiet", "--output", output,
        ])
        #expect(search.status == 0, "\(search.standardError)")
        let lines = search.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "best architecture (size, fashion-mnist, random-search, seed 0):")
        // Random search samples the whole space; only the table's two networks can be answered and found best.
        #expect(["  16:16:32:40:40", "  16:40:8:16:16"].contains(lines.dropFirst().first ?? ""))
        #expect(lines.last == "  results: \(output)/size/fashion-mnist/random-search/seed-0/run.json")
    }
}
