import Foundation
import NASCore
import NASSpaces
import Optimizers
import TabularBenchmarks
import Tensors

// NASKit search benchmarks (issue 4). Run in release mode on an otherwise idle machine, after Scripts/setup.sh
// has built the tables:
//   cd Benchmarks && swift run -c release SearchBenchmarks [--quick] [--table ../data/tables/nb201.h5]
// It prints (1) the wall time of one BANANAS run of 150 queries (the paper's configuration, seed 0) on the NB201
// CIFAR-10 table with the objective test_accuracy, split into predictor fit, candidate generation, acquisition
// and the rest; (2) one fit of the MLP ensemble on 150 cells with the fused trainer, with the engine's tape, and
// with PyTorch (Reference/pytorch_bananas_ensemble.py, when $NASKIT_TORCH_PYTHON or python3 imports torch);
// (3) every optimizer's own time per query (ask + tell, without the table lookup).
// Options: --quick (smaller time budgets, no tape fit); --compare N [--queries Q] [--set name=value ...]
// (instead: BANANAS with the overrides against random search over seeds 0..<N, mean best test accuracy).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let quick = arguments.contains("--quick")
let path = option("--table") ?? "../data/tables/nb201.h5"
guard access(path, R_OK) == 0 else {
    print("error: no NB201 table at \(path); run Scripts/setup.sh first")
    exit(1)
}
// As nasrun runs: OpenBLAS single-threaded, the engine's workers on the cores.
EngineThreading.useEngineWorkers()

do {
    let space = NB201Space()
    let index = try TableIndex(table: .open(path: path, space: space.name), space: space)
    let evaluator = try TabularEvaluator(
        index: index, dataset: "cifar10", objective: "test_accuracy", reportedMetrics: ["test_accuracy"])
    print("NASKit search benchmarks: \(index.table.name), cifar10, objective test_accuracy (fidelities "
        + "\(evaluator.fidelities)); OpenBLAS \(GEMM.coreName), single-threaded")
    print()

    if let count = option("--compare").flatMap(Int.init) {
        let queries = option("--queries").flatMap(Int.init) ?? 150
        let overrides = arguments.indices.filter { arguments[$0] == "--set" && $0 + 1 < arguments.count }
            .map { arguments[$0 + 1] }
        let configuration = try OutcomeComparison.applying(overrides, to: .init())
        let seeds = UInt64(0)..<UInt64(count)
        let (bananasSeconds, bananas) = try Timing.measure {
            try OutcomeComparison.bestObjectives(evaluator: evaluator, seeds: seeds, queries: queries) {
                Bananas<NB201Space>(configuration: configuration, seed: $0)
            }
        }
        let random = try OutcomeComparison.bestObjectives(evaluator: evaluator, seeds: seeds, queries: queries) {
            RandomSearch<NB201Space>(seed: $0)
        }
        print("best test accuracy after \(queries) queries, seeds 0..<\(count); BANANAS with \(overrides)")
        for (name, values) in [("bananas", bananas), ("random search", random)] {
            let (mean, deviation) = OutcomeComparison.summary(values)
            print(String(format: "%-14@ mean %.3f  sd %.3f   ", name as NSString, mean, deviation)
                + values.map { String(format: "%.2f", $0) }.joined(separator: " "))
        }
        print(String(format: "(BANANAS runs: %.1f s)", bananasSeconds))
        exit(0)
    }

    // (1) One full BANANAS run.
    let run = try BananasRunBenchmark.run(evaluator: evaluator, configuration: .init(), queries: 150, seed: 0)
    let fit = Timing.seconds(run.timings.predictorFit)
    let candidates = Timing.seconds(run.timings.candidateGeneration)
    let acquisition = Timing.seconds(run.timings.acquisition)
    let other = run.totalSeconds - fit - candidates - acquisition
    print("(1) one BANANAS run, 150 queries, paper configuration, seed 0: \(run.timings.iterations) iterations, "
        + String(format: "best test accuracy %.3f", run.bestObjective))
    for (name, seconds) in [
        ("predictor fit", fit), ("candidate generation", candidates), ("acquisition (predict, score, rank)", acquisition),
        ("other (initial draws, queue, tell, table lookups)", other), ("total", run.totalSeconds),
    ] {
        print(name.padding(toLength: 52, withPad: " ", startingAt: 0)
            + String(format: "%9.3f s %6.1f %%", seconds, 100 * seconds / run.totalSeconds))
    }
    print(String(format: "predictor fit per iteration (mean over %d, n = 10..140)     %9.1f ms",
                 run.timings.iterations, 1e3 * fit / Double(max(run.timings.iterations, 1))))
    print()

    // (2) One fit on 150 cells: fused, tape, PyTorch.
    // PyTorch gets one thread, as the fused trainer has (more only slows such small layers down).
    let fits = try PredictorFitBenchmark.run(
        evaluator: evaluator, count: 150, repetitions: quick ? 1 : 3, threads: 1, withTape: !quick)
    print("(2) one MLP-ensemble fit on 150 cells (5 networks, 10 x 20, 150 epochs, batch 32; single-threaded)")
    print(String(format: "fused trainer (the default)                          %9.3f s", fits.fusedSeconds))
    if !fits.tapeSeconds.isNaN {
        print(String(format: "engine tape (Linear, ReLU, Adam)                     %9.3f s   %5.1f x the fused",
                     fits.tapeSeconds, fits.tapeSeconds / fits.fusedSeconds))
    }
    if let torch = fits.torch {
        print(String(format: "PyTorch %@ (reference, same run)        %9.3f s   %5.1f x the fused",
                     torch.version as NSString, torch.medianSeconds, torch.medianSeconds / fits.fusedSeconds))
    } else {
        print("PyTorch reference skipped: \(PredictorFitBenchmark.interpreter) cannot import torch "
            + "(set NASKIT_TORCH_PYTHON)")
    }
    print()

    // (3) Every optimizer's own time per query. Adding an optimizer is one line.
    let fidelities = evaluator.fidelities
    let overhead = QueryOverheadBenchmark(evaluator: evaluator, queries: 150, budgetSeconds: quick ? 0.2 : 1)
    let results = [
        try overhead.measure("random-search") { RandomSearch<NB201Space>(seed: $0) },
        try overhead.measure("regularized-evolution") { RegularizedEvolution<NB201Space>(seed: $0) },
        try overhead.measure("local-search") { LocalSearch<NB201Space>(seed: $0) },
        try overhead.measure("reinforce") { Reinforce<NB201Space>(seed: $0) },
        try overhead.measure("successive-halving") { try SuccessiveHalving<NB201Space>(seed: $0, fidelities: fidelities) },
        try overhead.measure("hyperband") { try Hyperband<NB201Space>(seed: $0, fidelities: fidelities) },
        try overhead.measure("bohb") { try BOHB<NB201Space>(seed: $0, fidelities: fidelities) },
        try overhead.measure("bananas") { Bananas<NB201Space>(seed: $0) },
    ]
    print("(3) optimizer time per query (ask + tell, no table lookup), runs of 150 queries, median over runs")
    for result in results {
        print(result.name.padding(toLength: 24, withPad: " ", startingAt: 0)
            + String(format: "%12.2f µs  (%d runs)", 1e6 * result.medianSecondsPerQuery, result.runs))
    }
} catch {
    print("error: \(error)")
    exit(1)
}
