import Tensors

/// Which candidate operations of one supernet edge run in a forward pass, and how their outputs are weighted.
///
/// Every one-shot method is a way of choosing these per step:
/// - DARTS: every operation, weighted by softmax(α) (``weighted(_:)``);
/// - GDAS: one operation, weighted by the hard one-hot Gumbel sample, whose straight-through gradient reaches
///   every α (``gated(_:weights:)``);
/// - random weight sharing, ENAS and evaluation of a derived cell: one operation, unweighted (``single(_:)``);
/// - ProxylessNAS: one sampled operation to train the weights (``single(_:)``), two weighted by binary gates to
///   train α (``paths(_:weights:)``);
/// - an edge that a discretised cell does not keep: ``off``.
public struct EdgeSelection {
    /// The candidate operations that run, by index into the space's operation list, ascending.
    public let computed: [Int]
    /// One weight per candidate operation of the edge (not only the computed ones), or nil for an unweighted sum.
    public let weights: Variable?
    /// Whether the weights of operations that do not run are added to the edge's output as constants, as GDAS's
    /// cell does (`hardwts[j]` for j ≠ argmax): their forward value is 0 in a hard one-hot, and the term gives
    /// their logits the straight-through gradient the paper's estimator needs.
    public let addsWeightsOfSkippedOperations: Bool

    init(computed: [Int], weights: Variable?, addsWeightsOfSkippedOperations: Bool) {
        self.computed = computed
        self.weights = weights
        self.addsWeightsOfSkippedOperations = addsWeightsOfSkippedOperations
    }

    /// The edge is not part of the cell: it contributes nothing.
    public static var off: EdgeSelection {
        EdgeSelection(computed: [], weights: nil, addsWeightsOfSkippedOperations: false)
    }

    /// One operation, unweighted.
    public static func single(_ operation: Int) -> EdgeSelection {
        EdgeSelection(computed: [operation], weights: nil, addsWeightsOfSkippedOperations: false)
    }

    /// Every operation, output Σ_k w_k · o_k(x); `weights` has one entry per candidate operation.
    public static func weighted(_ weights: Variable) -> EdgeSelection {
        precondition(weights.rank == 1, "EdgeSelection.weighted: weights need rank 1, got \(weights.shape)")
        return EdgeSelection(
            computed: Array(0..<weights.shape[0]), weights: weights, addsWeightsOfSkippedOperations: false)
    }

    /// Only `computed` run, output Σ_{k ∈ computed} w_k · o_k(x): ProxylessNAS's two-path mode, whose gates
    /// outside `computed` are exactly 0 and carry no gradient.
    public static func paths(_ computed: [Int], weights: Variable) -> EdgeSelection {
        precondition(weights.rank == 1, "EdgeSelection.paths: weights need rank 1, got \(weights.shape)")
        precondition(
            computed.allSatisfy { (0..<weights.shape[0]).contains($0) },
            "EdgeSelection.paths: operations \(computed) outside 0..<\(weights.shape[0])")
        return EdgeSelection(computed: computed.sorted(), weights: weights, addsWeightsOfSkippedOperations: false)
    }

    /// Only `computed` run, output Σ_{k ∈ computed} w_k · o_k(x) + Σ_{k ∉ computed} w_k (GDAS's and ProxylessNAS's
    /// form, with gates whose value is 0 outside `computed`).
    public static func gated(_ computed: [Int], weights: Variable) -> EdgeSelection {
        precondition(weights.rank == 1, "EdgeSelection.gated: weights need rank 1, got \(weights.shape)")
        precondition(
            computed.allSatisfy { (0..<weights.shape[0]).contains($0) },
            "EdgeSelection.gated: operations \(computed) outside 0..<\(weights.shape[0])")
        return EdgeSelection(
            computed: computed.sorted(), weights: weights, addsWeightsOfSkippedOperations: true)
    }
}
