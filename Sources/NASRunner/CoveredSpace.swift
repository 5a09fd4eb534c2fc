import NASCore
import Seeding

/// The architectures of a space that a table has rows for, as a space of their own: what the black-box optimizers
/// search when a table covers only a sample of its space (a tabulation of `sample:N:SEED`, such as a size-space
/// table: training all 32,768 size-space networks is out of a CPU's reach). Every proposal is then an
/// architecture of the table, and the optimizers run unchanged.
///
/// Distances are counted in the base space's categorical decisions (how many of `choices(of:)` differ):
///
/// - Sampling: uniform over the covered architectures (one draw of `uniformInt(below: count)`).
/// - Neighbours: the covered architectures nearest to the given one, other than itself, by ascending base index.
///   When the table holds some of the base space's single-decision neighbours, these are exactly they.
/// - Mutation: one of the neighbours, uniformly (one draw of `uniformInt(below: neighbours)`); for spaces whose
///   mutation is uniform over their single-decision neighbours (NB201, size), this is the base mutation
///   conditioned on landing in the table whenever it can.
/// - `architecture(fromChoices:)`: the covered architecture nearest to the choices (ties: the lowest base index),
///   so every combination is valid and REINFORCE's and BOHB's draws land in the table.
/// - Name, key, text form, encodings and decisions: the base space's.
/// - Dense index: the position among the covered architectures by ascending base index.
///
/// - Complexity: neighbours, mutation and `architecture(fromChoices:)` are O(covered × decisions); memory
///   O(base.architectureCount) for the index.
struct CoveredSpace<Base: CategoricalSearchSpace & EnumerableSearchSpace>: CategoricalSearchSpace,
    EnumerableSearchSpace
{
    typealias Architecture = Base.Architecture

    /// The whole space.
    let base: Base
    /// The covered architectures' base indices, ascending.
    let baseIndices: [Int]
    /// Their choices, in the same order.
    private let coveredChoices: [[Int]]
    /// The position of each base index among the covered, or -1.
    private let positions: [Int32]

    /// The architectures of `base` whose base indices are `covered`.
    ///
    /// - Precondition: `covered` is not empty and holds base indices.
    init(base: Base, covered: some Sequence<Int>) {
        let indices = Array(Set(covered)).sorted()
        precondition(!indices.isEmpty, "CoveredSpace needs at least one covered architecture")
        var positions = [Int32](repeating: -1, count: base.architectureCount)
        for (position, index) in indices.enumerated() { positions[index] = Int32(position) }
        self.base = base
        self.baseIndices = indices
        self.coveredChoices = indices.map { base.choices(of: base.architecture(at: $0)) }
        self.positions = positions
    }

    var name: String { base.name }

    func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> Architecture {
        base.architecture(at: baseIndices[rng.uniformInt(below: baseIndices.count)])
    }

    func mutate(_ architecture: Architecture, using rng: inout some RandomNumberGenerator) -> Architecture {
        let nearest = nearestPositions(to: base.choices(of: architecture), excluding: base.index(of: architecture))
        guard !nearest.isEmpty else { return architecture }  // the table holds only this architecture
        return base.architecture(at: baseIndices[nearest[rng.uniformInt(below: nearest.count)]])
    }

    func neighbors(of architecture: Architecture) -> [Architecture] {
        nearestPositions(to: base.choices(of: architecture), excluding: base.index(of: architecture)).map {
            base.architecture(at: baseIndices[$0])
        }
    }

    func key(of architecture: Architecture) -> ArchitectureKey { base.key(of: architecture) }

    func parse(_ text: String) throws(ArchitectureParseError) -> Architecture { try base.parse(text) }

    func format(_ architecture: Architecture) -> String { base.format(architecture) }

    var encodings: [ArchitectureEncoding] { base.encodings }

    func encode(_ architecture: Architecture, as encoding: ArchitectureEncoding) -> [Float] {
        base.encode(architecture, as: encoding)
    }

    var decisions: [CategoricalDecision] { base.decisions }

    func choices(of architecture: Architecture) -> [Int] { base.choices(of: architecture) }

    func architecture(fromChoices choices: [Int]) -> Architecture? {
        guard choices.count == base.decisions.count else { return nil }
        let nearest = nearestPositions(to: choices, excluding: nil)
        return nearest.first.map { base.architecture(at: baseIndices[$0]) }
    }

    var architectureCount: Int { baseIndices.count }

    /// The position among the covered architectures.
    ///
    /// - Precondition: the table covers `architecture` (every architecture this space hands out is covered).
    func index(of architecture: Architecture) -> Int {
        let position = positions[base.index(of: architecture)]
        precondition(position >= 0, "CoveredSpace: \(base.format(architecture)) is not in the table")
        return Int(position)
    }

    func architecture(at index: Int) -> Architecture { base.architecture(at: baseIndices[index]) }

    /// The positions of the covered architectures with the fewest decisions differing from `choices`, ascending,
    /// leaving out base index `excluded`.
    private func nearestPositions(to choices: [Int], excluding excluded: Int?) -> [Int] {
        var best = Int.max
        var nearest: [Int] = []
        for (position, other) in coveredChoices.enumerated() where baseIndices[position] != excluded {
            var distance = 0
            for (first, second) in zip(choices, other) where first != second { distance += 1 }
            if distance < best {
                best = distance
                nearest = [position]
            } else if distance == best {
                nearest.append(position)
            }
        }
        return nearest
    }
}
