import CBLAS

/// General matrix multiplication through OpenBLAS: the only file that calls BLAS.
public enum GEMM {
    /// C = alpha * op(A) * op(B) + beta * C on row-major buffers.
    ///
    /// - Parameters:
    ///   - m, n, k: op(A) is m x k, op(B) is k x n, C is m x n.
    ///   - a, b: row-major matrices, stored untransposed (A is k x m when `transposeA`).
    ///   - c: the m x n output, accumulated into when `beta` is not 0.
    /// - Complexity: 2mnk floating-point operations, on OpenBLAS's threads.
    @inline(__always)
    public static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, transposeA: Bool = false,
        b: UnsafePointer<Float>, transposeB: Bool = false,
        c: UnsafeMutablePointer<Float>, alpha: Float = 1, beta: Float = 0
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // BLAS leaves C untouched when k = 0 only if beta = 1; scale explicitly.
            for i in 0..<(m * n) { c[i] = beta == 0 ? 0 : c[i] * beta }
            return
        }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(transposeA ? m : k),
            b, Int32(transposeB ? k : n),
            beta, c, Int32(n))
    }

    /// The number of threads OpenBLAS uses.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of threads OpenBLAS uses for every following call (process-wide; see
    /// ``EngineThreading``).
    public static func setThreadCount(_ count: Int) {
        enforce(count >= 1, "GEMM.setThreadCount: needs at least one thread, got \(count)")
        openblas_set_num_threads(Int32(count))
    }

    /// OpenBLAS's name for the CPU kernel it selected (e.g. "Haswell").
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }
}
