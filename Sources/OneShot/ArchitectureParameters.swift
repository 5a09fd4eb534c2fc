import Foundation
import Layers
import Seeding
import Tensors

/// The architecture parameters α of a supernet: one matrix (edges, operations) per edge group, kept apart from
/// the weights and trained by their own optimizer.
///
/// Initialised as DARTS and NAS-Bench-201's search code do: α = 10⁻³ · N(0, 1), drawn group by group in
/// row-major order, so every operation starts almost equally likely and ties are broken by the draw.
public final class ArchitectureParameters: Codable {
    /// The groups, in the supernet's order.
    public let groups: [SupernetEdgeGroup]
    /// α per group, named `alpha.<group>`, shape (edges, operations).
    public let parameters: [Parameter]

    /// Fresh parameters for `groups`, drawn from `rng`.
    public init(groups: [SupernetEdgeGroup], using rng: inout some RandomNumberGenerator) {
        self.groups = groups
        parameters = groups.map { group in
            let count = group.edgeCount * group.operationCount
            return Parameter(
                name: "alpha.\(group.name)",
                value: Tensor(
                    shape: [group.edgeCount, group.operationCount],
                    scalars: (0..<count).map { _ in 1e-3 * rng.normalFloat() }))
        }
    }

    private enum CodingKeys: String, CodingKey { case groups, values }

    /// Decodes α, refusing values that do not fit their groups (a damaged checkpoint).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groups = try container.decode([SupernetEdgeGroup].self, forKey: .groups)
        let values = try container.decode([[Float]].self, forKey: .values)
        guard values.count == groups.count,
            zip(groups, values).allSatisfy({ $0.edgeCount * $0.operationCount == $1.count })
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .values, in: container,
                debugDescription: "architecture parameters: the values do not fit the groups \(groups.map(\.name))")
        }
        parameters = zip(groups, values).map { group, scalars in
            Parameter(
                name: "alpha.\(group.name)",
                value: Tensor(shape: [group.edgeCount, group.operationCount], scalars: scalars))
        }
    }

    /// Encodes the groups and α's values (Float round-trips exactly through JSON).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(groups, forKey: .groups)
        try container.encode(parameters.map(\.value.scalars), forKey: .values)
    }

    /// softmax(α) of every edge, `[group][edge][operation]`, computed in Double from the current values.
    public var probabilities: [[[Double]]] {
        zip(groups, parameters).map { group, parameter in
            (0..<group.edgeCount).map { edge in
                let row = parameter.value.scalars[(edge * group.operationCount)..<((edge + 1) * group.operationCount)]
                let largest = Double(row.max()!)
                let exponentials = row.map { Foundation.exp(Double($0) - largest) }
                let total = exponentials.reduce(0, +)
                return exponentials.map { $0 / total }
            }
        }
    }

    /// The mean entropy (nats) of the edges' softmax(α): log(operations) at the start, 0 when every edge has
    /// chosen; a measure of how decided the search is.
    public var meanEntropy: Double {
        let edges = probabilities.flatMap { $0 }
        let total = edges.reduce(0.0) { sum, row in
            sum - row.reduce(0.0) { $0 + ($1 > 0 ? $1 * Foundation.log($1) : 0) }
        }
        return total / Double(edges.count)
    }

    /// α of every group as tape leaves, split into one row variable (operations) per edge: `[group][edge]`.
    public func rows(on tape: Tape?) -> [[Variable]] {
        zip(groups, parameters).map { group, parameter in
            let alpha = parameter.variable(on: tape)
            return split(alpha, sizes: Array(repeating: 1, count: group.edgeCount), axis: 0).map {
                $0.reshaped([group.operationCount])
            }
        }
    }
}
