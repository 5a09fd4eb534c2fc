import ArgumentParser
import Datasets
import Foundation
import NASSpaces
import Predictors
import Tabulation
import TabularBenchmarks
import Tensors

/// `nasrun train-graph`: trains NAS-Bench-Graph architectures with the engine on Cora or CiteSeer with the
/// benchmark's recipe, and compares them with the benchmark's records.
struct TrainGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-graph",
        abstract: "Train NAS-Bench-Graph architectures on Cora or CiteSeer with the benchmark's recipe.",
        discussion: """
            With --architecture, trains one architecture (text form links=[0,1,2,2] ops=fc,gat,gcn,graph) and \
            prints the epoch of lowest validation loss, as the benchmark selects it. With --sample N and --output \
            DIR, trains a seeded uniform sample of N architectures and the benchmark's --top best, one JSON line \
            per architecture in DIR/rows.jsonl as each finishes (a rerun resumes), then writes DIR/summary.json: \
            Spearman and Kendall correlation between NASKit's and the table's test accuracy, and the best \
            architectures' accuracies. The graphs are read from --data (cora.json, citeseer.json), the table from \
            --table.
            """)

    enum DatasetArgument: String, CaseIterable, ExpressibleByArgument {
        case cora
        case citeseer

        var dataset: Planetoid.Dataset { self == .cora ? .cora : .citeseer }
    }

    @Option(help: "The graph.")
    var dataset: DatasetArgument = .cora

    @Option(help: "One architecture to train, in the graph space's text form.")
    var architecture: String?

    @Option(help: "The number of architectures to sample uniformly (needs --output).")
    var sample: Int?

    @Option(help: "How many of the benchmark's best architectures a sample run also trains.")
    var top: Int = 5

    @Option(help: "Seed of the sample, the weights and the dropout masks.")
    var seed: UInt64 = 0

    @Option(help: "Directory of a sample run's rows and summary (a rerun resumes it).")
    var output: String?

    @Option(help: "Directory holding cora.json and citeseer.json.")
    var data: String = Planetoid.defaultDirectory

    @Option(help: "NAS-Bench-Graph's table.")
    var table: String = "data/tables/graph.h5"

    @Option(help: "Epochs per architecture (default: the benchmark's 400); fewer for a quick look.")
    var epochs: Int?

    @Option(help: "Stop an architecture after this many epochs without a new lowest validation loss (default: train all, as the benchmark).")
    var patience: Int?

    @Flag(help: "Row-normalise the input features (PyG's NormalizeFeatures) instead of the stored 0/1.")
    var normalizeFeatures = false

    func validate() throws {
        if (architecture == nil) == (sample == nil) {
            throw ValidationError("give either --architecture (train one) or --sample N (train a sample)")
        }
        if sample != nil && output == nil {
            throw ValidationError("--sample needs --output DIR for its rows (a rerun resumes from them)")
        }
        if let sample, sample < 2 { throw ValidationError("--sample must be at least 2, got \(sample)") }
        if top < 0 { throw ValidationError("--top must not be negative, got \(top)") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
        if let patience, patience < 1 { throw ValidationError("--patience must be at least 1, got \(patience)") }
    }

    func run() throws {
        let graph = try Planetoid.load(dataset.dataset, directory: data)
        var recipe = GraphTrainingConfiguration.benchmark(dataset.dataset)
        if let epochs { recipe.epochs = epochs }
        recipe.patience = patience
        recipe.normalizesFeatures = normalizeFeatures
        let trainer = GraphTrainer(graph: graph, configuration: recipe)
        emit(
            "nasrun train-graph: \(graph.name) (\(graph.nodeCount) nodes, \(graph.edges.count) edges), seed \(seed), "
                + "\(recipe.weightOptimizer.rawValue) lr \(recipe.learningRate), \(recipe.epochs) epochs"
                + (patience.map { " (patience \($0))" } ?? "") + (normalizeFeatures ? ", normalised features" : "")
                + "; "
                + "OpenBLAS \(GEMM.coreName), \(EngineThreading.workerCount) engine workers")
        if let architecture {
            try trainOne(architecture, trainer: trainer)
        } else if let sample, let output {
            try trainSample(sample, trainer: trainer, directory: output)
        }
    }

    private func trainOne(_ text: String, trainer: GraphTrainer) throws {
        let space = GraphSpace()
        let architecture = try space.parse(text)
        let start = Date()
        let result = trainer.train(architecture, seed: seed) { epoch, evaluation in
            guard epoch % 50 == 0 else { return }
            emit(String(
                format: "epoch %d  train acc %.4f  valid loss %.4f  valid acc %.4f  test acc %.4f", epoch,
                evaluation.train.accuracy, evaluation.validation.loss, evaluation.validation.accuracy,
                evaluation.test.accuracy))
        }
        emit(String(
            format: "%@ (key %d, %d parameters): epoch %d of lowest valid loss (of %d): valid %.4f  test %.4f  (%.1f s)",
            result.architecture, result.benchmarkHash, result.parameterCount, result.selectedEpoch, result.epochsTrained,
            result.validAccuracy, result.testAccuracy, Date().timeIntervalSince(start)))
        if let index = try? TableIndex(table: TabularBenchmark.open(path: table, space: "graph"), space: space) {
            let valid = try index.query(architecture, metric: "valid_accuracy", dataset: graph(trainer))
            let test = try index.query(architecture, metric: "test_accuracy", dataset: graph(trainer))
            emit(String(format: "benchmark's record (mean of 3 seeds): valid %.4f  test %.4f", valid, test))
        }
    }

    private func graph(_ trainer: GraphTrainer) -> String { trainer.graph.name }

    private func trainSample(_ size: Int, trainer: GraphTrainer, directory: String) throws {
        let benchmark = try TabularBenchmark.open(
            path: table, space: "graph", recoverySuggestion: "run Scripts/setup.sh, or pass --table")
        let experiment = try GraphSampleExperiment(
            trainer: trainer, table: benchmark, sampleSize: size, topCount: top, seed: seed)
        let start = Date()
        let rows = try experiment.run(directory: directory) { row, done, total in
            emit(String(
                format: "[%d/%d] %@ %@: test %.4f (benchmark %.4f), valid %.4f (benchmark %.4f), epoch %d, %.0f s",
                done, total, row.role.rawValue, row.result.architecture, row.result.testAccuracy,
                row.benchmarkTestAccuracy, row.result.validAccuracy, row.benchmarkValidAccuracy,
                row.result.selectedEpoch, Date().timeIntervalSince(start)))
        }
        let summary = GraphSampleSummary(rows: rows)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try (encoder.encode(summary) + Data("\n".utf8)).write(
            to: URL(fileURLWithPath: directory + "/summary.json"), options: .atomic)
        for line in summary.lines { emit(line) }
    }
}

/// The comparison of a sample run with the benchmark: rank correlations over the sampled architectures and the
/// best architectures' accuracies.
struct GraphSampleSummary: Codable {
    struct Best: Codable {
        var architecture: String
        var testAccuracy: Double
        var benchmarkTestAccuracy: Double
        var validAccuracy: Double
        var benchmarkValidAccuracy: Double
    }

    var sampleSize: Int
    var spearmanTest: Double
    var kendallTest: Double
    var spearmanValid: Double
    var kendallValid: Double
    var meanTestAccuracy: Double
    var meanBenchmarkTestAccuracy: Double
    var best: [Best]

    init(rows: [GraphSampleRow]) {
        let sampled = rows.filter { $0.role == .sample }
        let ours = sampled.map(\.result.testAccuracy)
        let theirs = sampled.map(\.benchmarkTestAccuracy)
        let oursValid = sampled.map(\.result.validAccuracy)
        let theirsValid = sampled.map(\.benchmarkValidAccuracy)
        sampleSize = sampled.count
        spearmanTest = RankCorrelation.spearman(ours, theirs)
        kendallTest = RankCorrelation.kendallTau(ours, theirs)
        spearmanValid = RankCorrelation.spearman(oursValid, theirsValid)
        kendallValid = RankCorrelation.kendallTau(oursValid, theirsValid)
        meanTestAccuracy = ours.reduce(0, +) / Double(max(1, ours.count))
        meanBenchmarkTestAccuracy = theirs.reduce(0, +) / Double(max(1, theirs.count))
        best = rows.filter { $0.role == .top }.map {
            Best(
                architecture: $0.result.architecture, testAccuracy: $0.result.testAccuracy,
                benchmarkTestAccuracy: $0.benchmarkTestAccuracy, validAccuracy: $0.result.validAccuracy,
                benchmarkValidAccuracy: $0.benchmarkValidAccuracy)
        }
    }

    var lines: [String] {
        [
            String(
                format: "%d sampled architectures: test accuracy Spearman %.3f, Kendall %.3f; valid Spearman %.3f, Kendall %.3f",
                sampleSize, spearmanTest, kendallTest, spearmanValid, kendallValid),
            String(
                format: "mean test accuracy %.4f (benchmark %.4f)", meanTestAccuracy, meanBenchmarkTestAccuracy),
        ]
            + best.map {
                String(
                    format: "best %@: test %.4f (benchmark %.4f), valid %.4f (benchmark %.4f)", $0.architecture,
                    $0.testAccuracy, $0.benchmarkTestAccuracy, $0.validAccuracy, $0.benchmarkValidAccuracy)
            }
    }
}
