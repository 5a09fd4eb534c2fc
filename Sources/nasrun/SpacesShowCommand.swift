import ArgumentParser
import Foundation
import NASCore
import TabularBenchmarks

/// `nasrun show`: an architecture's text form, key, index, encodings and every tabular metric.
struct SpacesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an architecture: its text form, key, encodings and the metrics of the tables.",
        discussion: """
            The architecture is given in its space's text form, e.g. for nb201 \
            '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|', \
            for size '8:8:40:32:40', for mnasnet 'e1k3se0n1-|e6k3se0n2r|e3k5se1n3r|e6k3se0n3r|e6k3se1n2r|e6k5se1n3r|e6k3se0n1-', \
            for darts a genotype as DARTS prints it ('Genotype(normal=[...], normal_concat=[2, 3, 4, 5], reduce=[...], \
            reduce_concat=[2, 3, 4, 5])'). For darts, mnasnet and size it also builds the network and prints its \
            trainable parameters and multiply-adds per image.
            """)

    @Option(help: "The search space.")
    var space: SpaceName

    @Argument(help: "The architecture in the space's text form.")
    var architecture: String

    @OptionGroup var location: TableOptions

    func run() throws {
        let tables = try location.tables(of: space.rawValue)
        try space.withSpace { space in try show(in: space, tables: tables) }
    }

    private func show<Space: SearchSpace>(in space: Space, tables: [TabularBenchmark]) throws {
        let parsed = try space.parse(architecture)
        let text = space.format(parsed)
        emit("space: \(space.name)")
        emit("text: \(text)")
        emit("key: \(space.key(of: parsed))")
        if let enumerable = space as? any EnumerableSearchSpace {
            emit("index: \(Self.index(of: parsed, in: enumerable)) of \(enumerable.architectureCount)")
        }
        for encoding in space.encodings {
            let vector = space.encode(parsed, as: encoding)
            if vector.count <= 100 {
                emit("\(encoding.rawValue) (\(vector.count)): " + vector.map(Self.format).joined(separator: " "))
            } else {  // long and sparse (graph paths): the nonzero entries only
                let nonzero = vector.indices.filter { vector[$0] != 0 }
                emit("\(encoding.rawValue) (\(vector.count), nonzero at): "
                    + nonzero.map { vector[$0] == 1 ? "\($0)" : "\($0)=\(Self.format(vector[$0]))" }.joined(separator: " "))
            }
        }
        if let network = self.space.network(of: parsed) {
            emit("network: \(network.description)")
            emit("parameters: \(network.cost.parameterCount)")
            emit("multiply-adds: \(network.cost.multiplyAdds)")
        }
        for table in tables {
            guard let row = try? table.row(ofArchitecture: text) else {
                emit("\(table.name): no row for this architecture")
                continue
            }
            let source = table.sourceIndices.map { ", source index \($0[row])" } ?? ""
            emit("\(table.name) (row \(row)\(source)):")
            for metric in table.metrics {
                for epoch in metric.epochs.map({ $0.map(Optional.some) }) ?? [nil] {
                    let column = try table.column(metric: metric.name, dataset: metric.dataset, epoch: epoch)
                    emit("  \(column) = \(table[column, row]) \(metric.unit)")
                }
            }
        }
    }

    /// The architecture's number in an enumerable space (opened from the existential).
    private static func index<Space: EnumerableSearchSpace>(of architecture: Any, in space: Space) -> Int {
        space.index(of: architecture as! Space.Architecture)
    }

    /// "1", "0", "0.5".
    private static func format(_ value: Float) -> String {
        value == value.rounded() && abs(value) < 1e7 ? String(Int(value)) : String(value)
    }
}
