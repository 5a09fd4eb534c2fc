import Layers
import Tensors

/// One supernet edge: its candidate operations, each with its own weights, and the forward pass that runs the
/// operations an ``EdgeSelection`` names.
///
/// A candidate that is `nil` is the `none` operation (DARTS's and NB201's `Zero`): it contributes w·0 = 0 and its
/// weight's gradient through the edge is exactly 0, so it is never computed.
public final class MixedEdge {
    /// The edge's name, the prefix of its operations' parameter names.
    public let name: String
    /// The candidate operations in the space's order; nil for `none`.
    public let candidates: [(any Layer)?]

    /// An edge over `candidates`.
    public init(name: String, candidates: [(any Layer)?]) {
        self.name = name
        self.candidates = candidates
    }

    /// The weights of every candidate.
    public var parameters: [Parameter] { candidates.flatMap { $0?.parameters ?? [] } }

    /// Σ_{k ∈ computed} w_k · o_k(x) (+ Σ_{k ∉ computed} w_k for gated selections), or nil when the result is
    /// exactly zero (no operation ran and no constant was added).
    ///
    /// - Precondition: `selection` names operations of this edge; its weights, when present, have one entry per
    ///   candidate.
    public func callAsFunction(_ input: Variable, selection: EdgeSelection, mode: ForwardMode) -> Variable? {
        if let weights = selection.weights {
            precondition(
                weights.shape == [candidates.count],
                "MixedEdge '\(name)': weights \(weights.shape) for \(candidates.count) candidates")
        }
        let scalars = selection.weights.map { split($0, sizes: Array(repeating: 1, count: candidates.count), axis: 0) }
        var sum: Variable?
        for operation in selection.computed {
            precondition(
                candidates.indices.contains(operation),
                "MixedEdge '\(name)': operation \(operation) outside 0..<\(candidates.count)")
            guard let candidate = candidates[operation] else { continue }
            var output = candidate(input, mode: mode)
            if let scalars { output = output * scalars[operation] }
            sum = sum.map { $0 + output } ?? output
        }
        if selection.addsWeightsOfSkippedOperations, let scalars {
            let skipped = candidates.indices.filter { !selection.computed.contains($0) }
            if let first = skipped.first {
                let constant = skipped.dropFirst().reduce(scalars[first]) { $0 + scalars[$1] }
                sum = (sum ?? input * 0) + constant
            }
        }
        return sum
    }
}
