import ArgumentParser
import TabularBenchmarks

/// `nasrun best`: the best architectures of a table by one metric.
struct TablesBestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "best",
        abstract: "Print the best architectures of a tabular benchmark by one metric, ties included.")

    @Option(help: "The search space.")
    var space: SpaceName

    @Option(help: "The dataset, as the table names it (nasrun spaces lists them).")
    var dataset: String

    @Option(help: "The metric (default: test_accuracy).")
    var metric = "test_accuracy"

    @Option(help: "The stored epoch (default: the metric's last).")
    var epoch: Int?

    @Option(help: "How many places to print; architectures tied with the last place are printed too.")
    var top = 1

    @OptionGroup var location: TableOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1, got \(top)") }
    }

    func run() throws {
        let table = try location.defaultTable(of: space.rawValue)
        let column = try table.column(metric: metric, dataset: dataset, epoch: epoch)
        let description = try table.metric(metric, dataset: dataset)
        guard let direction = description.direction else {
            throw TabularBenchmarkError("\(table.name): \(column) has no direction (neither maximize nor minimize)")
        }
        let better: (Double, Double) -> Bool = direction == .maximize ? { $0 > $1 } : { $0 < $1 }
        let rows = (0..<table.rowCount).filter { !table[column, $0].isNaN }.sorted { first, second in
            let (a, b) = (table[column, first], table[column, second])
            return a == b ? first < second : better(a, b)
        }
        guard !rows.isEmpty else { throw TabularBenchmarkError("\(table.name): \(column) has no values") }
        let cutoff = table[column, rows[min(top, rows.count) - 1]]
        let shown = rows.prefix { $0 == rows.first || !better(cutoff, table[column, $0]) }
        emit("\(table.name): \(column) (\(description.unit), \(direction.rawValue)), \(rows.count) architectures")
        var place = 0
        var previous: Double?
        for (position, row) in shown.enumerated() {
            if table[column, row] != previous { place = position + 1 }
            previous = table[column, row]
            let index = table.sourceIndices.map { "index \($0[row])" } ?? "row \(row)"
            emit("\(place)  \(table[column, row])  \(index)  \(table.architectures[row])")
        }
    }
}
