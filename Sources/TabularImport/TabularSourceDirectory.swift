import Seeding
import Foundation
import TabularBenchmarks

/// A NASKit tabular source directory: the plain-text form in which Python converters hand a benchmark to the
/// Swift importer (`Scripts/convert-nats-bench.py` writes one), described in `Docs/TabularBenchmarks.md`:
///
/// ```
/// DIR/manifest.json              format "naskit-tabular-source", version 1, space, description, source,
///                                source_file, source_sha256, import_command, rows, datasets {name: description},
///                                metrics [{dataset, name, unit, description, source, file, epochs?,
///                                          epoch_meaning?, direction?}]
/// DIR/rows.csv                   "index,arch": each row's index in the source and its architecture's text
/// DIR/<file of each metric>      one line per row: the values at each stored epoch, comma-separated, exact
///                                decimal (Python's repr), "nan" for a missing value
/// ```
struct TabularSourceDirectory {
    struct Manifest: Decodable {
        var format: String
        var version: Int
        var space: String
        var description: String
        var source: String
        var sourceFile: String
        var sourceSha256: String
        var importCommand: String
        var rows: String
        var datasets: [String: String]
        var metrics: [Metric]
    }

    struct Metric: Decodable {
        var dataset: String
        var name: String
        var unit: String
        var description: String
        var source: String
        var file: String
        var epochs: [Int]?
        var epochMeaning: String?
        var direction: String?
    }

    static let format = "naskit-tabular-source"
    static let version = 1

    let directory: String
    let manifest: Manifest
    let architectures: [String]
    let sourceIndices: [Int]
    /// Each metric with its values, in the manifest's order.
    let metrics: [TabularMetricValues]

    /// Reads and checks the directory.
    ///
    /// - Throws: ``TabularImportError`` naming the file and the problem.
    init(directory: String) throws(TabularImportError) {
        let manifestPath = directory + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw TabularImportError(
                "no \(manifestPath); write the directory with a converter such as Scripts/convert-nats-bench.py")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let manifest: Manifest
        do {
            manifest = try decoder.decode(Manifest.self, from: data)
        } catch {
            throw TabularImportError("\(manifestPath) is not a tabular source manifest: \(error)")
        }
        guard manifest.format == Self.format, manifest.version == Self.version else {
            throw TabularImportError(
                "\(manifestPath) has format \(manifest.format) version \(manifest.version); this build reads "
                    + "\(Self.format) version \(Self.version)")
        }
        let rows = try CSVTable(path: directory + "/" + manifest.rows)
        try rows.requireHeader(["index", "arch"])
        var sourceIndices: [Int] = []
        for (line, text) in try rows.texts(in: "index").enumerated() {
            guard let index = Int(text) else {
                throw TabularImportError("\(rows.path) line \(line + 2): index '\(text)' is not an integer")
            }
            sourceIndices.append(index)
        }
        let architectures = try rows.texts(in: "arch")
        var metrics: [TabularMetricValues] = []
        for entry in manifest.metrics {
            let metric = try Self.metric(entry, manifestPath: manifestPath)
            let values = try Self.values(
                at: directory + "/" + entry.file, rowCount: architectures.count, perRow: metric.valuesPerArchitecture)
            metrics.append(TabularMetricValues(metric: metric, values: values))
        }
        self.directory = directory
        self.manifest = manifest
        self.architectures = architectures
        self.sourceIndices = sourceIndices
        self.metrics = metrics
    }

    /// The table's metadata.
    var metadata: TabularMetadata {
        TabularMetadata(
            space: manifest.space, description: manifest.description, source: manifest.source,
            sourceFile: manifest.sourceFile, sourceSHA256: manifest.sourceSha256, importCommand: manifest.importCommand)
    }

    private static func metric(_ entry: Metric, manifestPath: String) throws(TabularImportError) -> TabularMetric {
        var meaning = TabularMetric.EpochMeaning.budget
        if let text = entry.epochMeaning {
            guard let parsed = TabularMetric.EpochMeaning(rawValue: text) else {
                throw TabularImportError(
                    "\(manifestPath): \(entry.dataset)/\(entry.name) has epoch_meaning '\(text)'; use budget or curve")
            }
            meaning = parsed
        }
        var direction: TabularMetric.Direction?
        if let text = entry.direction {
            guard let parsed = TabularMetric.Direction(rawValue: text) else {
                throw TabularImportError(
                    "\(manifestPath): \(entry.dataset)/\(entry.name) has direction '\(text)'; use maximize or minimize")
            }
            direction = parsed
        }
        return TabularMetric(
            name: entry.name, dataset: entry.dataset, unit: entry.unit, description: entry.description,
            source: entry.source, epochs: entry.epochs, epochMeaning: meaning, direction: direction)
    }

    /// The values of one metric file, row-major `(rows, perRow)`.
    private static func values(at path: String, rowCount: Int, perRow: Int) throws(TabularImportError) -> [Double] {
        guard let bytes = SHA256.readFile(path) else { throw TabularImportError("cannot read \(path)") }
        var lines = String(decoding: bytes, as: UTF8.self).utf8.split(
            separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count == rowCount else {
            throw TabularImportError("\(path) has \(lines.count) lines; the directory has \(rowCount) rows")
        }
        var values: [Double] = []
        values.reserveCapacity(rowCount * perRow)
        for (line, content) in lines.enumerated() {
            let fields = content.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count == perRow else {
                throw TabularImportError(
                    "\(path) line \(line + 1) has \(fields.count) values; the metric stores \(perRow) per row")
            }
            for field in fields {
                let text = String(decoding: field, as: UTF8.self)
                if text == "nan" {
                    values.append(.nan)
                } else if let value = Double(text), value.isFinite {
                    values.append(value)
                } else {
                    throw TabularImportError("\(path) line \(line + 1): '\(text)' is not a number")
                }
            }
        }
        return values
    }
}
