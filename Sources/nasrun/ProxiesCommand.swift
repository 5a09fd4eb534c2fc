import ArgumentParser
import Datasets
import Foundation
import Layers
import NASModels
import NASSpaces
import Predictors
import Seeding
import TabularBenchmarks
import Tabulation
import Tensors

/// `nasrun proxies`: zero-cost proxies of NAS-Bench-201 cells at initialisation, and their Spearman rank
/// correlation with the table's CIFAR-10 200-epoch test accuracy (Abdelfattah et al. 2021; see
/// Docs/Predictors/ZeroCostProxies.md).
struct ProxiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxies",
        abstract: "Score NB201 cells with zero-cost proxies and print each proxy's Spearman rank correlation.")

    @Option(help: "The search space (only nb201).")
    var space: SpaceName = .nb201

    @Option(help: "How many cells, drawn without replacement from the seed (default: all 15,625).")
    var sample: Int?

    @Option(help: "The seed of the cell sample, the mini-batch, every network's initial weights and zen's draws.")
    var seed: UInt64 = 0

    @Option(help: "Comma-separated proxies (default: all): \(ProxiesCommand.allProxies).")
    var proxies: String = ProxiesCommand.allProxies

    /// Every proxy's name, comma-separated.
    static let allProxies = ZeroCostProxy.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "A CIFAR-10 binary batch file for the data-dependent proxies' mini-batch.")
    var data = "../shared/data/cifar10_jpeg/data_batch_1.bin"

    @Option(help: "The mini-batch size (zero-cost-nas: 64).")
    var batchSize = 64

    @Option(help: "C, the network's stem channels (NAS-Bench-201: 16).")
    var stemChannels = 16

    @Option(help: "N, the cells per stage (NAS-Bench-201: 5).")
    var cellsPerStage = 5

    @Option(help: "Write one row per cell (index, architecture, accuracy, scores) to this CSV file.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "A tabulation directory (nasrun tabulate): score the cells of --table, its merged table, on the network and data it trained.",
            discussion: "The networks follow the tabulation's stem channels, cells per stage and resolution; the mini-batch comes from its training images; the accuracy is the table's last-epoch test accuracy."))
    var tabulation: String?

    @OptionGroup var location: TableOptions

    func validate() throws {
        if space != .nb201 { throw ValidationError("--space: zero-cost proxies are implemented for nb201 only") }
        if let sample, sample < 2 || sample > NB201Architecture.cellCount {
            throw ValidationError("--sample must be in 2...\(NB201Architecture.cellCount), got \(sample)")
        }
        if batchSize < 2 { throw ValidationError("--batch-size must be at least 2, got \(batchSize)") }
        _ = try chosenProxies()
    }

    func chosenProxies() throws -> [ZeroCostProxy] {
        try ZeroCostProxy.list(proxies, option: "--proxies")
    }

    /// Where the cells, their accuracies, the network and the batch come from.
    struct Setting {
        var cells: [Int]
        var column: TabularColumn
        var accuracyName: String
        var configuration: NB201NetworkConfiguration
        var inputShape: [Int]
        var batchDescription: String
    }

    func run() throws {
        let chosen = try chosenProxies()
        let usesData = chosen.contains(where: \.usesDataBatch)
        let index: TableIndex<NB201Space>
        let setting: Setting
        var batch: ZeroCostBatch?
        if let tabulation {
            guard location.table != nil else {
                throw ValidationError("--tabulation scores the cells of a merged table: give it with --table")
            }
            index = try TableIndex(table: location.defaultTable(of: space.rawValue), space: NB201Space())
            let specification = try TabulationDirectory.open(at: tabulation).specification
            let data = try TabulationData(specification)
            let cells = try (index.table.sourceIndices ?? []).isEmpty
                ? (0..<index.table.rowCount).map { index.space.index(of: try index.space.parse(index.table.architectures[$0])) }
                : index.table.sourceIndices!
            let accuracy = try index.table.metric("test_accuracy", dataset: specification.dataset)
            setting = Setting(
                cells: Array(cells.prefix(sample ?? cells.count)),
                column: try index.table.column(metric: "test_accuracy", dataset: specification.dataset),
                accuracyName: "\(specification.dataset)_test_accuracy_\(accuracy.epochs?.last ?? 0)",
                configuration: NB201NetworkConfiguration(
                    stemChannels: specification.stemChannels, cellsPerStage: specification.cellsPerStage,
                    classes: data.training.classCount, inputChannels: data.training.imageShape[0]),
                inputShape: data.training.imageShape,
                batchDescription: "\(specification.dataset) training images of \(tabulation)")
            if usesData { batch = Self.batch(of: data.training, size: batchSize, seed: seed) }
        } else {
            index = try TableIndex(table: location.defaultTable(of: space.rawValue), space: NB201Space())
            var sampler = Xoshiro256(seed: seed)
            var cells = Array(0..<index.space.architectureCount)
            cells.seededShuffle(using: &sampler)
            setting = Setting(
                cells: Array(cells.prefix(sample ?? cells.count)),
                column: try index.table.column(metric: "test_accuracy", dataset: "cifar10", epoch: 200),
                accuracyName: "cifar10_test_accuracy_200",
                configuration: NB201NetworkConfiguration(stemChannels: stemChannels, cellsPerStage: cellsPerStage),
                inputShape: [3, 32, 32], batchDescription: "CIFAR-10 images from \(data)")
            if usesData { batch = try loadBatch() }
        }
        let chosenCells = setting.cells
        let column = setting.column
        let configuration = setting.configuration
        emit(
            "nasrun proxies: \(chosenCells.count) NB201 cells (seed \(seed)), "
                + "network C=\(configuration.stemChannels) N=\(configuration.cellsPerStage), "
                + (batch.map { "batch of \($0.count) \(setting.batchDescription)" } ?? "no data batch"))

        var scores = [[Double]](repeating: [], count: chosen.count)
        var seconds = [Double](repeating: 0, count: chosen.count)
        var accuracies: [Double] = []
        var rows: [String] = []
        let clock = ContinuousClock()
        for (position, cell) in chosenCells.enumerated() {
            let architecture = index.space.architecture(at: cell)
            var base = Xoshiro256(seed: seed)
            var rng = base.child("network \(cell)")
            let network = NB201Network(architecture: architecture, configuration: configuration, using: &rng)
            let multiplyAdds = network.cost(inputHeight: setting.inputShape[1], inputWidth: setting.inputShape[2])
                .multiplyAdds
            var row: [Double] = []
            for (slot, proxy) in chosen.enumerated() {
                var value = 0.0
                let elapsed = try clock.measure {
                    value = try ZeroCostScorer.scores(
                        [proxy], of: network, inputShape: setting.inputShape, batch: batch, multiplyAdds: multiplyAdds,
                        seed: seed)[0]
                }
                seconds[slot] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                scores[slot].append(value)
                row.append(value)
            }
            let accuracy = index.value(column, of: architecture) ?? .nan
            accuracies.append(accuracy)
            rows.append(
                "\(cell),\(architecture),\(accuracy)," + row.map { String(format: "%.10g", $0) }.joined(separator: ","))
            if (position + 1) % 50 == 0 || position + 1 == chosenCells.count {
                let progress = chosen.indices.map { slot in
                    let rho = RankCorrelation.spearman(omittingNaN: scores[slot], accuracies)
                    return "\(chosen[slot].rawValue) \(String(format: "%.3f", rho))"
                }
                emit("  \(position + 1) cells: " + progress.joined(separator: ", "))
                if let output { try write(rows, proxies: chosen, accuracy: setting.accuracyName, to: output) }
            }
        }
        emit("proxy        spearman  time/arch (ms)")
        for (slot, proxy) in chosen.enumerated() {
            let rho = RankCorrelation.spearman(omittingNaN: scores[slot], accuracies)
            let milliseconds = seconds[slot] / Double(chosenCells.count) * 1000
            emit(
                proxy.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(format: " %8.3f  %14.1f", rho, milliseconds))
        }
    }

    /// `batchSize` images drawn from the seed, normalised with zero-cost-nas's CIFAR-10 statistics.
    func loadBatch() throws -> ZeroCostBatch {
        let dataset = try CIFAR.load(batchFiles: [data])
        let statistics = ChannelStatistics(mean: [0.4914, 0.4822, 0.4465], standardDeviation: [0.2023, 0.1994, 0.2010])
        return Self.batch(of: dataset.normalized(by: statistics), size: batchSize, seed: seed)
    }

    /// `size` images of `dataset` drawn from `seed`.
    static func batch(of dataset: ImageDataset, size: Int, seed: UInt64) -> ZeroCostBatch {
        var base = Xoshiro256(seed: seed)
        var rng = base.child("batch")
        var order = Array(0..<dataset.count)
        order.seededShuffle(using: &rng)
        let chosen = dataset.subset(Array(order.prefix(size)))
        return ZeroCostBatch(images: chosen.images, labels: chosen.labels, classCount: chosen.classCount)
    }

    func write(_ rows: [String], proxies: [ZeroCostProxy], accuracy: String, to path: String) throws {
        let header = "index,architecture,\(accuracy)," + proxies.map(\.rawValue).joined(separator: ",")
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
