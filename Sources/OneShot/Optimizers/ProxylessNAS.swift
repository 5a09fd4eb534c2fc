import Datasets
import Layers
import NASCore
import Seeding
import Tensors
import Training

/// ProxylessNAS (Cai, Zhu & Han, ICLR 2019) with binarized path gates and a differentiable latency term.
///
/// - Weight step (training batch): every edge's binary gate is drawn from softmax(α) (one active path, eq. 2),
///   so one candidate per edge is in memory; the weights take an SGD step on that path.
/// - Architecture step (validation batch), the paper's two-path mode (§ 3.2.1): per edge two distinct candidates
///   a, b are drawn from softmax(α) without replacement, their probabilities renormalised, p̃ = softmax(α_a, α_b),
///   and the active one drawn from p̃. The gates are g = onehot(active) in the forward pass with p̃'s gradient
///   (straight-through), so ∂L/∂α_i = Σ_{j∈{a,b}} ∂L/∂g_j · p̃_j(δ_ij − p̃_i), eq. 4's estimator restricted to the
///   two paths; only those two candidates run, which is the memory saving the paper is named for.
/// - Loss of the architecture step: cross entropy + λ · E[latency] (ms), E[latency] = the supernet's latency model
///   under softmax(α) of every edge (eq. 5's differentiable expectation; the paper also has a multiplicative
///   form, not used here).
///
/// Defaults from the paper's code (`proxyless_nas`'s `arch_search_config`): α by Adam with learning rate 10⁻³,
/// β = (0, 0.999), ε = 10⁻⁸, no weight decay, one α update per weight update. The derived architecture is the
/// arg-max of α per edge.
public struct ProxylessNAS<Net: LatencyAwareSupernet>: OneShotOptimizer, Codable {
    /// α.
    public let alpha: ArchitectureParameters
    /// α's optimizer.
    public var architectureTraining: ArchitectureTraining
    /// w's optimizer.
    public var weightTraining: SupernetWeightTraining
    /// λ, the loss's weight per millisecond of expected latency.
    public let latencyWeight: Float
    /// The gates' generator.
    var gates: Xoshiro256

    /// ProxylessNAS on `supernet`'s edge groups, α drawn from `rng`, the gates from its child stream "gates".
    public init(
        supernet: Net, latencyWeight: Float,
        architectureTraining: ArchitectureTraining = ArchitectureTraining(
            learningRate: 1e-3, beta1: 0, beta2: 0.999, weightDecay: 0),
        weightTraining: SupernetWeightTraining = SupernetWeightTraining(), using rng: inout Xoshiro256
    ) {
        precondition(latencyWeight >= 0, "ProxylessNAS: the latency weight must not be negative, got \(latencyWeight)")
        alpha = ArchitectureParameters(groups: supernet.edgeGroups, using: &rng)
        gates = rng.child("gates")
        self.latencyWeight = latencyWeight
        self.architectureTraining = architectureTraining
        self.weightTraining = weightTraining
    }

    public var name: String { "proxylessnas" }

    public var operationProbabilities: [[[Double]]]? { alpha.probabilities }

    /// An index drawn from `probabilities` (one uniform draw).
    mutating func draw(from probabilities: [Double]) -> Int {
        let target = gates.uniformDouble() * probabilities.reduce(0, +)
        var cumulative = 0.0
        for (index, probability) in probabilities.enumerated() {
            cumulative += probability
            if target < cumulative { return index }
        }
        return probabilities.count - 1
    }

    /// One active path per edge, drawn from softmax(α).
    mutating func activePaths() -> [[EdgeSelection]] {
        alpha.probabilities.map { group in group.map { .single(draw(from: $0)) } }
    }

    /// The two-path gates of every edge from α's leaves on `tape`.
    mutating func twoPathGates(on tape: Tape) -> [[EdgeSelection]] {
        let probabilities = alpha.probabilities
        return alpha.rows(on: tape).enumerated().map { group, rows in
            rows.enumerated().map { edge, row in
                let count = row.shape[0]
                guard count > 1 else { return .single(0) }
                var remaining = probabilities[group][edge]
                let first = draw(from: remaining)
                remaining[first] = 0
                let second = draw(from: remaining)
                let pair = [first, second].sorted()
                let entries = split(row, sizes: Array(repeating: 1, count: count), axis: 0)
                let renormalised = softmax(concatenate([entries[pair[0]], entries[pair[1]]], axis: 0), axis: 0)
                let active = draw(from: renormalised.value.scalars.map(Double.init))
                let gate = straightThrough(
                    hard: Tensor(shape: [2], scalars: active == 0 ? [1, 0] : [0, 1]), soft: renormalised)
                let gatePair = split(gate, sizes: [1, 1], axis: 0)
                let zero = Variable(Tensor(zeros: [1]))
                let weights = concatenate(
                    (0..<count).map { $0 == pair[0] ? gatePair[0] : $0 == pair[1] ? gatePair[1] : zero }, axis: 0)
                return .paths(pair, weights: weights)
            }
        }
    }

    /// λ · E[latency] under softmax(α) recorded on `tape` (α's leaves), with E[latency] itself.
    func latencyTerm(_ supernet: Net, on tape: Tape?) -> (term: Variable, expected: Float) {
        let probabilities = alpha.rows(on: tape).map { $0.map { softmax($0, axis: 0) } }
        let expected = supernet.expectedLatency(probabilities: probabilities)
        return (expected * latencyWeight, expected.value.scalars[0])
    }

    public mutating func step(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        let paths = activePaths()
        let pass = try weightTraining.step(
            supernet, on: training, learningRate: context.learningRate, seed: context.seed, step: context.step
        ) { _ in paths }

        let tape = Tape()
        let gated = twoPathGates(on: tape)
        let validationPass = SupernetBatchPass(
            supernet, on: validation, tape: tape, seed: context.validationSeed
        ) { _ in gated }
        let loss = validationPass.loss.reshaped([1]) + latencyTerm(supernet, on: tape).term
        try architectureTraining.update(
            alpha, gradients: ParameterGradients(tape.gradients(of: loss.sum()), of: alpha.parameters),
            step: context.step)
        return OneShotStepResult(
            trainingLoss: pass.loss.value.scalar, trainingCorrect: pass.correctCount, trainingCount: pass.batchSize)
    }

    /// E[latency] under the current α, in milliseconds.
    public func expectedLatency(_ supernet: Net) -> Double { Double(latencyTerm(supernet, on: nil).expected) }

    public mutating func derive(_ supernet: Net, validation: [Batch]) -> Net.Space.Architecture {
        supernet.derive(fromScores: alpha.probabilities)
    }
}
