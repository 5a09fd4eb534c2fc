/// One bracket of successive halving: the rungs it runs, each a fidelity and the number of architectures
/// evaluated there (Li et al., "Hyperband", JMLR 2018, Algorithm 1, the inner loop `for i in 0...s`).
///
/// The first rung's architectures are drawn fresh; each later rung evaluates the best ⌊size/η⌋ of the rung
/// before it (never fewer than one), ranked by the objective observed there (see
/// ``SuccessiveHalvingBracket/ranking(of:)`` for ties).
public struct SuccessiveHalvingBracket: Hashable, Codable, Sendable {
    /// One rung: a fidelity (epochs) and how many architectures are evaluated at it.
    public struct Rung: Hashable, Codable, Sendable {
        /// The fidelity, one of the evaluator's, in epochs.
        public var fidelity: Int
        /// The number of architectures evaluated at ``fidelity``.
        public var size: Int

        /// Creates a rung.
        public init(fidelity: Int, size: Int) {
            self.fidelity = fidelity
            self.size = size
        }
    }

    /// The rungs, fidelities ascending, sizes not increasing.
    public var rungs: [Rung]

    /// Creates the bracket that starts `initialSize` architectures at `fidelities[0]` and evaluates
    /// max(1, ⌊initialSize / η^i⌋) of them at `fidelities[i]`.
    ///
    /// ⌊⌊n/η⌋/η⌋ = ⌊n/η²⌋, so each rung keeps the top ⌊size/η⌋ of the one before (Li et al.'s n_i = ⌊n·η^-i⌋).
    ///
    /// - Precondition: `fidelities` is not empty, `initialSize >= 1`, `eta >= 2`.
    public init(fidelities: [Int], initialSize: Int, eta: Int) {
        precondition(
            !fidelities.isEmpty && initialSize >= 1 && eta >= 2, "a bracket needs rungs, architectures and eta >= 2")
        var rungs: [Rung] = []
        var size = initialSize
        for fidelity in fidelities {
            rungs.append(Rung(fidelity: fidelity, size: max(1, size)))
            size /= eta
        }
        self.rungs = rungs
    }

    /// Creates a bracket from its rungs.
    ///
    /// - Precondition: at least one rung; sizes at least 1 and not increasing.
    public init(rungs: [Rung]) {
        precondition(
            !rungs.isEmpty && rungs.allSatisfy { $0.size >= 1 }
                && zip(rungs, rungs.dropFirst()).allSatisfy { $0.size >= $1.size },
            "a bracket's rung sizes are at least 1 and do not increase")
        self.rungs = rungs
    }

    /// The simulated cost of running the whole bracket on a table that charges every evaluation its fidelity in
    /// epochs (NAS-Bench-201: a promotion from 12 to 200 epochs is a separate 200-epoch run, charged 200).
    public var epochs: Int {
        rungs.reduce(0) { $0 + $1.fidelity * $1.size }
    }

    /// The positions of `objectives` from best to worst: objective descending, ties broken by position (the
    /// architecture evaluated first ranks first). Successive halving promotes a prefix of this order, and the
    /// next rung evaluates the promoted architectures in this order.
    ///
    /// Complexity: O(n log n).
    public static func ranking(of objectives: [Double]) -> [Int] {
        objectives.indices.sorted { left, right in
            objectives[left] != objectives[right] ? objectives[left] > objectives[right] : left < right
        }
    }
}
