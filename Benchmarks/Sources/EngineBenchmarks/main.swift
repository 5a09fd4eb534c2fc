import Foundation
import Tensors

// NASKit engine benchmarks (issue 2). Run in release mode on an otherwise idle machine:
//   cd Benchmarks && swift run -c release EngineBenchmarks [--quick]
// With NASKIT_TORCH_PYTHON pointing at a Python that imports torch, it also runs the PyTorch reference.
// The thread count is OpenBLAS's own (OPENBLAS_NUM_THREADS, else the core count); PyTorch gets the same.
// Options: --quick (fewer repetitions); --steps (only the training steps); --memory (only the memory profile
// of the steps); --network cell|supernet (one network); --keep-freed-memory off (glibc's default trimming);
// --arena-max N (at most N malloc arenas).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
if option("--keep-freed-memory") != "off" { MemoryReuse.keepFreedMemory() }
if let arenas = option("--arena-max").flatMap(Int.init) { MemoryReuse.limitArenas(to: arenas) }
let quick = arguments.contains("--quick")
// One network per process gives each its own peak.
let networks = option("--network").map { [$0 == "supernet"] } ?? [false, true]
let repetitions = quick ? 3 : 10
// The machine's threads: OpenBLAS's default (OPENBLAS_NUM_THREADS, else the cores), given to PyTorch too and
// used for the sgemm ceiling. NASKit itself runs as nasrun does, OpenBLAS single-threaded with the engine's
// workers on the cores (EngineThreading), unless --threading blas keeps OpenBLAS's threads for comparison.
let threads = GEMM.threadCount
let engineThreading = option("--threading") != "blas"
func useNASKitThreading() {
    if engineThreading { EngineThreading.useEngineWorkers() } else { GEMM.setThreadCount(threads) }
}
useNASKitThreading()
print(
    "NASKit engine benchmarks: OpenBLAS \(GEMM.coreName); ceiling and PyTorch on \(threads) threads; NASKit "
        + (engineThreading
            ? "on \(EngineThreading.workerCount) engine workers with single-threaded OpenBLAS"
            : "on \(threads) OpenBLAS threads"))
print()

if arguments.contains("--memory") {
    print("memory of one training step at batch 64 (MiB; allocated = bytes in malloc'd blocks)")
    print("network             model RSS  fwd RSS  fwd alloc  bwd peak RSS  bwd peak alloc  alloc after")
    for supernet in networks {
        let r = MemoryProfile.run(supernet: supernet, batch: 64)
        print(String(
            format: "%-18@ %10.0f %8.0f %10.0f %13.0f %15.0f %12.0f", r.network as NSString, r.modelRSSMiB,
            r.forwardRSSMiB, r.forwardAllocatedMiB - r.startAllocatedMiB, r.backwardPeakRSSMiB,
            r.backwardPeakAllocatedMiB - r.startAllocatedMiB, r.afterStepAllocatedMiB - r.startAllocatedMiB))
    }
    exit(0)
}

if !arguments.contains("--steps") {
    print("(a, b) convolutions of the NAS-Bench-201 network: sgemm ceiling and conv2d as a fraction of it")
    print("shape                          sgemm GF/s   fwd GF/s  fwd/ceil   bwd GF/s  bwd/ceil")
    let results = ConvolutionBenchmark.run(
        repetitions: repetitions, ceilingThreads: threads, useNASKitThreading: useNASKitThreading)
    for result in results {
        let line = String(
            format: "%-30@ %10.1f %10.1f %9.2f %10.1f %9.2f",
            result.shape.description as NSString, result.sgemmGflops, result.forwardGflops,
            result.forwardGflops / result.sgemmGflops, result.backwardGflops,
            result.backwardGflops / result.sgemmGflops)
        print(line)
    }
    print()
}

print("(c, d) one training step of the NAS-Bench-201 network at batch 64 on 32x32x3 (forward, backward, SGD)")
for supernet in networks {
    let result = NetworkStepBenchmark.run(supernet: supernet, batch: 64, repetitions: quick ? 3 : 7)
    var line = String(
        format: "%-18@ NASKit %.3f s/step, peak RSS %.0f MiB, %d parameters",
        result.network as NSString, result.medianSeconds, result.peakMemoryMiB, result.parameterCount)
    if let reference = PyTorchReference.run(
        network: supernet ? "supernet" : "cell", batch: 64, threads: threads, steps: quick ? 5 : 10)
    {
        line += String(
            format: "; PyTorch %@ %.3f s/step (peak RSS %.0f MiB); NASKit/PyTorch %.2f",
            reference.version as NSString, reference.medianSeconds, reference.peakMemoryMiB,
            result.medianSeconds / reference.medianSeconds)
    } else {
        line += "; PyTorch reference skipped (set NASKIT_TORCH_PYTHON to a Python that imports torch)"
    }
    print(line)
}
