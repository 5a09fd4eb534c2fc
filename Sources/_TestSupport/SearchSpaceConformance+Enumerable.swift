import NASCore
import Seeding

extension SearchSpaceConformance where Space: EnumerableSearchSpace {
    /// `index(of:)` and `architecture(at:)` are inverse bijections: over every index when the space has at most
    /// `exhaustiveLimit` architectures (and then the architectures are pairwise distinct), and on the samples.
    public func indexBijection(exhaustiveLimit: Int = 100_000) -> [String] {
        var violations = Violations(limit: reportLimit)
        let count = space.architectureCount
        if count <= 0 {
            violations.add("architectureCount is \(count)")
            return violations.messages
        }
        if count <= exhaustiveLimit {
            var seen = Set<Space.Architecture>()
            seen.reserveCapacity(count)
            for index in 0..<count {
                let architecture = space.architecture(at: index)
                if space.index(of: architecture) != index {
                    violations.add("index(of: architecture(at: \(index))) is \(space.index(of: architecture))")
                }
                if !seen.insert(architecture).inserted {
                    violations.add("architecture(at: \(index)) = \(space.format(architecture)) repeats an earlier index")
                }
            }
        }
        for architecture in samples {
            let index = space.index(of: architecture)
            if !(0..<count).contains(index) {
                violations.add("index of \(space.format(architecture)) is \(index), outside 0..<\(count)")
            } else if space.architecture(at: index) != architecture {
                violations.add("architecture(at: index(of: a)) != a for \(space.format(architecture))")
            }
        }
        return violations.messages
    }
}
