import Foundation

/// What a run's output directory holds, checked before a run touches it: nothing, a finished run, or a run in
/// progress. A damaged or foreign file, or one of another configuration, is refused and left untouched.
enum RunDirectory {
    enum Contents {
        case empty
        case finished(RunResult, RunTiming)
        case inProgress(RunCheckpoint)
    }

    static func inspect(_ directory: String, for configuration: RunConfiguration, resume: Bool) throws(RunError)
        -> Contents
    {
        let resultPath = directory + "/" + RunFiles.result
        let checkpointPath = directory + "/" + RunFiles.checkpoint
        if RunFiles.exists(resultPath) {
            guard resume else {
                throw RunError(
                    "\(directory) already holds a finished run (\(RunFiles.result)); pass --resume to read it back, "
                        + "or choose another --output")
            }
            let result = try RunResult.read(from: resultPath)
            try requireSame(result.configuration, configuration, file: resultPath)
            let timing = readTiming(directory + "/" + RunFiles.timing)
            return .finished(result, timing)
        }
        if RunFiles.exists(checkpointPath) {
            guard resume else {
                throw RunError(
                    "\(directory) holds an unfinished run (\(RunFiles.checkpoint)); pass --resume to continue it, "
                        + "or choose another --output")
            }
            let checkpoint = try readCheckpoint(checkpointPath)
            try requireSame(checkpoint.configuration, configuration, file: checkpointPath)
            return .inProgress(checkpoint)
        }
        return .empty
    }

    private static func readCheckpoint(_ path: String) throws(RunError) -> RunCheckpoint {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError("cannot read the checkpoint \(path)")
        }
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw RunError("\(path) is not JSON, so not a NASKit checkpoint; it was left untouched: remove it or "
                + "choose another --output")
        }
        guard header.format == RunCheckpoint.formatName else {
            throw RunError(
                "\(path) is not a NASKit search checkpoint (its format is "
                    + "\(header.format.map { "'\($0)'" } ?? "missing"), expected '\(RunCheckpoint.formatName)'); it "
                    + "was left untouched: remove it or choose another --output")
        }
        guard header.version == RunCheckpoint.formatVersion else {
            throw RunError(
                "\(path) has checkpoint version \(header.version ?? -1); this build resumes version "
                    + "\(RunCheckpoint.formatVersion): remove it to start the run again")
        }
        do {
            return try JSONDecoder().decode(RunCheckpoint.self, from: data)
        } catch {
            throw RunError("\(path) is a damaged checkpoint (\(error)); it was left untouched: remove it to start again")
        }
    }

    private static func readTiming(_ path: String) -> RunTiming {
        guard let data = FileManager.default.contents(atPath: path),
            let timing = try? JSONDecoder().decode(RunTiming.self, from: data)
        else { return RunTiming(queries: []) }
        return timing
    }

    /// Throws unless `saved` is `asked`, naming the fields that differ.
    private static func requireSame(_ saved: RunConfiguration, _ asked: RunConfiguration, file: String)
        throws(RunError)
    {
        let differences = saved.differences(from: asked)
        guard differences.isEmpty else {
            throw RunError(
                "\(file) is a run of another configuration (\(differences.joined(separator: "; "))); it was left "
                    + "untouched: repeat that run's options to resume it, or choose another --output")
        }
    }
}

extension RunConfiguration {
    /// The fields in which `self` (saved) differs from `other` (asked), as "seed 3, asked 4".
    func differences(from other: RunConfiguration) -> [String] {
        var differences: [String] = []
        func compare<Value: Equatable>(_ name: String, _ saved: Value, _ asked: Value, _ text: (Value) -> String) {
            if saved != asked { differences.append("\(name) \(text(saved)), asked \(text(asked))") }
        }
        compare("space", space, other.space) { $0 }
        compare("table", table, other.table) { $0 }
        compare("dataset", dataset, other.dataset) { $0 }
        compare("optimizer", optimizer, other.optimizer) { $0 }
        compare("hyper-parameters", hyperparameters, other.hyperparameters) { JSONValue.object($0).description }
        compare("budget", budget, other.budget) { $0.description }
        compare("seed", seed, other.seed) { "\($0)" }
        compare("objective", objective, other.objective) { $0 }
        compare("objective epoch", objectiveEpoch, other.objectiveEpoch) { $0.map(String.init) ?? "none" }
        compare("reported metric", reportedMetric, other.reportedMetric) { $0 }
        return differences
    }
}
