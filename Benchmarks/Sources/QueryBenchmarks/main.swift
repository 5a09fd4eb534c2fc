import Foundation
import NASCore
import NASSpaces
import Seeding
import TabularBenchmarks


// NASKit tabular query benchmarks (issue 3). Run in release mode on an otherwise idle machine, after
// Scripts/setup.sh has built the tables:
//   cd Benchmarks && swift run -c release QueryBenchmarks [--table ../data/tables/nb201.h5] [--quick]
// It prints the time to open the NB201 table and to build its dense index, and queries per second for random
// architectures, next to a reference measured in the same run: reading the same number of random elements of a
// plain [Double] (the floor any lookup pays).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let quick = arguments.contains("--quick")
let queryCount = quick ? 1_000_000 : 10_000_000
let repetitions = quick ? 3 : 7

let candidates = option("--table").map { [$0] } ?? ["../data/tables/nb201.h5", "../data/tables/nb201-analog.h5"]
guard let path = candidates.first(where: { access($0, R_OK) == 0 }) else {
    print("error: no NB201 table at \(candidates.joined(separator: " or ")); run Scripts/setup.sh first")
    exit(1)
}

let space = NB201Space()
let table: TabularBenchmark
let index: TableIndex<NB201Space>
do {
    table = try TabularBenchmark.open(path: path, space: space.name)
    index = try TableIndex(table: table, space: space)
} catch {
    print("error: \(error)")
    exit(1)
}
let metric =
    table.metrics.first { $0.name == "test_accuracy" && $0.dataset == "cifar10" }
    ?? table.metrics.first { $0.name == "baseline_accuracy" } ?? table.metrics[0]
let column = try! table.column(metric: metric.name, dataset: metric.dataset)
print("NASKit tabular query benchmarks: \(table.name), \(table.rowCount) architectures, \(table.metrics.count) metrics")
print("queried metric: \(column); \(queryCount) random architectures per run, median of \(repetitions) runs")
print()

let openSeconds = Timing.median(repetitions: repetitions) { _ = try! TabularBenchmark.open(path: path, space: space.name) }
let indexSeconds = Timing.median(repetitions: repetitions) { _ = try! TableIndex(table: table, space: space) }
print(String(format: "open the table (read every dataset, build the text lookup)   %8.2f ms", openSeconds * 1e3))
print(String(format: "build the dense index (parse 15,625 texts with NB201Space)   %8.2f ms", indexSeconds * 1e3))
print()

// The same random architectures (and rows) for every measurement.
var rng = Xoshiro256(seed: 2026)
let architectures = (0..<queryCount).map { _ in space.sampleArchitecture(using: &rng) }
let rows = architectures.map { Int32(index.row(of: $0)!) }
let plain = (0..<table.rowCount).map { Double($0) }

/// Queries per second of `body`, which makes `count` queries and returns the sum of their values; the sum is
/// printed, so that the optimizer cannot drop the loop.
func rate(count: Int = queryCount, _ body: () -> Double) -> (perSecond: Double, sum: Double) {
    var sum = 0.0
    let seconds = Timing.median(repetitions: repetitions) { sum += body() }
    return (Double(count) / seconds, sum)
}

let reference = rate {
    var sum = 0.0
    for row in rows { sum += plain[Int(row)] }
    return sum
}
let byRow = rate {
    var sum = 0.0
    for row in rows { sum += table[column, Int(row)] }
    return sum
}
let byArchitecture = rate {
    var sum = 0.0
    for architecture in architectures { sum += index.value(column, of: architecture) ?? 0 }
    return sum
}
let fewer = architectures.prefix(queryCount / 10)
let byName = rate(count: fewer.count) {
    var sum = 0.0
    for architecture in fewer {
        sum += (try? index.query(architecture, metric: metric.name, dataset: metric.dataset)) ?? 0
    }
    return sum
}
let texts = fewer.map { space.format($0) }
let byText = rate(count: texts.count) {
    var sum = 0.0
    for text in texts { sum += table[column, (try? table.row(ofArchitecture: text)) ?? 0] }
    return sum
}

print("query".padding(toLength: 60, withPad: " ", startingAt: 0) + "   queries/s  vs plain read")
for (name, value) in [
    ("plain [Double] read at the same random rows (reference)", reference),
    ("table[column, row] at random rows", byRow),
    ("index.value(column, of: architecture)  (resolved column)", byArchitecture),
    ("index.query(architecture, metric:dataset:)  (names)", byName),
    ("table.row(ofArchitecture: text), then read", byText),
] {
    print(name.padding(toLength: 60, withPad: " ", startingAt: 0)
        + String(format: " %11.3e %13.2f", value.perSecond, value.perSecond / reference.perSecond))
}
print()
print(String(format: "target: >= 1e6 queries/s by architecture: %@ (%.1fx)",
             (byArchitecture.perSecond >= 1e6 ? "met" : "NOT met") as NSString, byArchitecture.perSecond / 1e6))
print("(sums \([reference, byRow, byArchitecture, byName, byText].map(\.sum)))")
