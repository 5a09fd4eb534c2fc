import Foundation
import NASSpaces
import TabularBenchmarks
import Tabulation
import Testing
import _TestSupport

/// `nasrun tabulate --space size` on real Fashion-MNIST, at a size a debug test can train: 2 sampled NATS-Bench
/// size-space networks (sample seed 25 draws two narrow ones, 16:16:32:40:40 and 16:40:8:16:16), 1 epoch, 8x8 images,
/// 60 training, 20 validation and 40 test images.
@Suite(
    "Size tabulation", .serialized,
    .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist"), "needs Scripts/setup.sh"))
struct SizeTabulationTests {
    static let specification = TabulationSpecification(
        space: "size", architectures: .sample(count: 2, seed: 25), seeds: [0], epochs: 1, resolution: 8,
        trainingImages: 60, validationImages: 20, testImages: 40, batchSize: 30, learningRate: 0.1)

    /// Trainable parameters of `c0:c1:c2:c3:c4` on one-channel images with 10 classes, from xautodl's modules by
    /// hand (see SizeNetworkCostTests): stem 9·c0 + 2·c0, cells, reduction blocks, head 2·c4 + 10·c4 + 10.
    static func parameterCount(_ widths: [Int]) -> Int {
        func cell(_ a: Int, _ b: Int) -> Int { 2 * (9 * a * b + 2 * b) + 3 * (9 * b * b + 2 * b) + (a == b ? 0 : a * b + 2 * b) }
        func reduction(_ a: Int, _ b: Int) -> Int { 9 * a * b + 2 * b + 9 * b * b + 2 * b + a * b }
        let (c0, c1, c2, c3, c4) = (widths[0], widths[1], widths[2], widths[3], widths[4])
        return 11 * c0 + cell(c0, c0) + reduction(c0, c1) + cell(c1, c2) + reduction(c2, c3) + cell(c3, c4)
            + 12 * c4 + 10
    }

    @Test("the plan samples the 32,768 size-space networks")
    func plan() {
        let plan = TabulationPlan(Self.specification)
        let texts = plan.architectureIndices.map { SizeSpace().format(SizeSpace().architecture(at: $0)) }
        #expect(texts == ["16:16:32:40:40", "16:40:8:16:16"])
        var all = Self.specification
        all.architectures = .all
        #expect(TabulationPlan(all).items.count == 32_768)
    }

    @Test("two size-space networks train into rows and a merged table that the size space indexes and evaluates")
    func tabulateAndMerge() throws {
        let temporary = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary.path) }
        let directory = try TabulationDirectory.create(at: temporary.path, for: Self.specification)
        #expect(try TabulationWorker.run(directory) == 2)
        #expect(try TabulationWorker.run(directory) == 0)

        let space = SizeSpace()
        let plan = TabulationPlan(Self.specification)
        for item in plan.items {
            let row = try TabulatedRow.read(from: directory.rowPath(of: item))
            let architecture = space.architecture(at: item.architectureIndex)
            #expect(row.architecture == space.format(architecture))
            #expect(row.parameters == Self.parameterCount(architecture.channels))
            #expect(row.epochs.count == 1)
            let epoch = try #require(row.epochs.first)
            #expect(epoch.trainLoss.isFinite)
            #expect((0...1).contains(epoch.testAccuracy) && (0...1).contains(epoch.validationAccuracy))
        }

        let table = try TabulationMerge.table(of: [directory], command: "test")
        #expect(table.metadata.space == "size")
        #expect(table.metadata.description.hasPrefix(
            "NATS-Bench size-space networks (the fixed best NB201 cell, widths c0:c1:c2:c3:c4) trained by NASKit's "
                + "engine on Fashion-MNIST at 8x8, 1 epochs of SGD"))
        let path = temporary.file("size.h5")
        try table.write(to: path)
        let reopened = try TabularBenchmark.open(path: path, space: "size")
        #expect(reopened.sourceIndices == plan.architectureIndices)
        let index = try TableIndex(table: reopened, space: space)
        #expect(index.coveredCount == 2)
        let evaluator = try TabularEvaluator(
            index: index, dataset: "fashion-mnist", objective: "valid_accuracy", reportedMetrics: ["test_accuracy"])
        #expect(evaluator.fidelities == [1])
        let evaluation = try evaluator.evaluate(space.architecture(at: plan.architectureIndices[0]), fidelity: 1)
        #expect(evaluation.metrics["test_accuracy"].map { (0...100).contains($0) } == true)
    }

    @Test("a size tabulation with another stem width, or a resolution the network cannot halve twice, is refused")
    func refusals() {
        var wider = Self.specification
        wider.stemChannels = 16
        #expect(
            throws: TabulationError(
                "the size space takes every width from the architecture and has one cell per stage; leave "
                    + "stemChannels and cellsPerStage at 8 and 1 (got 16 and 1)")
        ) { try wider.validate() }
        var odd = Self.specification
        odd.resolution = 10
        #expect(throws: TabulationError("resolution must be a multiple of 4: the networks halve it twice (got 10)")) {
            try odd.validate()
        }
    }
}
