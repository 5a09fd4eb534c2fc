import Foundation

/// A run in progress (`checkpoint.json`, rewritten atomically after every query): the configuration, the
/// optimizer's whole state and the queries so far, so that `--resume` continues exactly where the run stopped.
struct RunCheckpoint: Codable, Sendable {
    /// Identifies the file type (``formatName``).
    var format: String
    /// The layout version (``formatVersion``).
    var version: Int
    /// The resolved configuration of the run.
    var configuration: RunConfiguration
    /// The optimizer encoded as JSON (a string, so its 64-bit generator words survive exactly).
    var optimizerState: String
    /// The queries so far.
    var trajectory: [QueryRecord]
    /// Their wall times.
    var timings: [QueryTiming]

    static let formatName = "naskit-search-checkpoint"
    static let formatVersion = 1

    init(configuration: RunConfiguration, optimizerState: String, trajectory: [QueryRecord], timings: [QueryTiming]) {
        self.format = Self.formatName
        self.version = Self.formatVersion
        self.configuration = configuration
        self.optimizerState = optimizerState
        self.trajectory = trajectory
        self.timings = timings
    }
}

/// The wall time of one query (not part of the deterministic results file).
public struct QueryTiming: Hashable, Codable, Sendable {
    /// The query's number, from 1.
    public var query: Int
    /// Seconds spent in the optimizer's ask and tell.
    public var optimizerSeconds: Double
    /// Seconds spent evaluating (a table lookup here).
    public var evaluationSeconds: Double
}

/// The wall times of a run (`timing.json`): kept apart from `run.json` so that results files are byte-identical
/// across repetitions of the same command.
public struct RunTiming: Hashable, Codable, Sendable {
    /// Per query.
    public var queries: [QueryTiming]
    /// The optimizer's total seconds.
    public var optimizerSeconds: Double { queries.reduce(0) { $0 + $1.optimizerSeconds } }
    /// The evaluations' total seconds.
    public var evaluationSeconds: Double { queries.reduce(0) { $0 + $1.evaluationSeconds } }
}

/// The files of one run's directory and their deterministic encoding.
enum RunFiles {
    static let result = "run.json"
    static let checkpoint = "checkpoint.json"
    static let timing = "timing.json"

    /// Sorted keys, pretty printed, no escaped slashes: the same value always gives the same bytes.
    static func encode<Value: Encodable>(_ value: Value) throws(RunError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw RunError("cannot encode \(Value.self) as JSON: \(error)")
        }
    }

    /// Writes `data` to `path` atomically (a temporary file renamed over it), so a kill never leaves half a file.
    static func write(_ data: Data, to path: String) throws(RunError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RunError("cannot write \(path): \(error.localizedDescription); check the directory is writable")
        }
    }

    /// Creates `directory` (and its parents) if needed.
    static func makeDirectory(_ directory: String) throws(RunError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RunError("cannot create the output directory \(directory): \(error.localizedDescription)")
        }
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
