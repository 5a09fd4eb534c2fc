import NASCore
import Seeding

extension SearchSpaceConformance where Space: CategoricalSearchSpace {
    /// `architecture(fromChoices: choices(of: a)) == a` for every sample, with one in-range choice per decision.
    public func choicesRoundTrip() -> [String] {
        var violations = Violations(limit: reportLimit)
        let decisions = space.decisions
        for architecture in samples {
            let text = space.format(architecture)
            let choices = space.choices(of: architecture)
            guard choices.count == decisions.count else {
                violations.add("\(text) has \(choices.count) choices for \(decisions.count) decisions")
                continue
            }
            for (choice, decision) in zip(choices, decisions) where !decision.options.indices.contains(choice) {
                violations.add("\(text): choice \(choice) at \(decision.name) is outside 0..<\(decision.options.count)")
            }
            if space.architecture(fromChoices: choices) != architecture {
                violations.add("architecture(fromChoices: choices(of: a)) != a for \(text)")
            }
        }
        return violations.messages
    }

    /// Every mutant differs from its input in exactly one decision.
    public func mutationChangesOneDecision(draws: Int = 4) -> [String] {
        var violations = Violations(limit: reportLimit)
        var rng = Xoshiro256(seed: 0x6F6E_6563_686F)
        for architecture in samples {
            for _ in 0..<draws {
                let mutant = space.mutate(architecture, using: &rng)
                let changed = changedDecisions(from: architecture, to: mutant)
                if changed != 1 {
                    violations.add("mutant \(space.format(mutant)) of \(space.format(architecture)) changes \(changed) decisions")
                }
            }
        }
        return violations.messages
    }

    /// Every neighbour differs from its input in exactly one decision (for spaces whose neighbourhood is all
    /// single-decision changes).
    public func neighborsChangeOneDecision() -> [String] {
        var violations = Violations(limit: reportLimit)
        for architecture in samples {
            for neighbor in space.neighbors(of: architecture) {
                let changed = changedDecisions(from: architecture, to: neighbor)
                if changed != 1 {
                    violations.add("neighbour \(space.format(neighbor)) of \(space.format(architecture)) changes \(changed) decisions")
                }
            }
        }
        return violations.messages
    }

    func changedDecisions(from architecture: Space.Architecture, to other: Space.Architecture) -> Int {
        zip(space.choices(of: architecture), space.choices(of: other)).count { $0 != $1 }
    }
}
