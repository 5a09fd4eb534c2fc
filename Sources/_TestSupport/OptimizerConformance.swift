import Foundation
import NASCore
import Seeding

/// The contract checks every ``BlackBoxOptimizer`` must pass, run by each optimizer's tests on a real tabular
/// benchmark. Each check returns violation messages; an empty array means the optimizer conforms.
///
/// ```swift
/// let check = OptimizerConformance(space: index.space, evaluator: evaluator, queries: 40) {
///     RegularizedEvolution<NB201Space>(configuration: .init(), seed: 7)
/// }
/// #expect(check.all() == [])
/// ```
public struct OptimizerConformance<Optimizer: BlackBoxOptimizer, Judge: Evaluator>
where Judge.Space == Optimizer.Space {
    /// The space searched.
    public let space: Optimizer.Space
    /// The evaluator answering queries.
    public let evaluator: Judge
    /// How many queries each check runs.
    public let queries: Int
    /// Makes a fresh optimizer, always with the same configuration and seed.
    public let make: @Sendable () -> Optimizer

    /// Creates the checks.
    public init(
        space: Optimizer.Space, evaluator: Judge, queries: Int, make: @escaping @Sendable () -> Optimizer
    ) {
        self.space = space
        self.evaluator = evaluator
        self.queries = queries
        self.make = make
    }

    /// Every check.
    public func all() -> [String] {
        reproducible() + resumesExactly(after: queries / 3) + resumesExactly(after: queries - 1)
            + proposalsAreValid() + refusesForeignObservation()
    }

    /// Two fresh optimizers with the same seed propose the same sequence.
    public func reproducible() -> [String] {
        do {
            let first = try run(make(), queries: queries).proposals
            let second = try run(make(), queries: queries).proposals
            return first == second ? [] : ["two runs with the same seed proposed different sequences"]
        } catch {
            return ["the run failed: \(error)"]
        }
    }

    /// Encoding the optimizer to JSON after `split` queries, decoding it and going on gives the same proposals
    /// and the same final state bytes as never stopping.
    public func resumesExactly(after split: Int) -> [String] {
        do {
            let whole = try run(make(), queries: queries)
            let firstPart = try run(make(), queries: split)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let saved = try encoder.encode(firstPart.optimizer)
            let restored = try JSONDecoder().decode(Optimizer.self, from: saved)
            let secondPart = try run(restored, queries: queries - split)
            var violations: [String] = []
            if firstPart.proposals + secondPart.proposals != whole.proposals {
                let at = zip(firstPart.proposals + secondPart.proposals, whole.proposals)
                    .enumerated().first { $0.element.0 != $0.element.1 }?.offset
                violations.append("resumed after \(split) queries, the proposals differ from query \(at ?? -1) on")
            }
            if try encoder.encode(secondPart.optimizer) != encoder.encode(whole.optimizer) {
                violations.append("resumed after \(split) queries, the final state differs from the uninterrupted one")
            }
            return violations
        } catch {
            return ["the run failed: \(error)"]
        }
    }

    /// Every proposal is an architecture of the space (its text form parses back to it) at a fidelity the
    /// evaluator has.
    public func proposalsAreValid() -> [String] {
        do {
            var violations: [String] = []
            for proposal in try run(make(), queries: queries).proposals {
                let text = space.format(proposal.architecture)
                if (try? space.parse(text)) != proposal.architecture {
                    violations.append("proposed '\(text)', which does not parse back to itself")
                }
                if let fidelity = proposal.fidelity, !evaluator.fidelities.contains(fidelity) {
                    violations.append("proposed fidelity \(fidelity), not one of \(evaluator.fidelities)")
                }
            }
            return violations
        } catch {
            return ["the run failed: \(error)"]
        }
    }

    /// Telling an observation of another architecture than the one asked for is refused.
    public func refusesForeignObservation() -> [String] {
        var optimizer = make()
        do {
            let proposal = try optimizer.ask(in: space)
            var generator = Xoshiro256(seed: 1)
            var other = space.mutate(proposal.architecture, using: &generator)
            if other == proposal.architecture { other = space.neighbors(of: proposal.architecture)[0] }
            do {
                try optimizer.tell(Observation(other, fidelity: proposal.fidelity, objective: 0), in: space)
                return ["told an observation of another architecture than asked for, the optimizer accepted it"]
            } catch {
                return []
            }
        } catch {
            return ["ask failed: \(error)"]
        }
    }

    private func run(_ optimizer: Optimizer, queries: Int) throws(SearchError)
        -> (optimizer: Optimizer, proposals: [Proposal<Optimizer.Space.Architecture>])
    {
        var optimizer = optimizer
        var proposals: [Proposal<Optimizer.Space.Architecture>] = []
        for _ in 0..<queries {
            proposals.append(try optimizer.step(in: space, evaluator: evaluator).proposal)
        }
        return (optimizer, proposals)
    }
}
