import Foundation
import NASCore
import NASRunner  // NB201Space and GraphSpace as cell graphs, for the GCN
import NASSpaces
import Predictors
import TabularBenchmarks

// NASKit model-based predictor study (issue 5). Run after Scripts/setup.sh has built the tables:
//   cd Benchmarks && nice swift run -c release PredictorBenchmarks [--tables ../data/tables] [--seeds 5]
//       [--sizes 10,20,50,100,200,500] [--held-out 1000] [--predictors gp,blr,rf,xgb,ngb,mlp,gcn] [--spaces nb201,graph]
//       [--encoding one-hot|adjacency-one-hot|path]
// For NB201 (CIFAR-10 test accuracy at 200 epochs) and NAS-Bench-Graph (Cora, valid_accuracy): a fixed held-out
// sample (seed 2021) and, per seed, nested training sets drawn from the other architectures; each predictor with
// its default configuration (or every predictor on --encoding), fitted with Xoshiro256(seed). Prints Markdown
// tables of the mean Kendall τ, Spearman ρ, fit seconds and query seconds (the whole held-out sample) over seeds.

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let tables = option("--tables") ?? "../data/tables"
let seedCount = option("--seeds").flatMap(Int.init) ?? 5
let sizes = (option("--sizes") ?? "10,20,50,100,200,500").split(separator: ",").compactMap { Int($0) }
let heldOutSize = option("--held-out").flatMap(Int.init) ?? 1000
let chosen = (option("--predictors") ?? "gp,blr,rf,xgb,ngb,mlp,gcn").split(separator: ",").map(String.init)
let spaces = (option("--spaces") ?? "nb201,graph").split(separator: ",").map(String.init)
let encodingText = option("--encoding")
let encoding = encodingText.flatMap(ArchitectureEncoding.init(rawValue:))
if let encodingText, encoding == nil {
    print("error: --encoding \(encodingText): expected one of "
        + ArchitectureEncoding.allCases.map(\.rawValue).joined(separator: ", "))
    exit(1)
}

/// `configuration` with `--encoding` applied, if given.
func encoded<Configuration>(
    _ configuration: Configuration, _ path: WritableKeyPath<Configuration, ArchitectureEncoding>
) -> Configuration {
    var configuration = configuration
    if let encoding { configuration[keyPath: path] = encoding }
    return configuration
}

func report<Space: EnumerableSearchSpace>(_ study: PredictorStudy<Space>, title: String) throws {
    var rows: [(String, [PredictorStudy<Space>.Cell])] = []
    for name in chosen {
        let start = Date()
        let cells: [PredictorStudy<Space>.Cell]
        switch name {
        case "gp":
            cells = try study.run { GaussianProcessPredictor<Space>(configuration: encoded(.init(), \.encoding)) }
        case "blr":
            cells = try study.run {
                BayesianLinearRegressionPredictor<Space>(configuration: encoded(.init(), \.encoding))
            }
        case "rf": cells = try study.run { RandomForestPredictor<Space>(configuration: encoded(.init(), \.encoding)) }
        case "xgb": cells = try study.run { XGBoostPredictor<Space>(configuration: encoded(.init(), \.encoding)) }
        case "ngb": cells = try study.run { NGBoostPredictor<Space>(configuration: encoded(.init(), \.encoding)) }
        case "mlp": cells = try study.run { MLPEnsemblePredictor<Space>(configuration: encoded(.init(), \.encoding)) }
        case "gcn": cells = try study.run { GCNPredictor<Space>() }  // reads cell graphs, not --encoding
        default: throw SearchError("--predictors: unknown predictor \(name); expected gp, blr, rf, xgb, ngb, mlp, gcn")
        }
        FileHandle.standardError.write(
            Data(String(format: "%@ %@: %.1f s\n", title, name, Date().timeIntervalSince(start)).utf8))
        rows.append((name, cells))
    }
    let header = "| predictor | " + sizes.map { "n = \($0)" }.joined(separator: " | ") + " |"
    let rule = "|---|" + sizes.map { _ in "---:" }.joined(separator: "|") + "|"
    let measures: [(String, (PredictorStudy<Space>.Cell) -> String)] = [
        ("Kendall τ", { String(format: "%.3f", $0.tau) }),
        ("Spearman ρ", { String(format: "%.3f", $0.spearman) }),
        ("fit time (s)", { String(format: "%.4f", $0.fitSeconds) }),
        ("query time for \(study.heldOutSize) architectures (s)", { String(format: "%.4f", $0.querySeconds) }),
    ]
    for (measure, format) in measures {
        print("\(title): \(measure), mean over seeds 0..<\(study.seeds.count), \(study.heldOutSize) held-out")
        print()
        print(header)
        print(rule)
        for (name, cells) in rows { print("| \(name) | " + cells.map(format).joined(separator: " | ") + " |") }
        print()
    }
}

do {
    let seeds = (0..<seedCount).map(UInt64.init)
    if spaces.contains("nb201") {
        let space = NB201Space()
        let index = try TableIndex(table: .open(path: tables + "/nb201.h5", space: space.name), space: space)
        let column = try index.table.column(metric: "test_accuracy", dataset: "cifar10", epoch: 200)
        try report(
            PredictorStudy(index: index, column: column, heldOutSize: heldOutSize, sizes: sizes, seeds: seeds),
            title: "NB201 CIFAR-10 (test_accuracy, epoch 200)" + (encoding.map { ", \($0.rawValue) encoding" } ?? ""))
    }
    if spaces.contains("graph") {
        let space = GraphSpace()
        let index = try TableIndex(table: .open(path: tables + "/graph.h5", space: space.name), space: space)
        let column = try index.table.column(metric: "valid_accuracy", dataset: "cora")
        try report(
            PredictorStudy(index: index, column: column, heldOutSize: heldOutSize, sizes: sizes, seeds: seeds),
            title: "NAS-Bench-Graph Cora (valid_accuracy)" + (encoding.map { ", \($0.rawValue) encoding" } ?? ""))
    }
} catch {
    print("error: \(error)")
    exit(1)
}
