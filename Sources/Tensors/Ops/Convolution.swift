// 2-D convolution: forward and pullback. The loops live in Kernels/ConvolutionGEMM.swift (im2col + sgemm),
// Kernels/WinogradConvolution.swift (3x3 stride 1) and Kernels/ConvolutionDepthwise.swift (groups = C).

/// The 2-D cross-correlation of an NCHW batch with square filters (what deep-learning libraries call
/// convolution), with zero padding, stride, dilation and groups.
///
/// `output[n, o, i, j] = bias[o] + Σ_{c, kh, kw} weight[o, c, kh, kw] ·
/// input[n, g·C/groups + c, i·stride + kh·dilation − padding, j·stride + kw·dilation − padding]`,
/// where g = o / (O/groups) is the group of output channel o and positions outside the input read 0.
///
/// - Parameters:
///   - input: (N, C, H, W).
///   - weight: (O, C/groups, K, K).
///   - bias: (O), or nil for none.
///   - stride: the step between windows, at least 1.
///   - padding: zeros added on every side, at least 0.
///   - dilation: the spacing between kernel taps, at least 1.
///   - groups: C and O are split into this many groups, each convolved separately; groups = C is a depthwise
///     convolution.
/// - Returns: (N, O, H', W') with H' = (H + 2·padding − dilation·(K − 1) − 1) / stride + 1, likewise W'.
/// - Complexity: 2·N·O·(C/groups)·K²·H'·W' floating-point operations for the forward pass, twice that for
///   the pullback; through sgemm on im2col chunks, direct loops when groups = C, or Winograd's F(2x2, 3x3)
///   (2.25 times fewer multiplications) for 3x3 stride-1 convolutions: see ``conv2dAlgorithm(inputShape:weightShape:stride:padding:dilation:groups:)``.
public func conv2d(
    _ input: Variable, weight: Variable, bias: Variable? = nil,
    stride: Int = 1, padding: Int = 0, dilation: Int = 1, groups: Int = 1
) -> Variable {
    let geometry = convolutionGeometry(
        input: input.shape, weight: weight.shape, bias: bias?.shape,
        stride: stride, padding: padding, dilation: dilation, groups: groups)
    let algorithm = convolutionAlgorithm(geometry)
    let depthwise = algorithm == .depthwise
    let kernel = switch algorithm {
    case .depthwise: ConvolutionDepthwise.forward
    case .winograd: WinogradConvolution.forward
    case .matrixMultiplication: ConvolutionGEMM.forward
    }

    let outputShape = geometry.outputShape
    let count = outputShape.reduce(1, *)
    let output = [Float](unsafeUninitializedCapacity: count) { y, initialized in
        input.value.scalars.withUnsafeBufferPointer { x in
            weight.value.scalars.withUnsafeBufferPointer { w in
                withOptionalBuffer(bias?.value.scalars) { b in
                    kernel(x.baseAddress!, w.baseAddress!, b, geometry, y.baseAddress!)
                }
            }
        }
        initialized = count
    }
    let value = Tensor(shape: outputShape, scalars: output)

    let inputs = [input, weight] + (bias.map { [$0] } ?? [])
    let inputValue = input.value
    let weightValue = weight.value
    let hasBias = bias != nil
    // The input gradient of a network's first layer (the data) is never used: the sgemm path skips it.
    let skipsInputGradient = !input.isRecorded && !depthwise
    return Variable.recorded(value, from: inputs) { upstream in
        // Every kernel overwrites all of dX (unless skipped), dW and db.
        var weightGradient = [Float](repeating: 0, count: weightValue.count)
        var biasGradient = [Float](repeating: 0, count: hasBias ? geometry.outputChannels : 0)
        let inputCount = skipsInputGradient ? 0 : inputValue.count
        let inputGradient = [Float](unsafeUninitializedCapacity: inputCount) { dx, initialized in
            upstream.scalars.withUnsafeBufferPointer { dy in
                inputValue.scalars.withUnsafeBufferPointer { x in
                    weightValue.scalars.withUnsafeBufferPointer { w in
                        weightGradient.withUnsafeMutableBufferPointer { dw in
                            biasGradient.withUnsafeMutableBufferPointer { db in
                                if depthwise {
                                    ConvolutionDepthwise.backward(
                                        outputGradient: dy.baseAddress!, input: x.baseAddress!,
                                        weight: w.baseAddress!, geometry: geometry, inputGradient: dx.baseAddress!,
                                        weightGradient: dw.baseAddress!, biasGradient: hasBias ? db.baseAddress! : nil)
                                } else if algorithm == .winograd {
                                    if !skipsInputGradient {
                                        WinogradConvolution.inputGradient(
                                            outputGradient: dy.baseAddress!, weight: w.baseAddress!,
                                            geometry: geometry, inputGradient: dx.baseAddress!)
                                    }
                                    WinogradConvolution.weightGradient(
                                        outputGradient: dy.baseAddress!, input: x.baseAddress!, geometry: geometry,
                                        weightGradient: dw.baseAddress!, biasGradient: hasBias ? db.baseAddress! : nil)
                                } else {
                                    ConvolutionGEMM.backward(
                                        outputGradient: dy.baseAddress!, input: x.baseAddress!,
                                        weight: w.baseAddress!, geometry: geometry,
                                        inputGradient: skipsInputGradient ? nil : dx.baseAddress!,
                                        weightGradient: dw.baseAddress!, biasGradient: hasBias ? db.baseAddress! : nil)
                                }
                            }
                        }
                    }
                }
            }
            initialized = inputCount
        }
        var gradients: [Tensor?] = [
            skipsInputGradient ? nil : Tensor(shape: inputValue.shape, scalars: inputGradient),
            Tensor(shape: weightValue.shape, scalars: weightGradient),
        ]
        if hasBias { gradients.append(Tensor(shape: [geometry.outputChannels], scalars: biasGradient)) }
        return gradients
    }
}

/// How ``conv2d(_:weight:bias:stride:padding:dilation:groups:)`` computes a convolution.
public enum ConvolutionAlgorithm: Sendable, Equatable {
    /// Winograd's minimal filtering F(2x2, 3x3) (Lavin & Gray 2016) for 3x3 filters at stride 1, dilation 1,
    /// one group and padding at most 1 with enough channels: forward pass, input and weight gradients.
    case winograd
    /// im2col and one sgemm per group on chunks of images.
    case matrixMultiplication
    /// Direct loops, for depthwise convolutions (groups = C > 1).
    case depthwise
}

/// The algorithm ``conv2d(_:weight:bias:stride:padding:dilation:groups:)`` uses for these shapes and arguments
/// (the same for its forward and backward passes).
///
/// - Parameters:
///   - inputShape: (N, C, H, W).
///   - weightShape: (O, C/groups, K, K).
///   - stride, padding, dilation, groups: as for `conv2d`.
/// - Returns: the algorithm; the arguments are checked as `conv2d` checks them.
public func conv2dAlgorithm(
    inputShape: [Int], weightShape: [Int], stride: Int = 1, padding: Int = 0, dilation: Int = 1, groups: Int = 1
) -> ConvolutionAlgorithm {
    convolutionAlgorithm(
        convolutionGeometry(
            input: inputShape, weight: weightShape, bias: nil, stride: stride, padding: padding,
            dilation: dilation, groups: groups))
}

/// The fewest input and output channels for which Winograd beats im2col + sgemm: with fewer (the 3-channel
/// stem of an image network) the 16 products are too thin for sgemm.
let winogradMinimumChannels = 8

/// The dispatch of conv2d.
func convolutionAlgorithm(_ g: ConvolutionGeometry) -> ConvolutionAlgorithm {
    // A single-channel input (groups = C = 1) is a plain convolution: its direct-loop backward would run on
    // one core, since that kernel splits work by input channel.
    if g.groups == g.channels && g.channels > 1 { return .depthwise }
    if WinogradConvolution.isEligible(g) && g.padding <= 1
        && min(g.channels, g.outputChannels) >= winogradMinimumChannels
    {
        return .winograd
    }
    return .matrixMultiplication
}

/// Checks the shapes and arguments of a convolution and derives its geometry.
func convolutionGeometry(
    input: [Int], weight: [Int], bias: [Int]?, stride: Int, padding: Int, dilation: Int, groups: Int
) -> ConvolutionGeometry {
    enforce(
        input.count == 4 && input.allSatisfy { $0 > 0 },
        "conv2d: input \(input) must be a non-empty (N, C, H, W) batch")
    enforce(
        weight.count == 4 && weight.allSatisfy { $0 > 0 } && weight[2] == weight[3],
        "conv2d: weight \(weight) must be (O, C/groups, K, K) with a square kernel")
    enforce(
        stride >= 1 && padding >= 0 && dilation >= 1 && groups >= 1,
        "conv2d: needs stride >= 1, padding >= 0, dilation >= 1, groups >= 1; got stride \(stride), padding \(padding), dilation \(dilation), groups \(groups)")
    enforce(
        input[1] % groups == 0 && weight[0] % groups == 0,
        "conv2d: groups \(groups) must divide the input channels of input \(input) and the output channels of weight \(weight)")
    enforce(
        input[1] == weight[1] * groups,
        "conv2d: input \(input) has \(input[1]) channels but weight \(weight) expects \(weight[1] * groups) (groups \(groups))")
    if let bias {
        enforce(
            bias == [weight[0]],
            "conv2d: bias \(bias) does not match the \(weight[0]) output channels of weight \(weight)")
    }
    let geometry = ConvolutionGeometry(
        batch: input[0], channels: input[1], height: input[2], width: input[3], outputChannels: weight[0],
        kernelSize: weight[2], stride: stride, padding: padding, dilation: dilation, groups: groups)
    enforce(
        geometry.hasOutput,
        "conv2d: input \(input) with padding \(padding) is smaller than the kernel of weight \(weight) at dilation \(dilation)")
    return geometry
}

/// Calls `body` with the base address of `scalars`, or with nil when there are none.
@inline(__always)
private func withOptionalBuffer<Result>(
    _ scalars: [Float]?, _ body: (UnsafePointer<Float>?) -> Result
) -> Result {
    guard let scalars else { return body(nil) }
    return scalars.withUnsafeBufferPointer { body($0.baseAddress!) }
}
