import Datasets
import Foundation
import Layers
import NASModels
import NASSpaces
import Predictors
import Seeding
import Tensors

// NASKit zero-cost proxy benchmark (issue 5): the time per architecture of every zero-cost proxy on NAS-Bench-201
// networks, as a ratio to one forward and backward pass (mean cross-entropy, training mode) of the same network on
// the same batch, measured in the same run. Run in release mode, on an otherwise idle machine:
//   cd Benchmarks && swift run -c release ZeroCostBenchmarks [--cells 10] [--seed 0] [--batch-size 64]
//       [--stem-channels 16] [--cells-per-stage 5] [--data ../../shared/data/cifar10_jpeg/data_batch_1.bin]
//       [--proxies synflow,snip,...] [--repetitions 3]
// Cells: the first --cells of a seeded permutation of the 15,625 NB201 cells (as `nasrun proxies --sample`); each
// network is built once from the seed and every proxy is computed on its own (`ZeroCostScorer.scores([proxy])`),
// as `nasrun proxies` times them; "all" is one call with every proxy, sharing the passes they have in common.
// Each measurement is repeated --repetitions times per cell and the fastest kept (the least disturbed by other
// processes); the table gives the mean over cells of these minima.
// Threading as nasrun: OpenBLAS single-threaded, the engine's workers on the cores.

MemoryReuse.keepFreedMemory()
EngineThreading.useEngineWorkers()

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let cellCount = option("--cells").flatMap(Int.init) ?? 10
let seed = option("--seed").flatMap(UInt64.init) ?? 0
let batchSize = option("--batch-size").flatMap(Int.init) ?? 64
let stemChannels = option("--stem-channels").flatMap(Int.init) ?? 16
let cellsPerStage = option("--cells-per-stage").flatMap(Int.init) ?? 5
let repetitions = max(option("--repetitions").flatMap(Int.init) ?? 3, 1)
let dataPath = option("--data") ?? "../../shared/data/cifar10_jpeg/data_batch_1.bin"
var proxies: [ZeroCostProxy] = ZeroCostProxy.allCases
if let names = option("--proxies") {
    proxies = []
    for name in names.split(separator: ",") {
        guard let proxy = ZeroCostProxy(rawValue: String(name)) else {
            print("error: --proxies: unknown proxy '\(name)'; choose from "
                + ZeroCostProxy.allCases.map(\.rawValue).joined(separator: ", "))
            exit(1)
        }
        proxies.append(proxy)
    }
}

/// Seconds on the monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

// The batch: --batch-size images drawn from the seed, normalised with zero-cost-nas's CIFAR-10 statistics (the
// same draw as `nasrun proxies`).
let batch: ZeroCostBatch
do {
    let dataset = try CIFAR.load(batchFiles: [dataPath])
    var base = Xoshiro256(seed: seed)
    var rng = base.child("batch")
    var order = Array(0..<dataset.count)
    order.seededShuffle(using: &rng)
    let statistics = ChannelStatistics(mean: [0.4914, 0.4822, 0.4465], standardDeviation: [0.2023, 0.1994, 0.2010])
    let chosen = dataset.subset(Array(order.prefix(batchSize))).normalized(by: statistics)
    batch = ZeroCostBatch(images: chosen.images, labels: chosen.labels, classCount: chosen.classCount)
} catch {
    print("error: \(error) (pass the CIFAR-10 batch file with --data)")
    exit(1)
}

let space = NB201Space()
var sampler = Xoshiro256(seed: seed)
var order = Array(0..<space.architectureCount)
order.seededShuffle(using: &sampler)
let cells = Array(order.prefix(cellCount))
let configuration = NB201NetworkConfiguration(stemChannels: stemChannels, cellsPerStage: cellsPerStage)
print(
    "NASKit zero-cost proxies: \(cells.count) NB201 cells (seed \(seed)), network C=\(stemChannels) "
        + "N=\(cellsPerStage), batch of \(batch.count) CIFAR-10 images; OpenBLAS \(GEMM.coreName), "
        + "\(EngineThreading.workerCount) engine workers")

/// One forward and backward pass of `network` on the batch: the reference.
func forwardBackward(_ network: NB201Network) {
    let tape = Tape()
    let logits = network(tape.constant(batch.images), mode: .training(seed: 0))
    _ = tape.gradients(of: crossEntropy(logits: logits, labels: batch.labels))
}

/// The fastest of `repetitions` timings of `body`, in seconds.
func fastest(_ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = now()
        try body()
        best = min(best, now() - start)
    }
    return best
}

var referenceSeconds = 0.0
var proxySeconds = [Double](repeating: 0, count: proxies.count)
var allSeconds = 0.0
for (position, cell) in cells.enumerated() {
    var base = Xoshiro256(seed: seed)
    var rng = base.child("network \(cell)")
    let network = NB201Network(architecture: space.architecture(at: cell), configuration: configuration, using: &rng)
    let snapshot = network.parameters.map(\.value)
    let multiplyAdds = network.cost().multiplyAdds
    if position == 0 { forwardBackward(network) }  // warm-up: first-touch allocations
    referenceSeconds += fastest { forwardBackward(network) }
    for (parameter, value) in zip(network.parameters, snapshot) { parameter.value = value }
    for (slot, proxy) in proxies.enumerated() {
        proxySeconds[slot] += try fastest {
            _ = try ZeroCostScorer.scores(
                [proxy], of: network, inputShape: [3, 32, 32], batch: batch, multiplyAdds: multiplyAdds)
        }
    }
    allSeconds += try fastest {
        _ = try ZeroCostScorer.scores(
            proxies, of: network, inputShape: [3, 32, 32], batch: batch, multiplyAdds: multiplyAdds)
    }
    FileHandle.standardError.write(Data("cell \(position + 1)/\(cells.count) (\(cell)) done\n".utf8))
}

let reference = referenceSeconds / Double(cells.count)
print()
print("(mean over cells of the fastest of \(repetitions) runs)")
print("| proxy | ms / architecture | ratio to forward+backward |")
print("|---|---:|---:|")
print(String(format: "| forward+backward (reference) | %.1f | 1.00 |", reference * 1000))
for (slot, proxy) in proxies.enumerated() {
    let seconds = proxySeconds[slot] / Double(cells.count)
    print(String(format: "| %@ | %.1f | %.2f |", proxy.rawValue, seconds * 1000, seconds / reference))
}
let all = allSeconds / Double(cells.count)
print(String(format: "| all %d together (shared passes) | %.1f | %.2f |", proxies.count, all * 1000, all / reference))
