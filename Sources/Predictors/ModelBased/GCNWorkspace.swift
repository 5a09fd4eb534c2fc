import Tensors

/// The buffers of the GCN's forward and backward passes over up to ``capacity`` graphs, allocated once per fit
/// (or per prediction) and reused by every step, so training allocates nothing per step.
///
/// A transient helper (a class because it owns raw memory); fitted weights never live here. With R graphs of N
/// nodes (M = R·N node rows), F label features, H = graphWidth, K = linearWidth, L = graphLayers:
///
///     states[0]                (M, F)   the batch's one-hot node labels
///     states[l + 1]            (M, H)   layer l's output, after dropout when training
///     forwardPropagation       (R, N, N) P of each graph (GCNGraphs)
///     backwardPropagation      (R, N, N) Q of each graph
///     forwardAggregates[l]     (M, H)   Z₁ = P (X W₁), before ReLU
///     backwardAggregates[l]    (M, H)   Z₂ = Q (X W₂), before ReLU
///     stateMasks[l]            (M, H)   dropout mask of layer l: 0 or 1/(1 − p)
///     pooled                   (R, H)   the mean over each graph's nodes
///     hidden, hiddenMasked     (R, K)   fc1's output, before and after dropout (headMask)
///     output                   (R)      the prediction
///     outputGradient           (R)      d loss / d output, set by the caller before backward
///     parameterGradient        (P)      d loss / d parameters, laid out as the parameter vector (GCNLayout)
final class GCNWorkspace {
    let layout: GCNLayout
    let nodeCount: Int
    /// The most graphs one pass can take.
    let capacity: Int
    let states: [UnsafeMutablePointer<Float>]
    let forwardPropagation: UnsafeMutablePointer<Float>
    let backwardPropagation: UnsafeMutablePointer<Float>
    let forwardAggregates: [UnsafeMutablePointer<Float>]
    let backwardAggregates: [UnsafeMutablePointer<Float>]
    let stateMasks: [UnsafeMutablePointer<Float>]
    let headMask: UnsafeMutablePointer<Float>
    let pooled: UnsafeMutablePointer<Float>
    let hidden: UnsafeMutablePointer<Float>
    let hiddenMasked: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let outputGradient: UnsafeMutablePointer<Float>
    let parameterGradient: UnsafeMutablePointer<Float>
    // Scratch: X W₁ and X W₂ in the forward pass, their gradients in the backward pass; the gradients of the
    // head and of the node states (ping-ponged between layers).
    private let forwardProducts: UnsafeMutablePointer<Float>
    private let backwardProducts: UnsafeMutablePointer<Float>
    private let hiddenGradient: UnsafeMutablePointer<Float>
    private let pooledGradient: UnsafeMutablePointer<Float>
    private var stateGradient: UnsafeMutablePointer<Float>
    private var spareGradient: UnsafeMutablePointer<Float>
    private let buffers: [UnsafeMutablePointer<Float>]

    init(layout: GCNLayout, nodeCount: Int, capacity: Int) {
        precondition(capacity >= 1 && nodeCount >= 1, "GCNWorkspace: capacity and nodeCount must be at least 1")
        self.layout = layout
        self.nodeCount = nodeCount
        self.capacity = capacity
        let rows = capacity * nodeCount
        let width = layout.graphWidth
        var buffers: [UnsafeMutablePointer<Float>] = []
        func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
            buffer.initialize(repeating: 0, count: max(count, 1))
            buffers.append(buffer)
            return buffer
        }
        states = (0...layout.graphLayers).map { allocate(rows * ($0 == 0 ? layout.featureCount : width)) }
        forwardPropagation = allocate(capacity * nodeCount * nodeCount)
        backwardPropagation = allocate(capacity * nodeCount * nodeCount)
        forwardAggregates = (0..<layout.graphLayers).map { _ in allocate(rows * width) }
        backwardAggregates = (0..<layout.graphLayers).map { _ in allocate(rows * width) }
        stateMasks = (0..<layout.graphLayers).map { _ in allocate(rows * width) }
        headMask = allocate(capacity * layout.linearWidth)
        pooled = allocate(capacity * width)
        hidden = allocate(capacity * layout.linearWidth)
        hiddenMasked = allocate(capacity * layout.linearWidth)
        output = allocate(capacity)
        outputGradient = allocate(capacity)
        parameterGradient = allocate(layout.parameterCount)
        forwardProducts = allocate(rows * width)
        backwardProducts = allocate(rows * width)
        hiddenGradient = allocate(capacity * layout.linearWidth)
        pooledGradient = allocate(capacity * width)
        stateGradient = allocate(rows * width)
        spareGradient = allocate(rows * width)
        self.buffers = buffers
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// Copies the features and propagation matrices of `graphs[indices]` into the batch's first rows.
    func load(_ graphs: GCNGraphs, indices: some Collection<Int>) {
        precondition(indices.count <= capacity, "GCNWorkspace.load: \(indices.count) graphs, capacity \(capacity)")
        let (nodes, features) = (nodeCount, layout.featureCount)
        for (position, graph) in indices.enumerated() {
            graphs.features.withUnsafeBufferPointer { source in
                (states[0] + position * nodes * features).update(
                    from: source.baseAddress! + graph * nodes * features, count: nodes * features)
            }
            graphs.forwardPropagation.withUnsafeBufferPointer { source in
                (forwardPropagation + position * nodes * nodes).update(
                    from: source.baseAddress! + graph * nodes * nodes, count: nodes * nodes)
            }
            graphs.backwardPropagation.withUnsafeBufferPointer { source in
                (backwardPropagation + position * nodes * nodes).update(
                    from: source.baseAddress! + graph * nodes * nodes, count: nodes * nodes)
            }
        }
    }

    /// Draws every dropout mask for `count` graphs: each entry kept with probability 1 − p and then scaled by
    /// 1/(1 − p) (PyTorch's inverted dropout), one uniform draw per entry, layer by layer, then the head.
    func drawDropoutMasks(count: Int, probability: Float, using rng: inout some RandomNumberGenerator) {
        let scale = 1 / (1 - probability)
        for mask in stateMasks {
            for index in 0..<(count * nodeCount * layout.graphWidth) {
                mask[index] = rng.uniformFloat() < probability ? 0 : scale
            }
        }
        for index in 0..<(count * layout.linearWidth) {
            headMask[index] = rng.uniformFloat() < probability ? 0 : scale
        }
    }

    /// Runs the network on the `count` loaded graphs, leaving the predictions in ``output``.
    ///
    /// Layer l: X ← dropout((relu(P X W₁) + relu(Q X W₂)) / 2); then g = mean over nodes, h = dropout(fc1 g),
    /// output = fc2 h. Dropout applies the drawn masks when `training`, nothing otherwise (evaluation).
    /// - Complexity: O(count · N · (N + H) · H · L + count · H · K).
    func forward(parameters: UnsafePointer<Float>, count: Int, training: Bool) {
        precondition(count >= 1 && count <= capacity, "GCNWorkspace.forward: \(count) graphs, capacity \(capacity)")
        let (nodes, width) = (nodeCount, layout.graphWidth)
        let rows = count * nodes
        for layer in 0..<layout.graphLayers {
            let inputs = layout.inputs(of: layer)
            GEMM.multiply(
                m: rows, n: width, k: inputs, a: states[layer], b: parameters + layout.forwardWeightOffset(of: layer),
                c: forwardProducts)
            GEMM.multiply(
                m: rows, n: width, k: inputs, a: states[layer],
                b: parameters + layout.backwardWeightOffset(of: layer), c: backwardProducts)
            for graph in 0..<count {
                let block = graph * nodes * width
                GEMM.multiply(
                    m: nodes, n: width, k: nodes, a: forwardPropagation + graph * nodes * nodes,
                    b: forwardProducts + block, c: forwardAggregates[layer] + block)
                GEMM.multiply(
                    m: nodes, n: width, k: nodes, a: backwardPropagation + graph * nodes * nodes,
                    b: backwardProducts + block, c: backwardAggregates[layer] + block)
            }
            let (first, second, next) = (forwardAggregates[layer], backwardAggregates[layer], states[layer + 1])
            let mask = stateMasks[layer]
            for index in 0..<(rows * width) {
                let mean = (max(first[index], 0) + max(second[index], 0)) / 2
                next[index] = training ? mean * mask[index] : mean
            }
        }
        let last = states[layout.graphLayers]
        let nodeShare = 1 / Float(nodes)
        for graph in 0..<count {
            for unit in 0..<width {
                var sum: Float = 0
                for node in 0..<nodes { sum += last[(graph * nodes + node) * width + unit] }
                pooled[graph * width + unit] = sum * nodeShare
            }
        }
        let linearWidth = layout.linearWidth
        GEMM.multiply(
            m: count, n: linearWidth, k: width, a: pooled, b: parameters + layout.firstLinearOffset,
            transposeB: true, c: hidden)
        for index in 0..<(count * linearWidth) {
            hiddenMasked[index] = training ? hidden[index] * headMask[index] : hidden[index]
        }
        GEMM.multiply(
            m: count, n: 1, k: linearWidth, a: hiddenMasked, b: parameters + layout.secondLinearOffset,
            transposeB: true, c: output)
    }

    /// Backpropagates ``outputGradient`` through the last ``forward(parameters:count:training:)`` (with the
    /// same `training`), writing d loss / d parameters into ``parameterGradient`` (overwriting it). Once per forward
    /// pass: it overwrites the aggregates with their gradients.
    ///
    /// Head: d fc2 = dOᵀ h̃, dh = (dO fc2) ⊙ mask, d fc1 = dhᵀ g, dg = dh fc1, dX_L = dg / N per node. Layer l with
    /// dY = dX ⊙ mask: dZᵢ = dY/2 ⊙ [Zᵢ > 0], dU₁ = Pᵀ dZ₁, dU₂ = Qᵀ dZ₂ per graph, dWᵢ = Xᵀ dUᵢ,
    /// dX = dU₁ W₁ᵀ + dU₂ W₂ᵀ (not for layer 0).
    /// - Complexity: about twice the forward pass.
    func backward(parameters: UnsafePointer<Float>, count: Int, training: Bool) {
        precondition(count >= 1 && count <= capacity, "GCNWorkspace.backward: \(count) graphs, capacity \(capacity)")
        let (nodes, width, linearWidth) = (nodeCount, layout.graphWidth, layout.linearWidth)
        let rows = count * nodes
        GEMM.multiply(
            m: 1, n: linearWidth, k: count, a: outputGradient, b: hiddenMasked,
            c: parameterGradient + layout.secondLinearOffset)
        GEMM.multiply(
            m: count, n: linearWidth, k: 1, a: outputGradient, b: parameters + layout.secondLinearOffset,
            c: hiddenGradient)
        if training {
            for index in 0..<(count * linearWidth) { hiddenGradient[index] *= headMask[index] }
        }
        GEMM.multiply(
            m: linearWidth, n: width, k: count, a: hiddenGradient, transposeA: true, b: pooled,
            c: parameterGradient + layout.firstLinearOffset)
        GEMM.multiply(
            m: count, n: width, k: linearWidth, a: hiddenGradient, b: parameters + layout.firstLinearOffset,
            c: pooledGradient)
        let nodeShare = 1 / Float(nodes)
        for graph in 0..<count {
            for node in 0..<nodes {
                let row = stateGradient + (graph * nodes + node) * width
                for unit in 0..<width { row[unit] = pooledGradient[graph * width + unit] * nodeShare }
            }
        }
        for layer in stride(from: layout.graphLayers - 1, through: 0, by: -1) {
            let (first, second, mask) = (forwardAggregates[layer], backwardAggregates[layer], stateMasks[layer])
            // dZ₁ and dZ₂ overwrite the aggregates, which the backward pass no longer needs after this loop.
            for index in 0..<(rows * width) {
                let half = (training ? stateGradient[index] * mask[index] : stateGradient[index]) / 2
                first[index] = first[index] > 0 ? half : 0
                second[index] = second[index] > 0 ? half : 0
            }
            for graph in 0..<count {
                let block = graph * nodes * width
                GEMM.multiply(
                    m: nodes, n: width, k: nodes, a: forwardPropagation + graph * nodes * nodes, transposeA: true,
                    b: first + block, c: forwardProducts + block)
                GEMM.multiply(
                    m: nodes, n: width, k: nodes, a: backwardPropagation + graph * nodes * nodes, transposeA: true,
                    b: second + block, c: backwardProducts + block)
            }
            let inputs = layout.inputs(of: layer)
            let (forwardWeight, backwardWeight) = (
                layout.forwardWeightOffset(of: layer), layout.backwardWeightOffset(of: layer)
            )
            GEMM.multiply(
                m: inputs, n: width, k: rows, a: states[layer], transposeA: true, b: forwardProducts,
                c: parameterGradient + forwardWeight)
            GEMM.multiply(
                m: inputs, n: width, k: rows, a: states[layer], transposeA: true, b: backwardProducts,
                c: parameterGradient + backwardWeight)
            if layer > 0 {
                GEMM.multiply(
                    m: rows, n: inputs, k: width, a: forwardProducts, b: parameters + forwardWeight, transposeB: true,
                    c: spareGradient)
                GEMM.multiply(
                    m: rows, n: inputs, k: width, a: backwardProducts, b: parameters + backwardWeight,
                    transposeB: true, c: spareGradient, beta: 1)
                swap(&stateGradient, &spareGradient)
            }
        }
    }
}
