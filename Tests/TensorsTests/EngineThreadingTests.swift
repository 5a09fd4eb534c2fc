import Tensors
import Testing
import _TestSupport

/// The engine's own parallel paths, taken when OpenBLAS is single-threaded (``EngineThreading``). The thread
/// count is process-wide, so each check runs in a child process (an exit test) and cannot change the path that
/// concurrently running tests take.
@Suite("EngineThreading")
struct EngineThreadingTests {
    @Test("with single-threaded OpenBLAS, a large matmul split by rows equals the definition")
    func matmulRowSplit() async {
        await #expect(processExitsWith: .success) {
            EngineThreading.useEngineWorkers()
            enforce(GEMM.threadCount == 1, "OpenBLAS did not switch to one thread")
            let (m, k, n) = (67, 129, 65)  // odd sizes: uneven row slices
            let a = TestTensors.normal([m, k], seed: 31)
            let b = TestTensors.normal([k, n], seed: 32)
            let product = MatrixProduct.multiply(a, b)
            for i in 0..<m {
                for j in 0..<n {
                    var exact = 0.0
                    for p in 0..<k { exact += Double(a.scalars[i * k + p]) * Double(b.scalars[p * n + j]) }
                    enforce(abs(Double(product.scalars[i * n + j]) - exact) <= 1e-4 * max(1, abs(exact)),
                            "row-split matmul differs at (\(i), \(j))")
                }
            }
            enforce(MatrixProduct.multiply(a, b) == product, "row-split matmul is not deterministic")
        }
    }

    @Test("with single-threaded OpenBLAS, convolutions on every path equal the definition, forward and backward")
    func convolutionChunkWorkers() async {
        await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            EngineThreading.useEngineWorkers()
            // (shape, kernel, stride, padding, groups): Winograd, im2col 1x1, im2col stride 2, depthwise.
            let cases: [([Int], Int, Int, Int, Int)] = [
                ([4, 8, 5, 5], 3, 1, 1, 1), ([4, 8, 4, 4], 1, 1, 0, 1), ([4, 8, 5, 5], 3, 2, 1, 1),
                ([4, 8, 4, 4], 3, 1, 1, 8),
            ]
            for (index, (shape, kernel, stride, padding, groups)) in cases.enumerated() {
                let input = TestTensors.normal(shape, seed: UInt64(40 + index))
                let weight = TestTensors.normal([8, shape[1] / groups, kernel, kernel], seed: UInt64(50 + index))
                let output = conv2d(
                    Variable(input), weight: Variable(weight), stride: stride, padding: padding, groups: groups).value
                let reference = ReferenceConvolution.direct(
                    input, weight, bias: nil, stride: stride, padding: padding, groups: groups)
                enforce(output.shape == reference.shape, "case \(index): shape \(output.shape)")
                for (x, y) in zip(output.scalars, reference.values) {
                    enforce(abs(Double(x) - y) <= 1e-4 * max(1, abs(y)), "case \(index): forward differs")
                }
                // Backward: input and weight gradients against central differences.
                let reports = GradientCheck().run([input, weight]) { v in
                    conv2d(v[0], weight: v[1], stride: stride, padding: padding, groups: groups)
                }
                enforce(reports.allSatisfy(\.passed), "case \(index): \(reports)")
            }
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(!text.contains("Fatal error"), "\(text.prefix(2000))")
        }
    }
}
