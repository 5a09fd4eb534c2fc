#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// One step of a long short-term memory cell (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al.
// 2000), fused: one pair of sgemms computes the four gates, and the pullback is written in closed form.
//
//   a = x Wᵢ + h Wₕ + b                           // (N, 4H), blocks i, f, g, o along the second axis
//   i = σ(aᵢ), f = σ(a_f), g = tanh(a_g), o = σ(aₒ)
//   c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c')
//
// Backward, from dh' and dc' (the gradient reaching c' directly):
//   dc'ₜ = dc' + dh' ⊙ o ⊙ (1 − tanh²c')         // total gradient of c'
//   daₒ = dh' ⊙ tanh(c') ⊙ o(1 − o),  daᵢ = dc'ₜ ⊙ g ⊙ i(1 − i)
//   da_f = dc'ₜ ⊙ c ⊙ f(1 − f),       da_g = dc'ₜ ⊙ i ⊙ (1 − g²),   dc = dc'ₜ ⊙ f
//   dx = da Wᵢᵀ, dWᵢ = xᵀ da, dh = da Wₕᵀ, dWₕ = hᵀ da, db = Σₙ da

/// One LSTM step, with the gates i, f, g, o in that order along the 4H axis (PyTorch's order).
///
/// - Parameters:
///   - input: x, (N, I).
///   - hidden: the previous hidden state h, (N, H).
///   - cell: the previous cell state c, (N, H).
///   - inputWeight: Wᵢ, (I, 4H).
///   - hiddenWeight: Wₕ, (H, 4H).
///   - bias: b, (4H).
/// - Returns: the new hidden state h' = o ⊙ tanh(c') and cell state c' = f ⊙ c + i ⊙ g, each (N, H).
/// - Complexity: 2N(I + H)·4H flops for the gates (two sgemms), four sgemms of the same size backward.
public func lstmCell(
    input: Variable, hidden: Variable, cell: Variable, inputWeight: Variable,
    hiddenWeight: Variable, bias: Variable
) -> (hidden: Variable, cell: Variable) {
    precondition(input.rank == 2, "lstmCell: input must be (N, I), got shape \(input.shape)")
    let (batch, inputSize) = (input.shape[0], input.shape[1])
    precondition(
        hidden.rank == 2 && hidden.shape[0] == batch,
        "lstmCell: hidden must be (N, H) with N = \(batch) from input \(input.shape), got shape \(hidden.shape)")
    let hiddenSize = hidden.shape[1]
    let gateWidth = 4 * hiddenSize
    precondition(
        batch > 0 && inputSize > 0 && hiddenSize > 0,
        "lstmCell: input \(input.shape) and hidden \(hidden.shape) need N, I, H ≥ 1")
    precondition(
        cell.shape == hidden.shape,
        "lstmCell: cell shape \(cell.shape) differs from hidden shape \(hidden.shape)")
    precondition(
        inputWeight.shape == [inputSize, gateWidth],
        "lstmCell: inputWeight has shape \(inputWeight.shape) but input \(input.shape) and hidden \(hidden.shape) need [\(inputSize), \(gateWidth)]")
    precondition(
        hiddenWeight.shape == [hiddenSize, gateWidth],
        "lstmCell: hiddenWeight has shape \(hiddenWeight.shape) but hidden \(hidden.shape) needs [\(hiddenSize), \(gateWidth)]")
    precondition(
        bias.shape == [gateWidth],
        "lstmCell: bias has shape \(bias.shape) but hidden \(hidden.shape) needs [\(gateWidth)]")

    // Gates: a = x Wᵢ + h Wₕ + b, then the nonlinearities in place.  // (N, 4H)
    var gates = [Float](repeating: 0, count: batch * gateWidth)
    gates.withUnsafeMutableBufferPointer { a in
        input.value.scalars.withUnsafeBufferPointer { x in
            inputWeight.value.scalars.withUnsafeBufferPointer { w in
                GEMM.multiply(m: batch, n: gateWidth, k: inputSize, a: x.baseAddress!, b: w.baseAddress!,
                              c: a.baseAddress!)
            }
        }
        hidden.value.scalars.withUnsafeBufferPointer { h in
            hiddenWeight.value.scalars.withUnsafeBufferPointer { w in
                GEMM.multiply(m: batch, n: gateWidth, k: hiddenSize, a: h.baseAddress!, b: w.baseAddress!,
                              c: a.baseAddress!, beta: 1)
            }
        }
        bias.value.scalars.withUnsafeBufferPointer { b in
            for n in 0..<batch {
                let row = n * gateWidth
                for j in 0..<gateWidth {
                    let z = a[row + j] + b[j]
                    let isCandidate = j >= 2 * hiddenSize && j < 3 * hiddenSize
                    a[row + j] = isCandidate ? tanhf(z) : logistic(z)
                }
            }
        }
    }
    let activated = gates  // (N, 4H): i, f, g, o

    // States: c' = f ⊙ c + i ⊙ g and h' = o ⊙ tanh(c'), written side by side as (N, 2H) = [h' | c'].
    var states = [Float](repeating: 0, count: batch * 2 * hiddenSize)
    var tanhCell = [Float](repeating: 0, count: batch * hiddenSize)  // (N, H)
    activated.withUnsafeBufferPointer { a in
        cell.value.scalars.withUnsafeBufferPointer { c in
            for n in 0..<batch {
                let gateRow = n * gateWidth
                for j in 0..<hiddenSize {
                    let i = a[gateRow + j], f = a[gateRow + hiddenSize + j]
                    let g = a[gateRow + 2 * hiddenSize + j], o = a[gateRow + 3 * hiddenSize + j]
                    let newCell = f * c[n * hiddenSize + j] + i * g
                    let t = tanhf(newCell)
                    tanhCell[n * hiddenSize + j] = t
                    states[n * 2 * hiddenSize + j] = o * t
                    states[n * 2 * hiddenSize + hiddenSize + j] = newCell
                }
            }
        }
    }
    let value = Tensor(shape: [batch, 2 * hiddenSize], scalars: states)
    let tanhOfCell = tanhCell
    let inputs = [input, hidden, cell, inputWeight, hiddenWeight, bias]
    let joined = Variable.recorded(value, from: inputs) { upstream in
        var gateGradient = [Float](repeating: 0, count: batch * gateWidth)  // da, (N, 4H)
        var cellGradient = [Float](repeating: 0, count: batch * hiddenSize)  // dc, (N, H)
        upstream.scalars.withUnsafeBufferPointer { d in
            activated.withUnsafeBufferPointer { a in
                cell.value.scalars.withUnsafeBufferPointer { c in
                    for n in 0..<batch {
                        let gateRow = n * gateWidth
                        for j in 0..<hiddenSize {
                            let i = a[gateRow + j], f = a[gateRow + hiddenSize + j]
                            let g = a[gateRow + 2 * hiddenSize + j], o = a[gateRow + 3 * hiddenSize + j]
                            let t = tanhOfCell[n * hiddenSize + j]
                            let dHidden = d[n * 2 * hiddenSize + j]
                            let dCell = d[n * 2 * hiddenSize + hiddenSize + j] + dHidden * o * (1 - t * t)
                            gateGradient[gateRow + j] = dCell * g * i * (1 - i)
                            gateGradient[gateRow + hiddenSize + j] = dCell * c[n * hiddenSize + j] * f * (1 - f)
                            gateGradient[gateRow + 2 * hiddenSize + j] = dCell * i * (1 - g * g)
                            gateGradient[gateRow + 3 * hiddenSize + j] = dHidden * t * o * (1 - o)
                            cellGradient[n * hiddenSize + j] = dCell * f
                        }
                    }
                }
            }
        }
        let da = Tensor(shape: [batch, gateWidth], scalars: gateGradient)
        return [
            MatrixProduct.multiply(da, inputWeight.value, transposeB: true),
            MatrixProduct.multiply(da, hiddenWeight.value, transposeB: true),
            Tensor(shape: [batch, hiddenSize], scalars: cellGradient),
            MatrixProduct.multiply(input.value, da, transposeA: true),
            MatrixProduct.multiply(hidden.value, da, transposeA: true),
            Reduction.sum(da, axes: [0], keepingDimensions: false),
        ]
    }
    return (
        hidden: joined.slice(axis: 1, range: 0..<hiddenSize),
        cell: joined.slice(axis: 1, range: hiddenSize..<(2 * hiddenSize))
    )
}
