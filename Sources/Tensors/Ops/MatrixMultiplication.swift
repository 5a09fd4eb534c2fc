/// The matrix product of `a` (m, k) and `b` (k, n): (m, n), through OpenBLAS's sgemm.
///
/// Pullback: dA = dC Bᵀ, dB = Aᵀ dC, each one sgemm.
public func matmul(_ a: Variable, _ b: Variable) -> Variable {
    precondition(
        a.shape.count == 2 && b.shape.count == 2 && a.shape[1] == b.shape[0],
        "matmul: shapes \(a.shape) and \(b.shape) are incompatible; expected (m, k) and (k, n)")
    let value = MatrixProduct.multiply(a.value, b.value)
    return Variable.recorded(value, from: [a, b]) { g in
        [
            MatrixProduct.multiply(g, b.value, transposeB: true),
            MatrixProduct.multiply(a.value, g, transposeA: true),
        ]
    }
}

/// Matrix products of tensors, without autodiff.
public enum MatrixProduct {
    /// op(a) op(b) for rank-2 tensors, where op transposes when asked.
    public static func multiply(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
    ) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul: needs rank-2 tensors, got \(a.shape) and \(b.shape)")
        let m = transposeA ? a.shape[1] : a.shape[0]
        let k = transposeA ? a.shape[0] : a.shape[1]
        let k2 = transposeB ? b.shape[1] : b.shape[0]
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition(
            k == k2,
            "matmul: inner dimensions differ: \(a.shape)\(transposeA ? "ᵀ" : "") times \(b.shape)\(transposeB ? "ᵀ" : "")")
        var result = [Float](repeating: 0, count: m * n)
        // With single-threaded OpenBLAS (EngineThreading), large products are split by rows of A among the
        // engine's workers; each row's result is the same whichever worker computes it.
        let splitRows = !transposeA && GEMM.threadCount == 1 && m >= 2 * EngineThreading.workerCount
        let workPerRow = splitRows ? n * k : 0
        a.scalars.withUnsafeBufferPointer { x in
            b.scalars.withUnsafeBufferPointer { y in
                result.withUnsafeMutableBufferPointer { c in
                    let (aBase, bBase, cBase) = (x.baseAddress!, y.baseAddress!, c.baseAddress!)
                    ImageParallelism.forEachSlice(count: m, workPerItem: workPerRow) { rows in
                        GEMM.multiply(
                            m: rows.count, n: n, k: k,
                            a: transposeA ? aBase : aBase + rows.lowerBound * k, transposeA: transposeA,
                            b: bBase, transposeB: transposeB,
                            c: cBase + rows.lowerBound * n)
                    }
                }
            }
        }
        return Tensor(shape: [m, n], scalars: result)
    }
}
