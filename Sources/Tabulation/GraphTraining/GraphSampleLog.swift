import Foundation

/// The files of a ``GraphSampleExperiment`` run: `configuration.json` (its settings) and `rows.jsonl` (one
/// ``GraphSampleRow`` per line, appended as each architecture finishes). A line cut short by a stopped run is
/// dropped on resume, and its architecture trained again.
struct GraphSampleLog {
    /// Which plan item a row answers.
    struct Key: Hashable {
        let role: GraphSampleRow.Role
        let index: Int
    }

    let directory: String
    var settingsPath: String { directory + "/configuration.json" }
    var rowsPath: String { directory + "/rows.jsonl" }

    /// Creates the directory and writes the settings, or checks them against the saved ones.
    func prepare(settings: GraphSampleExperiment.Settings) throws(TabulationError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: settingsPath) {
                let saved = try JSONDecoder().decode(
                    GraphSampleExperiment.Settings.self, from: Data(contentsOf: URL(fileURLWithPath: settingsPath)))
                guard saved == settings else {
                    throw TabulationError(
                        "\(settingsPath) holds a run with other settings (dataset, sample size, seed or recipe); "
                            + "pass another --output directory, or the same options to resume it")
                }
            } else {
                try (encoder.encode(settings) + Data("\n".utf8)).write(to: URL(fileURLWithPath: settingsPath))
            }
        } catch let error as TabulationError {
            throw error
        } catch {
            throw TabulationError("\(directory): cannot prepare the run directory: \(error.localizedDescription)")
        }
    }

    /// The complete rows written so far; an incomplete last line is cut from the file.
    func readRows() throws(TabulationError) -> [Key: GraphSampleRow] {
        guard let data = FileManager.default.contents(atPath: rowsPath) else { return [:] }
        var rows: [Key: GraphSampleRow] = [:]
        var kept = 0
        var start = data.startIndex
        while let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) {
            guard let row = try? JSONDecoder().decode(GraphSampleRow.self, from: data[start..<end]) else {
                throw TabulationError(
                    "\(rowsPath): line \(rows.count + 1) is not a row of this experiment; remove the file to start over")
            }
            rows[Key(role: row.role, index: row.index)] = row
            start = end + 1
            kept = start - data.startIndex
        }
        if kept < data.count {
            do {
                try data.prefix(kept).write(to: URL(fileURLWithPath: rowsPath))
            } catch {
                throw TabulationError("\(rowsPath): cannot cut its incomplete last line: \(error.localizedDescription)")
            }
        }
        return rows
    }

    /// Appends one row as a line of JSON with sorted keys.
    func append(_ row: GraphSampleRow) throws(TabulationError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let line = try encoder.encode(row) + Data("\n".utf8)
            if !FileManager.default.fileExists(atPath: rowsPath) {
                _ = FileManager.default.createFile(atPath: rowsPath, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: rowsPath))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
            try handle.synchronize()
        } catch {
            throw TabulationError("\(rowsPath): cannot append a row: \(error.localizedDescription)")
        }
    }
}
