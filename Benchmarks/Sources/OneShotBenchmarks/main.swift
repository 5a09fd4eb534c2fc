import Datasets
import Foundation
import NASModels
import Tensors

// NASKit one-shot benchmarks (issue 6): the time of one search step of each one-shot method and the memory its
// forward pass holds, in one run. Run in release mode:
//   cd Benchmarks && swift run -c release OneShotBenchmarks [--quick] [--skip-large] [--skip-nb201] [--skip-mnasnet]
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
// Each section runs in its own process (--section nb201-small|nb201-large|mnasnet runs one).
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
let includesNB201 = !arguments.contains("--skip-nb201")
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
    fflush(nil)
}
func printPeak() {
    print("peak resident memory of the process so far: \(megabytes(Timing.peakResidentBytes())) MiB")
    fflush(nil)  // what is measured reaches the output even if a later, larger measurement is killed
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

/// The sections, each run in its own process (the parent re-runs this program with `--section NAME`): the heap
/// that glibc keeps for one section (``Tensors/MemoryReuse/keepFreedMemory()``) would otherwise add to the next's.
let sections = (includesNB201 ? ["nb201-small"] : []) + (includesNB201 && includesLarge ? ["nb201-large"] : [])
    + (includesMnasNet ? ["mnasnet"] : [])

/// Runs one section in this process.
func runSection(_ name: String) throws {
    let dataset = try CIFAR.load(batchFiles: [dataPath])
    switch name {
    case "nb201-small", "nb201-large":
        let small = name == "nb201-small"
        let benchmark = NB201Benchmark(
            configuration: NB201NetworkConfiguration(stemChannels: small ? 8 : 16, cellsPerStage: small ? 1 : 5),
            side: small ? 16 : 32, batchSize: 64,
            study: small ? StepTimeStudy(rounds: rounds, steps: steps) : StepTimeStudy(rounds: largeRounds, steps: largeSteps))
        progress(benchmark.label)
        let rows = try benchmark.stepTimes(dataset, progress: progress)
        printStepTable(
            "one search step, \(benchmark.label)",
            reference: "NB201Network training step, every edge nor_conv_3x3", rows: rows)
        printPeak()
        printMemoryTable(
            "memory held after one forward pass and loss, \(benchmark.label) (single paths: median of \(draws) draws)",
            rows: try benchmark.memory(dataset, draws: draws))
        printPeak()
    case "mnasnet":
        let benchmark = MnasNetBenchmark(
            table: try LatencyTable.load(from: tablePath), batchSize: 32,
            study: StepTimeStudy(rounds: mnasNetRounds, steps: mnasNetSteps), latencyWeight: latencyWeight)
        progress(benchmark.label)
        let (reference, rows) = try benchmark.stepTimes(dataset, progress: progress)
        printStepTable(
            "one search step, \(benchmark.label), λ = \(latencyWeight)/ms",
            reference: "MnasNetNetwork training step, the largest single path", rows: rows)
        print("(the largest single path: \(reference))")
        print(String(format: "ProxylessNAS/DARTS step time: %.3f", rows[1].medianSeconds / rows[2].medianSeconds))
        printPeak()
        printMemoryTable(
            "memory held after one forward pass and loss, \(benchmark.label) (ProxylessNAS: median of \(draws) draws)",
            rows: try benchmark.memory(dataset, draws: draws))
        printPeak()
    default:
        print("error: --section: unknown section '\(name)'; choose from nb201-small, nb201-large, mnasnet")
        exit(1)
    }
}

if let section = option("--section") {
    do {
        try runSection(section)
    } catch {
        print("error: \(error)")
        exit(1)
    }
    exit(0)
}

// The table and the data first: a table from another machine stops the run before anything is measured.
do {
    if includesMnasNet { _ = try LatencyTable.load(from: tablePath) }
    _ = try CIFAR.load(batchFiles: [dataPath])
} catch let error as LatencyTableError {
    print("error: \(error.message) (or run with --skip-mnasnet)")
    exit(1)
} catch {
    print("error: \(error) (pass the CIFAR-10 batch file with --data)")
    exit(1)
}

print("NASKit one-shot benchmarks, \(ISO8601DateFormatter().string(from: Date()))")
print("command: swift run -c release OneShotBenchmarks \(arguments.dropFirst().joined(separator: " "))")
print(
    "machine: \(MachineDescription.current()), OpenBLAS \(GEMM.coreName) single-threaded, "
        + "\(EngineThreading.workerCount) engine workers; load average at start \(Timing.loadAverages() ?? "n/a")")
print("data: \(dataPath); latency table: \(includesMnasNet ? tablePath : "not used")")
print(
    "steps: medians of \(rounds) rounds x \(steps) steps (large NB201: \(largeRounds) x \(largeSteps), MnasNet: "
        + "\(mnasNetRounds) x \(mnasNetSteps)); the first \(StepTimeStudy.warmup) steps of each a warm-up")
fflush(nil)
for section in sections {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = Array(arguments.dropFirst()) + ["--section", section]
    do {
        try child.run()
    } catch {
        print("error: cannot run section \(section): \(error)")
        exit(1)
    }
    child.waitUntilExit()
    guard child.terminationStatus == 0 else {
        print("error: section \(section) stopped with status \(child.terminationStatus) (\(child.terminationReason))")
        exit(1)
    }
}
print()
print("load average at end: \(Timing.loadAverages() ?? "n/a")")
