import Seeding
import Tensors

/// (a) and (b): OpenBLAS sgemm GFLOP/s on the matrix shapes that lowering each convolution to one GEMM
/// produces (the ceiling), and NASKit's conv2d forward and backward GFLOP/s as a fraction of it.
struct ConvolutionBenchmark {
    /// One convolution layer's shape.
    struct Shape: CustomStringConvertible {
        let batch, inputChannels, outputChannels, size, kernel, stride: Int

        var outputSize: Int { (size + 2 * (kernel / 2) - kernel) / stride + 1 }
        /// Multiply-adds of the forward pass, times two.
        var forwardFlops: Double {
            2.0 * Double(batch * outputChannels * outputSize * outputSize * inputChannels * kernel * kernel)
        }
        /// The GEMM of the lowering: (O) x (C·K·K) times (C·K·K) x (N·H'·W').
        var gemm: (m: Int, n: Int, k: Int) {
            (outputChannels, batch * outputSize * outputSize, inputChannels * kernel * kernel)
        }
        var description: String {
            "N\(batch) C\(inputChannels)->\(outputChannels) \(size)x\(size) k\(kernel) s\(stride)"
        }
    }

    /// The convolutions of the NAS-Bench-201 network at batch 64 on 32x32 inputs.
    static let nasBench201Shapes: [Shape] = [
        Shape(batch: 64, inputChannels: 3, outputChannels: 16, size: 32, kernel: 3, stride: 1),
        Shape(batch: 64, inputChannels: 16, outputChannels: 16, size: 32, kernel: 3, stride: 1),
        Shape(batch: 64, inputChannels: 16, outputChannels: 16, size: 32, kernel: 1, stride: 1),
        Shape(batch: 64, inputChannels: 16, outputChannels: 32, size: 32, kernel: 3, stride: 2),
        Shape(batch: 64, inputChannels: 32, outputChannels: 32, size: 16, kernel: 3, stride: 1),
        Shape(batch: 64, inputChannels: 32, outputChannels: 32, size: 16, kernel: 1, stride: 1),
        Shape(batch: 64, inputChannels: 32, outputChannels: 64, size: 16, kernel: 3, stride: 2),
        Shape(batch: 64, inputChannels: 64, outputChannels: 64, size: 8, kernel: 3, stride: 1),
        Shape(batch: 64, inputChannels: 64, outputChannels: 64, size: 8, kernel: 1, stride: 1),
    ]

    struct Result {
        let shape: Shape
        let sgemmGflops: Double
        let forwardGflops: Double
        let backwardGflops: Double
    }

    /// - Parameters:
    ///   - ceilingThreads: OpenBLAS's threads for the sgemm ceiling.
    ///   - useNASKitThreading: restores NASKit's threading for the conv2d timings.
    static func run(repetitions: Int, ceilingThreads: Int, useNASKitThreading: () -> Void) -> [Result] {
        nasBench201Shapes.map { shape in
            var rng = Xoshiro256(seed: 1)
            func random(_ dims: [Int]) -> Tensor {
                Tensor(shape: dims, scalars: (0..<dims.reduce(1, *)).map { _ in rng.normalFloat() })
            }
            let (m, n, k) = shape.gemm
            let a = random([m, k])
            let b = random([k, n])
            var c = [Float](repeating: 0, count: m * n)
            GEMM.setThreadCount(ceilingThreads)
            defer { useNASKitThreading() }
            let sgemmSeconds = Measurement.medianSeconds(repetitions: repetitions) {
                a.scalars.withUnsafeBufferPointer { x in
                    b.scalars.withUnsafeBufferPointer { y in
                        c.withUnsafeMutableBufferPointer { z in
                            GEMM.multiply(m: m, n: n, k: k, a: x.baseAddress!, b: y.baseAddress!, c: z.baseAddress!)
                        }
                    }
                }
            }
            useNASKitThreading()
            let input = random([shape.batch, shape.inputChannels, shape.size, shape.size])
            let weight = random([shape.outputChannels, shape.inputChannels, shape.kernel, shape.kernel])
            let padding = shape.kernel / 2
            let forwardSeconds = Measurement.medianSeconds(repetitions: repetitions) {
                _ = conv2d(Variable(input), weight: Variable(weight), stride: shape.stride, padding: padding)
            }
            // Backward alone: the input and weight gradients, timed after an untimed forward pass.
            let backwardSeconds = Measurement.medianOfTimed(repetitions: repetitions) {
                let tape = Tape()
                let y = conv2d(
                    tape.variable(input), weight: tape.variable(weight), stride: shape.stride, padding: padding)
                let start = Measurement.now()
                _ = tape.gradients(of: y, seed: y.value)
                return Measurement.now() - start
            }
            let flops = shape.forwardFlops
            return Result(
                shape: shape,
                sgemmGflops: 2.0 * Double(m * n * k) / sgemmSeconds / 1e9,
                forwardGflops: flops / forwardSeconds / 1e9,
                backwardGflops: 2 * flops / backwardSeconds / 1e9)
        }
    }
}
