import Datasets
import Foundation
import NASSpaces
import TabularBenchmarks
import Tabulation
import Testing
import _TestSupport

/// The NAS-Bench-Graph trainer and sample experiment on the real Cora graph (../shared/data/planetoid) and the
/// imported table (data/tables/graph.h5), at sizes a debug build trains in seconds: hidden size 16 and a few
/// dozen epochs instead of the benchmark's 256 and 400 (stated in each test).
@Suite(
    "Graph training", .serialized,
    .enabled(
        if: FileManager.default.fileExists(atPath: TestTables.packageRoot + "/../shared/data/planetoid/cora.json")
            && TestTables.exists("graph.h5"),
        "needs ../shared/data/planetoid beside the package and Scripts/setup.sh"))
struct GraphTrainerTests {
    static let dataDirectory = TestTables.packageRoot + "/../shared/data/planetoid"
    static let cora = Result { try Planetoid.load(.cora, directory: dataDirectory) }
    let space = GraphSpace()

    /// A debug-sized recipe: hidden size 16, dropout 0.5, the benchmark's SGD (lr 0.2 here), `epochs` epochs.
    static func smallRecipe(epochs: Int) -> GraphTrainingConfiguration {
        var recipe = GraphTrainingConfiguration.benchmark(.cora)
        recipe.network.hiddenSize = 16
        recipe.network.dropout = 0.5
        recipe.learningRate = 0.2
        recipe.epochs = epochs
        return recipe
    }

    @Test("the recipe is the benchmark's for Cora and CiteSeer")
    func benchmarkRecipe() {
        let cora = GraphTrainingConfiguration.benchmark(.cora)
        #expect(cora.network.hiddenSize == 256 && cora.network.dropout == 0.7 && cora.network.attentionHeads == 4)
        #expect(cora.network.preprocessingLayers == 0 && cora.network.postprocessingLayers == 1)
        #expect(cora.weightOptimizer == .sgd && cora.learningRate == 0.1 && cora.weightDecay == 5e-4)
        #expect(cora.epochs == 400 && cora.patience == nil)
        #expect(GraphTrainingConfiguration.benchmark(.citeseer).learningRate == 0.2)
    }

    @Test("parameter counts equal the benchmark's para for the best architecture of every graph's table and more")
    func parameterCountsMatchTheTable() throws {
        let graph = try Self.cora.get()
        let trainer = GraphTrainer(graph: graph, configuration: .benchmark(.cora))
        let table = try TestTables.graph()
        // Cora's best, one of every operation on the raw features, chains and skips.
        let texts = [
            "links=[0,1,2,2] ops=fc,gat,gcn,graph", "links=[0,0,0,0] ops=gat,gin,cheb,fc",
            "links=[0,0,0,0] ops=sage,arma,graph,skip", "links=[0,1,2,3] ops=skip,skip,gcn,gcn",
            "links=[0,1,1,2] ops=arma,cheb,sage,gin", "links=[0,0,1,3] ops=fc,gin,gat,graph",
        ]
        for text in texts {
            let architecture = try space.parse(text)
            let recorded = try table.query(architecture, metric: "parameters", dataset: "cora")
            let count = trainer.network(for: architecture, seed: 0).trainableParameterCount
            #expect(Swift.abs(Double(count) / 1e6 - recorded) < 1e-9, "\(text): \(count) vs \(recorded) M")
        }
    }

    @Test("40 epochs of a two-layer GCN (hidden 16) reach 0.70 test accuracy on Cora (0.708), bit for bit again")
    func shortTraining() throws {
        let trainer = GraphTrainer(graph: try Self.cora.get(), configuration: Self.smallRecipe(epochs: 40))
        let architecture = try space.parse("links=[0,1,2,3] ops=skip,skip,gcn,gcn")
        var epochs = 0
        let result = trainer.train(architecture, seed: 0) { _, _ in epochs += 1 }
        #expect(epochs == 40)
        #expect(result.testAccuracy > 0.70, "\(result)")
        #expect(result.validAccuracy > 0.65, "\(result)")
        #expect(result.architecture == "links=[0,1,2,3] ops=skip,skip,gcn,gcn")
        #expect(trainer.train(architecture, seed: 0) == result)
    }

    @Test("patience stops training once the validation loss has not fallen for that many epochs")
    func patience() throws {
        var recipe = Self.smallRecipe(epochs: 300)
        recipe.patience = 3
        let trainer = GraphTrainer(graph: try Self.cora.get(), configuration: recipe)
        let result = trainer.train(try space.parse("links=[0,1,2,3] ops=skip,skip,fc,fc"), seed: 0)
        #expect(result.epochsTrained == result.selectedEpoch + 3)
        #expect(result.epochsTrained < 300)
    }

    @Test("a sample run writes one row per architecture, resumes after a cut line, and refuses other settings")
    func sampleExperiment() throws {
        let temporary = TemporaryDirectory(prefix: "graph-sample")
        let directory = temporary.path + "/run"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let trainer = GraphTrainer(graph: try Self.cora.get(), configuration: Self.smallRecipe(epochs: 2))
        let table = try TestTables.graph().table
        let experiment = try GraphSampleExperiment(trainer: trainer, table: table, sampleSize: 3, topCount: 1, seed: 4)
        let plan = experiment.plan
        #expect(plan.map(\.role) == [.sample, .sample, .sample, .top])
        #expect(plan.last?.index == (try TestTables.graph().row(of: space.parse("links=[0,1,2,2] ops=fc,gat,gcn,graph"))))
        var trained = 0
        let rows = try experiment.run(directory: directory) { _, _, _ in trained += 1 }
        #expect(trained == 4 && rows.count == 4)
        #expect(rows.last?.benchmarkTestAccuracy == 0.8313333333333333)
        #expect(rows.map(\.index) == plan.map(\.index))

        // Cut the last line in half, as a stopped run leaves it: only that architecture is trained again.
        let rowsPath = directory + "/rows.jsonl"
        let text = try String(contentsOfFile: rowsPath, encoding: .utf8)
        let lines = text.split(separator: "\n")
        try (lines.dropLast().joined(separator: "\n") + "\n" + lines.last!.prefix(40)).write(
            toFile: rowsPath, atomically: true, encoding: .utf8)
        trained = 0
        let resumed = try experiment.run(directory: directory) { _, _, _ in trained += 1 }
        #expect(trained == 1)
        #expect(resumed == rows)
        #expect(try String(contentsOfFile: rowsPath, encoding: .utf8) == text)

        let other = try GraphSampleExperiment(trainer: trainer, table: table, sampleSize: 3, topCount: 1, seed: 5)
        #expect(throws: TabulationError(
            "\(directory)/configuration.json holds a run with other settings (dataset, sample size, seed or "
                + "recipe); pass another --output directory, or the same options to resume it")
        ) {
            try other.run(directory: directory)
        }
    }
}

