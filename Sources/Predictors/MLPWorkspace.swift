import Tensors

/// The buffers of one meta network's forward and backward passes over up to ``capacity`` rows, allocated once
/// per fit and reused by every step of every member, so training allocates nothing per step.
///
/// A transient helper (a class because it owns raw memory); fitted weights never live here. Buffers, with
/// L = hidden layers, W = width, I = input size, R = capacity:
///
///     activations[0]      (R, I)   the batch's encodings
///     activations[l + 1]  (R, W)   layer l's output after ReLU, 0 ≤ l < L
///     activations[L + 1]  (R, 1)   the network's output (linear)
///     outputGradient      (R)      d loss / d output
///     upstream, spare     (R, max(I, W))  d loss / d activation, ping-ponged between layers
///     parameterGradient   (P)      d loss / d parameters, laid out as the parameter vector
///     ones                (R)      for the bias gradients' column sums
final class MLPWorkspace {
    let layout: MLPLayout
    /// The most rows one pass can take.
    let capacity: Int
    let weightOffsets: [Int]
    let biasOffsets: [Int]
    let activations: [UnsafeMutablePointer<Float>]
    let outputGradient: UnsafeMutablePointer<Float>
    let parameterGradient: UnsafeMutablePointer<Float>
    /// (R) ones, for the bias gradients' column sums.
    let ones: UnsafeMutablePointer<Float>
    private(set) var upstream: UnsafeMutablePointer<Float>
    private(set) var spare: UnsafeMutablePointer<Float>

    init(layout: MLPLayout, capacity: Int) {
        precondition(capacity >= 1, "MLPWorkspace: capacity must be at least 1")
        self.layout = layout
        self.capacity = capacity
        weightOffsets = (0..<layout.layerCount).map(layout.weightOffset(of:))
        biasOffsets = (0..<layout.layerCount).map(layout.biasOffset(of:))
        var activations: [UnsafeMutablePointer<Float>] = []
        for layer in 0...layout.layerCount {
            let columns = layer == 0 ? layout.inputSize : layout.outputs(of: layer - 1)
            activations.append(Self.allocate(capacity * columns))
        }
        self.activations = activations
        outputGradient = Self.allocate(capacity)
        parameterGradient = Self.allocate(layout.parameterCount)
        ones = Self.allocate(capacity)
        ones.update(repeating: 1, count: capacity)
        upstream = Self.allocate(capacity * max(layout.inputSize, layout.width))
        spare = Self.allocate(capacity * max(layout.inputSize, layout.width))
    }

    deinit {
        for buffer in activations { buffer.deallocate() }
        outputGradient.deallocate()
        parameterGradient.deallocate()
        ones.deallocate()
        upstream.deallocate()
        spare.deallocate()
    }

    /// The network's outputs of the last ``forward(parameters:rows:)``, (rows).
    var output: UnsafeMutablePointer<Float> { activations[layout.layerCount] }

    /// Runs the network on the `rows` encodings in `activations[0]`, leaving every layer's output in
    /// `activations` (the network's in ``output``).
    ///
    /// Layer l: Y = relu(X Wᵀ + b), the last layer without relu: Y starts as b in every row, one sgemm adds X Wᵀ.
    /// - Complexity: O(rows · parameters).
    func forward(parameters: UnsafePointer<Float>, rows: Int) {
        precondition(rows >= 1 && rows <= capacity, "MLPWorkspace.forward: \(rows) rows, capacity \(capacity)")
        for layer in 0..<layout.layerCount {
            let (inputs, outputs) = (layout.inputs(of: layer), layout.outputs(of: layer))
            let result = activations[layer + 1]  // (rows, outputs)
            let bias = parameters + biasOffsets[layer]
            for row in 0..<rows { (result + row * outputs).update(from: bias, count: outputs) }
            GEMM.multiply(
                m: rows, n: outputs, k: inputs, a: activations[layer], b: parameters + weightOffsets[layer],
                transposeB: true, c: result, beta: 1)
            if layer < layout.hiddenLayers {
                for index in 0..<(rows * outputs) { result[index] = max(result[index], 0) }
            }
        }
    }

    /// Backpropagates ``outputGradient`` (rows) through the network of the last forward pass, writing
    /// d loss / d parameters into ``parameterGradient`` (overwriting it) and, when given, d loss / d input into
    /// `inputGradient` (rows, inputSize).
    ///
    /// Layer l with upstream gradient G of its output: dZ = G ⊙ [Y > 0] (G itself for the output layer),
    /// dW = dZᵀ X, db = 1ᵀ dZ, dX = dZ W. Four sgemm per layer at most (no dX for the first layer unless
    /// asked).
    /// - Complexity: O(rows · parameters).
    func backward(
        parameters: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>? = nil
    ) {
        precondition(rows >= 1 && rows <= capacity, "MLPWorkspace.backward: \(rows) rows, capacity \(capacity)")
        for layer in stride(from: layout.layerCount - 1, through: 0, by: -1) {
            let (inputs, outputs) = (layout.inputs(of: layer), layout.outputs(of: layer))
            let gradient: UnsafeMutablePointer<Float>  // dZ, (rows, outputs)
            if layer == layout.hiddenLayers {
                gradient = outputGradient
            } else {
                gradient = upstream
                let values = activations[layer + 1]
                for index in 0..<(rows * outputs) where !(values[index] > 0) { gradient[index] = 0 }
            }
            GEMM.multiply(
                m: outputs, n: inputs, k: rows, a: gradient, transposeA: true, b: activations[layer],
                c: parameterGradient + weightOffsets[layer])
            // db = 1ᵀ dZ, the column sums, as a (1, rows) x (rows, outputs) product.
            GEMM.multiply(
                m: 1, n: outputs, k: rows, a: ones, b: gradient, c: parameterGradient + biasOffsets[layer])
            let target = layer > 0 ? spare : inputGradient
            if let target {
                GEMM.multiply(
                    m: rows, n: inputs, k: outputs, a: gradient, b: parameters + weightOffsets[layer], c: target)
            }
            if layer > 0 { swap(&upstream, &spare) }
        }
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: 0, count: max(count, 1))
        return buffer
    }
}
