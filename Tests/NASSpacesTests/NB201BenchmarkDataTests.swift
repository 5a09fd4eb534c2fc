import Foundation
import NASCore
import NASSpaces
import Testing

/// Checks against the published NAS-Bench-201 table in `../shared/data/nb201/nb201_tss.csv` (see that folder's
/// README); skipped where the folder is absent.
@Suite("NB201Space against the published table")
struct NB201BenchmarkDataTests {
    static let tablePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/nb201/nb201_tss.csv").standardized.path

    static var tableExists: Bool { FileManager.default.fileExists(atPath: tablePath) }

    /// The rows as (architecture text, column name -> value).
    func rows() throws -> [(architecture: String, values: [String: String])] {
        let lines = try String(contentsOfFile: Self.tablePath, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (fields[1], Dictionary(uniqueKeysWithValues: zip(header, fields)))
        }
    }

    @Test("every row parses, and the rows are the 15,625 cells", .enabled(if: tableExists))
    func everyRowParses() throws {
        let space = NB201Space()
        let rows = try rows()
        #expect(rows.count == 15_625)
        var indices = Set<Int>()
        for row in rows {
            let architecture = try space.parse(row.architecture)
            #expect(space.format(architecture) == row.architecture)
            indices.insert(space.index(of: architecture))
        }
        #expect(indices.count == 15_625)
    }

    /// HW-NAS-Bench-360 measured one network per class of the benchmark's string and copied the latency to the
    /// class's other cells: the latencies must be constant on exactly those classes.
    @Test("measured latencies are shared exactly within the benchmark's 6,466 classes", .enabled(if: tableExists))
    func latenciesFollowBenchmarkClasses() throws {
        let space = NB201Space()
        var latencies: [String: Set<String>] = [:]
        for row in try rows() {
            let key = space.benchmarkUniqueString(of: try space.parse(row.architecture))
            let measured = ["lat_ms_pi5_litert_c100", "lat_ms_pi5_onnx_c100", "lat_ms_pixel_litert_c100"]
                .map { row.values[$0] ?? "" }.joined(separator: "/")
            latencies[key, default: []].insert(measured)
        }
        #expect(latencies.count == 6_466)
        #expect(latencies.values.allSatisfy { $0.count == 1 })
    }
}
