import Datasets
import Foundation
import NASModels
import Tensors

// NASKit one-shot benchmarks (issue 6): the time of one search step of each one-shot method and the memory its
// forward pass holds, in one run. Run in release mode:
//   cd Benchmarks && swift run -c release OneShotBenchmarks [--quick] [--skip-large] [--skip-mnasnet]
//       [--rounds 5] [--steps 10] [--large-rounds 1] [--large-steps 4] [--mnasnet-rounds 3] [--mnasnet-steps 3]
//       [--draws 5]
//       [--latency-weight 0.1]
//       [--data ../../shared/data/cifar10_jpeg/data_batch_1.bin]
//       [--latency-table ../SearchSpaces/mnasnet/latency-table.json]
// 1. NB201 supernet, C = 8, N = 1, 16x16, batch 64 (the CPU-sized experiments), and C = 16, N = 5, 32x32 (the
//    benchmark's own size, fewer steps): each method's step time as a ratio to one plain training step of the
//    stand-alone all-nor_conv_3x3 NB201Network, medians per round, the median of the rounds' ratios.
// 2. MnasNet supernet, batch 32, 32x32: ProxylessNAS's and DARTS first order's step times, same reference style.
// 3. The bytes one forward pass holds (SupernetStepMemory) on both supernets, ProxylessNAS/DARTS and single
//    path/DARTS as ratios.
// Threading as nasrun: OpenBLAS single-threaded, the engine's workers on the cores.

MemoryReuse.keepFreedMemory()
EngineThreading.useEngineWorkers()

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let quick = arguments.contains("--quick")
let rounds = option("--rounds").flatMap(Int.init) ?? (quick ? 2 : 5)
let minimumSteps = StepTimeStudy.warmup + 1
let steps = max(option("--steps").flatMap(Int.init) ?? (quick ? 5 : 10), minimumSteps)
let largeRounds = option("--large-rounds").flatMap(Int.init) ?? 1
let largeSteps = max(option("--large-steps").flatMap(Int.init) ?? 4, minimumSteps)
let mnasNetRounds = option("--mnasnet-rounds").flatMap(Int.init) ?? (quick ? 1 : 3)
let mnasNetSteps = max(option("--mnasnet-steps").flatMap(Int.init) ?? 3, minimumSteps)
let draws = option("--draws").flatMap(Int.init) ?? (quick ? 3 : 5)
let latencyWeight = option("--latency-weight").flatMap(Float.init) ?? 0.1
let includesLarge = !quick && !arguments.contains("--skip-large")
let includesMnasNet = !arguments.contains("--skip-mnasnet")
let dataPath = option("--data") ?? "../../shared/data/cifar10_jpeg/data_batch_1.bin"
let tablePath = option("--latency-table") ?? "../SearchSpaces/mnasnet/latency-table.json"

func progress(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
func megabytes(_ bytes: Int?) -> String { bytes.map { String(format: "%.1f", Double($0) / 1_048_576) } ?? "n/a" }
func ratio(_ bytes: Int?, _ reference: Int?) -> String {
    guard let bytes, let reference, reference > 0 else { return "n/a" }
    return String(format: "%.3f", Double(bytes) / Double(reference))
}
func printStepTable(_ title: String, reference: String, rows: [StepTimeStudy.Row]) {
    print()
    print(title)
    print("| step | median s/step | ratio to reference | timed steps |")
    print("|---|---:|---:|---:|")
    for row in rows {
        let name = row.name == "reference" ? "reference: \(reference)" : row.name
        print(String(format: "| %@ | %.4f | %.2f | %d |", name, row.medianSeconds, row.ratio, row.steps))
    }
}
func printMemoryTable(_ title: String, rows: [(name: String, bytes: Int?)]) {
    print()
    print(title)
    print("| forward pass | held MiB | held bytes | ratio to \(rows[0].name.split(separator: " ").first!) |")
    print("|---|---:|---:|---:|")
    for row in rows {
        print("| \(row.name) | \(megabytes(row.bytes)) | \(row.bytes.map(String.init) ?? "n/a") | \(ratio(row.bytes, rows[0].bytes)) |")
    }
}

// The table first: a table from another machine stops the run before anything is measured.
var table: LatencyTable?
if includesMnasNet {
    do {
        table = try LatencyTable.load(from: tablePath)
    } catch {
        print("error: \(error.message) (or run with --skip-mnasnet)")
        exit(1)
    }
}
let dataset: ImageDataset
do {
    dataset = try CIFAR.load(batchFiles: [dataPath])
} catch {
    print("error: \(error) (pass the CIFAR-10 batch file with --data)")
    exit(1)
}

let date = ISO8601DateFormatter().string(from: Date())
print("NASKit one-shot benchmarks, \(date)")
print("command: swift run -c release OneShotBenchmarks \(arguments.dropFirst().joined(separator: " "))")
print(
    "machine: \(MachineDescription.current()), OpenBLAS \(GEMM.coreName) single-threaded, "
        + "\(EngineThreading.workerCount) engine workers; load average at start \(Timing.loadAverages() ?? "n/a")")
print("data: \(dataPath); latency table: \(includesMnasNet ? tablePath : "not used")")
print(
    "steps: medians of \(rounds) rounds x \(steps) steps (large NB201: \(largeRounds) x \(largeSteps), MnasNet: "
        + "\(mnasNetRounds) x \(mnasNetSteps)); the first \(StepTimeStudy.warmup) steps of each a warm-up")

var nb201 = [NB201Benchmark(
    configuration: NB201NetworkConfiguration(stemChannels: 8, cellsPerStage: 1), side: 16, batchSize: 64,
    study: StepTimeStudy(rounds: rounds, steps: steps), includesSecondOrder: true)]
if includesLarge {
    nb201.append(NB201Benchmark(
        configuration: NB201NetworkConfiguration(stemChannels: 16, cellsPerStage: 5), side: 32, batchSize: 64,
        study: StepTimeStudy(rounds: largeRounds, steps: largeSteps), includesSecondOrder: true))
}
do {
    for benchmark in nb201 {
        progress(benchmark.label)
        let rows = try benchmark.stepTimes(dataset, progress: progress)
        printStepTable(
            "one search step, \(benchmark.label)",
            reference: "NB201Network training step, every edge nor_conv_3x3", rows: rows)
        printMemoryTable(
            "memory held after one forward pass and loss, \(benchmark.label) (single paths: median of \(draws) draws)",
            rows: try benchmark.memory(dataset, draws: draws))
    }
    if let table {
        let benchmark = MnasNetBenchmark(
            table: table, batchSize: 32, study: StepTimeStudy(rounds: mnasNetRounds, steps: mnasNetSteps),
            latencyWeight: latencyWeight)
        progress(benchmark.label)
        let (reference, rows) = try benchmark.stepTimes(dataset, progress: progress)
        printStepTable(
            "one search step, \(benchmark.label), λ = \(latencyWeight)/ms",
            reference: "MnasNetNetwork training step, the largest single path", rows: rows)
        print("(the largest single path: \(reference))")
        if rows.count == 3 {
            print(String(format: "ProxylessNAS/DARTS step time: %.2f", rows[1].medianSeconds / rows[2].medianSeconds))
        }
        printMemoryTable(
            "memory held after one forward pass and loss, \(benchmark.label) (ProxylessNAS: median of \(draws) draws)",
            rows: try benchmark.memory(dataset, draws: draws))
    }
} catch {
    print("error: \(error)")
    exit(1)
}
print()
print("load average at end: \(Timing.loadAverages() ?? "n/a")")
