/// Who uses the cores: OpenBLAS's own threads, or the engine's workers.
///
/// By default OpenBLAS threads every sgemm over all cores while the engine's kernels (im2col, Winograd
/// transforms, batch norm, pooling) split their loops over the same cores with Dispatch. Between two GEMMs,
/// OpenBLAS's idle threads spin in `sched_yield`, competing with the engine's workers: on the NAS-Bench-201
/// training step about a sixth of the profile was that spinning. ``useEngineWorkers()`` makes OpenBLAS
/// single-threaded so the engine owns every core: convolutions run whole image chunks per worker (im2col and
/// sgemm together), Winograd shares its 16 products among the workers, and large matrix products are split by
/// rows. It is also what several training processes side by side need (one BLAS thread each, no
/// oversubscription).
///
/// Results stay deterministic for a given core count; see `Docs/Engine.md`, Determinism.
public enum EngineThreading {
    /// Makes OpenBLAS single-threaded so that the engine's workers own the cores. Call it once at the start of a
    /// program (the `nasrun` command and the benchmarks do), before any computation.
    public static func useEngineWorkers() {
        GEMM.setThreadCount(1)
    }

    /// The number of workers the engine splits its loops over (the online processors).
    public static var workerCount: Int { ImageParallelism.processorCount }
}
