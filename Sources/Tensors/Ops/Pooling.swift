// Max, average and global average pooling over NCHW batches: forward and pullback. The loops live in
// Kernels/PoolingKernels.swift.

/// The maximum over square windows of every channel.
///
/// Padding is implicit negative infinity: it never wins.
///
/// - Parameters:
///   - input: (N, C, H, W).
///   - kernelSize: the window's side, at least 1.
///   - stride: the step between windows, at least 1.
///   - padding: added on every side, at most kernelSize / 2 (so that every window sees the input).
/// - Returns: (N, C, H', W') with H' = (H + 2·padding − kernelSize) / stride + 1, likewise W'.
///   The pullback routes each output's gradient to its window's maximum (the first one in row-major window
///   order when several are equal).
/// - Complexity: O(N·C·H'·W'·kernelSize²).
public func maxPool2d(_ input: Variable, kernelSize: Int, stride: Int, padding: Int = 0) -> Variable {
    let geometry = poolingGeometry(
        "maxPool2d", input: input.shape, kernelSize: kernelSize, stride: stride, padding: padding)
    let count = geometry.batch * geometry.channels * geometry.outputPlane
    var output: [Float] = []
    let argmax = [Int32](unsafeUninitializedCapacity: count) { position, positionsInitialized in
        output = [Float](unsafeUninitializedCapacity: count) { y, initialized in
            input.value.scalars.withUnsafeBufferPointer { x in
                PoolingKernels.maximum(
                    x.baseAddress!, geometry: geometry, output: y.baseAddress!, argmax: position.baseAddress!)
            }
            initialized = count
        }
        positionsInitialized = count
    }
    let inputShape = input.shape
    let inputCount = input.value.count
    let value = Tensor(shape: geometry.outputShape, scalars: output)
    return Variable.recorded(value, from: [input]) { [argmax] upstream in
        let gradient = [Float](unsafeUninitializedCapacity: inputCount) { dx, initialized in
            upstream.scalars.withUnsafeBufferPointer { dy in
                argmax.withUnsafeBufferPointer { position in
                    PoolingKernels.maximumBackward(
                        dy.baseAddress!, argmax: position.baseAddress!, geometry: geometry,
                        inputGradient: dx.baseAddress!)
                }
            }
            initialized = inputCount
        }
        return [Tensor(shape: inputShape, scalars: gradient)]
    }
}

/// The mean over square windows of every channel.
///
/// - Parameters:
///   - input: (N, C, H, W).
///   - kernelSize: the window's side, at least 1.
///   - stride: the step between windows, at least 1.
///   - padding: zeros added on every side, at most kernelSize / 2.
///   - countingPadding: whether padded positions count in the divisor. `false` averages over the window's
///     in-bounds elements only (PyTorch's `count_include_pad=False`, what NAS-Bench-201's avg_pool_3x3 uses);
///     `true` always divides by kernelSize².
/// - Returns: (N, C, H', W') with H' = (H + 2·padding − kernelSize) / stride + 1, likewise W'.
/// - Complexity: O(N·C·H'·W'·kernelSize²).
public func avgPool2d(
    _ input: Variable, kernelSize: Int, stride: Int, padding: Int = 0, countingPadding: Bool = false
) -> Variable {
    let geometry = poolingGeometry(
        "avgPool2d", input: input.shape, kernelSize: kernelSize, stride: stride, padding: padding)
    let count = geometry.batch * geometry.channels * geometry.outputPlane
    let output = [Float](unsafeUninitializedCapacity: count) { y, initialized in
        input.value.scalars.withUnsafeBufferPointer { x in
            PoolingKernels.average(
                x.baseAddress!, geometry: geometry, countingPadding: countingPadding, output: y.baseAddress!)
        }
        initialized = count
    }
    let inputShape = input.shape
    let inputCount = input.value.count
    let value = Tensor(shape: geometry.outputShape, scalars: output)
    return Variable.recorded(value, from: [input]) { upstream in
        let gradient = [Float](unsafeUninitializedCapacity: inputCount) { dx, initialized in
            upstream.scalars.withUnsafeBufferPointer { dy in
                PoolingKernels.averageBackward(
                    dy.baseAddress!, geometry: geometry, countingPadding: countingPadding,
                    inputGradient: dx.baseAddress!)
            }
            initialized = inputCount
        }
        return [Tensor(shape: inputShape, scalars: gradient)]
    }
}

/// The mean of every channel over its whole plane.
///
/// - Parameter input: (N, C, H, W).
/// - Returns: (N, C).
/// - Complexity: O(N·C·H·W).
public func globalAveragePool(_ input: Variable) -> Variable {
    enforce(
        input.rank == 4 && input.value.count > 0,
        "globalAveragePool: input \(input.shape) must be a non-empty (N, C, H, W) batch")
    let shape = input.shape
    let planes = shape[0] * shape[1]
    let plane = shape[2] * shape[3]
    let scale = 1 / Float(plane)
    let output = [Float](unsafeUninitializedCapacity: planes) { y, initialized in
        input.value.scalars.withUnsafeBufferPointer { x in
            ImageParallelism.forEachSlice(count: planes, workPerItem: plane) { range in
                for p in range { y[p] = VectorSums.sum(x.baseAddress! + p * plane, count: plane) * scale }
            }
        }
        initialized = planes
    }
    let value = Tensor(shape: [shape[0], shape[1]], scalars: output)
    return Variable.recorded(value, from: [input]) { upstream in
        let count = planes * plane
        let gradient = [Float](unsafeUninitializedCapacity: count) { dx, initialized in
            upstream.scalars.withUnsafeBufferPointer { dy in
                for p in 0..<planes {
                    (dx.baseAddress! + p * plane).initialize(repeating: dy[p] * scale, count: plane)
                }
            }
            initialized = count
        }
        return [Tensor(shape: shape, scalars: gradient)]
    }
}

/// Checks the arguments of a pooling op and derives its geometry.
private func poolingGeometry(
    _ op: String, input: [Int], kernelSize: Int, stride: Int, padding: Int
) -> ConvolutionGeometry {
    enforce(
        input.count == 4 && input.allSatisfy { $0 > 0 },
        "\(op): input \(input) must be a non-empty (N, C, H, W) batch")
    enforce(
        kernelSize >= 1 && stride >= 1 && padding >= 0,
        "\(op): needs kernelSize >= 1, stride >= 1, padding >= 0; got kernelSize \(kernelSize), stride \(stride), padding \(padding)")
    enforce(
        padding <= kernelSize / 2,
        "\(op): padding \(padding) is more than half of kernelSize \(kernelSize); windows would lie in the padding only")
    let geometry = ConvolutionGeometry(
        batch: input[0], channels: input[1], height: input[2], width: input[3], outputChannels: input[1],
        kernelSize: kernelSize, stride: stride, padding: padding)
    enforce(
        geometry.hasOutput,
        "\(op): input \(input) with padding \(padding) is smaller than the \(kernelSize)x\(kernelSize) window")
    return geometry
}
