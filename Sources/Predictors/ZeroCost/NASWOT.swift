import Layers
import Tensors

/// NASWOT, "Neural Architecture Search without Training" (Mellor et al., ICML 2021; `nwot` of
/// NAS-Bench-Suite-Zero): log |K_H|, K_H[i, j] = N_A − d_H(c_i, c_j), where c_i are the binary codes
/// (pre-activation > 0) of image i at every rectifier and d_H the Hamming distance.
///
/// Line mapping to NASLib `measures/nwot.py` (`bn=True`, training mode): a forward hook on every `nn.ReLU`
/// → ``Observer`` (``ActivationObserver/observeRectifierInput(_:)``); `x = (inp > 0).float()`,
/// `K = x @ x.t()`, `K2 = (1. - x) @ (1. - x.t())`, `net.K += K + K2` → ``Observer/kernel``, the count of
/// agreeing codes (1-1 and 0-0), accumulated over all rectifiers; `np.linalg.slogdet(net.K)[1]` →
/// ``SymmetricMatrix/logAbsoluteDeterminant()``.
enum NASWOT {
    /// The score of `network` on `batch`.
    ///
    /// - Complexity: one forward pass and O(N² · Σ codes / 64) for the kernel, O(N³) for the determinant.
    static func score(_ network: some ObservableLayer, batch: ZeroCostBatch) -> Double {
        let observer = Observer(count: batch.count)
        _ = network(Variable(batch.images), mode: .training(seed: 0), observer: observer)
        return observer.kernel.logAbsoluteDeterminant()
    }

    /// Accumulates K_H from the rectifiers' inputs.
    final class Observer: ActivationObserver {
        /// K_H so far, (N, N).
        private(set) var kernel: SymmetricMatrix

        init(count: Int) {
            kernel = SymmetricMatrix(size: count, entries: [Double](repeating: 0, count: count * count))
        }

        /// Adds the agreements of this rectifier's codes: its code length minus the Hamming distance.
        func observeRectifierInput(_ input: Variable) {
            let count = kernel.size
            let length = input.value.count / count
            let words = (length + 63) / 64
            var codes = [UInt64](repeating: 0, count: count * words)
            input.value.scalars.withUnsafeBufferPointer { values in
                for example in 0..<count {
                    for position in 0..<length where values[example * length + position] > 0 {
                        codes[example * words + position / 64] |= 1 << UInt64(position % 64)
                    }
                }
            }
            add(codes: codes, words: words, length: length)
        }

        /// Adds `length` minus the Hamming distance of every pair of packed codes.
        func add(codes: [UInt64], words: Int, length: Int) {
            let count = kernel.size
            for i in 0..<count {
                for j in i..<count {
                    var distance = 0
                    for word in 0..<words {
                        distance += (codes[i * words + word] ^ codes[j * words + word]).nonzeroBitCount
                    }
                    let agreements = Double(length - distance)
                    kernel[i, j] += agreements
                    if i != j { kernel[j, i] += agreements }
                }
            }
        }
    }
}
