import OneShot
import Seeding
import Tensors

/// The edge selections of each method's forward passes, rebuilt from OneShot's public API (the optimizers build
/// theirs in internal helpers), so the memory of one forward pass can be measured method by method on the same
/// supernet and batch. Each mirrors the optimizer's own construction:
/// - DARTS (``OneShot/DARTS``'s `mixture(on:)`): every operation, weighted by softmax(α), α leaves on the tape;
/// - GDAS (`sample(on:temperature:)`): one operation per edge from a hard Gumbel-softmax sample of α on the tape,
///   the other operations' weights added as constants;
/// - ProxylessNAS's architecture step (`twoPathGates(on:)`): two operations per edge drawn from softmax(α), a
///   straight-through binary gate over their renormalised probabilities, the other gates exactly 0;
/// - a single path (random weight sharing, ENAS, ProxylessNAS's weight step): one unweighted operation per edge.
enum StepSelections {
    /// DARTS: softmax(α) of every edge.
    static func mixture(_ alpha: ArchitectureParameters, on tape: Tape) -> [[EdgeSelection]] {
        alpha.rows(on: tape).map { group in group.map { .weighted(softmax($0, axis: 0)) } }
    }

    /// GDAS: a hard Gumbel-softmax sample of α per edge at temperature `temperature`.
    static func gumbelSample(
        _ alpha: ArchitectureParameters, on tape: Tape, temperature: Float, using rng: inout Xoshiro256
    ) -> [[EdgeSelection]] {
        zip(alpha.groups, alpha.parameters).map { group, parameter in
            let hard = gumbelSoftmax(parameter.variable(on: tape), temperature: temperature, hard: true, using: &rng)
            return split(hard, sizes: Array(repeating: 1, count: group.edgeCount), axis: 0).map { row in
                let weights = row.reshaped([group.operationCount])
                return .gated([weights.value.scalars.firstIndex(of: 1)!], weights: weights)
            }
        }
    }

    /// ProxylessNAS's architecture step: two-path binary gates per edge.
    static func twoPathGates(
        _ alpha: ArchitectureParameters, on tape: Tape, using rng: inout Xoshiro256
    ) -> [[EdgeSelection]] {
        let probabilities = alpha.probabilities
        return alpha.rows(on: tape).enumerated().map { group, rows in
            rows.enumerated().map { edge, row in
                let count = row.shape[0]
                guard count > 1 else { return .single(0) }
                var remaining = probabilities[group][edge]
                let first = draw(from: remaining, using: &rng)
                remaining[first] = 0
                let pair = [first, draw(from: remaining, using: &rng)].sorted()
                let entries = split(row, sizes: Array(repeating: 1, count: count), axis: 0)
                let renormalised = softmax(concatenate([entries[pair[0]], entries[pair[1]]], axis: 0), axis: 0)
                let active = draw(from: renormalised.value.scalars.map(Double.init), using: &rng)
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

    /// One operation per edge drawn from softmax(α) (ProxylessNAS's weight step).
    static func activePath(_ alpha: ArchitectureParameters, using rng: inout Xoshiro256) -> [[EdgeSelection]] {
        alpha.probabilities.map { group in group.map { .single(draw(from: $0, using: &rng)) } }
    }

    /// One operation per edge drawn uniformly (random weight sharing's path).
    static func uniformPath(_ supernet: some Supernet, using rng: inout Xoshiro256) -> [[EdgeSelection]] {
        supernet.edgeGroups.map { group in
            (0..<group.edgeCount).map { _ in .single(rng.uniformInt(below: group.operationCount)) }
        }
    }

    /// An index drawn from `probabilities` (one uniform draw).
    static func draw(from probabilities: [Double], using rng: inout Xoshiro256) -> Int {
        let target = rng.uniformDouble() * probabilities.reduce(0, +)
        var cumulative = 0.0
        for (index, probability) in probabilities.enumerated() {
            cumulative += probability
            if target < cumulative { return index }
        }
        return probabilities.count - 1
    }
}
