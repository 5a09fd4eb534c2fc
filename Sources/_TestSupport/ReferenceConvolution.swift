import Tensors

/// The definition of a 2-D convolution, one output element at a time in Double, to check `conv2d` against.
///
/// output[n, o, i, j] = bias[o] + Σ_{k, kh, kw} x[n, g·C/G + k, i·s + kh·d − p, j·s + kw·d − p] · w[o, k, kh, kw]
/// over the group's input channels `k` (group `g = o / (O/G)`) and the positions inside the input.
public enum ReferenceConvolution {
    /// Convolves `input` with `weight` by the seven-loop definition, summing in Double.
    ///
    /// - Parameters:
    ///   - input: (N, C, H, W).
    ///   - weight: (O, C/groups, KH, KW).
    ///   - bias: O values added to every output position of their channel, or nil.
    ///   - stride: the step between output positions, in both directions.
    ///   - padding: the zeros around the input, on every side.
    ///   - dilation: the step between kernel taps, in both directions.
    ///   - groups: how many independent channel groups.
    /// - Returns: the output shape (N, O, H', W') and its values in row-major order, not rounded to Float.
    /// - Complexity: O(N · O · H' · W' · C/groups · KH · KW).
    public static func direct(
        _ input: Tensor, _ weight: Tensor, bias: [Float]?,
        stride: Int = 1, padding: Int = 0, dilation: Int = 1, groups: Int = 1
    ) -> (shape: [Int], values: [Double]) {
        let (batch, channels, height, width) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
        let (outputChannels, groupChannels) = (weight.shape[0], weight.shape[1])
        let (kernelHeight, kernelWidth) = (weight.shape[2], weight.shape[3])
        precondition(
            groupChannels * groups == channels && outputChannels % groups == 0,
            "ReferenceConvolution: input \(input.shape) and weight \(weight.shape) do not fit groups \(groups)")
        let outputHeight = (height + 2 * padding - dilation * (kernelHeight - 1) - 1) / stride + 1
        let outputWidth = (width + 2 * padding - dilation * (kernelWidth - 1) - 1) / stride + 1
        let groupOutputs = outputChannels / groups
        let x = input.scalars
        let w = weight.scalars
        var y = [Double](repeating: 0, count: batch * outputChannels * outputHeight * outputWidth)
        for n in 0..<batch {
            for o in 0..<outputChannels {
                for i in 0..<outputHeight {
                    for j in 0..<outputWidth {
                        var sum = Double(bias?[o] ?? 0)
                        for k in 0..<groupChannels {
                            let channel = (o / groupOutputs) * groupChannels + k
                            for kh in 0..<kernelHeight {
                                for kw in 0..<kernelWidth {
                                    let row = i * stride + kh * dilation - padding
                                    let column = j * stride + kw * dilation - padding
                                    guard row >= 0, row < height, column >= 0, column < width else { continue }
                                    sum += Double(x[((n * channels + channel) * height + row) * width + column])
                                        * Double(w[((o * groupChannels + k) * kernelHeight + kh) * kernelWidth + kw])
                                }
                            }
                        }
                        y[((n * outputChannels + o) * outputHeight + i) * outputWidth + j] = sum
                    }
                }
            }
        }
        return (shape: [batch, outputChannels, outputHeight, outputWidth], values: y)
    }
}
