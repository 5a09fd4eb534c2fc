import Foundation

extension RunResult {
    /// Reads a results file (`run.json`), refusing anything that is not one of this layout version.
    ///
    /// - Throws: ``RunError`` naming the file and what is wrong with it.
    public static func read(from path: String) throws(RunError) -> RunResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError("cannot read the results file \(path)")
        }
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw RunError("\(path) is not JSON, so not a NASKit results file; it was left untouched")
        }
        guard header.format == formatName else {
            throw RunError(
                "\(path) is not a NASKit search results file (its format is \(header.format.map { "'\($0)'" } ?? "missing"), "
                    + "expected '\(formatName)'); it was left untouched")
        }
        guard header.version == formatVersion else {
            throw RunError(
                "\(path) has results format version \(header.version ?? -1); this build reads version "
                    + "\(formatVersion): re-run it with this build")
        }
        do {
            return try JSONDecoder().decode(RunResult.self, from: data)
        } catch {
            throw RunError("\(path) is a damaged results file (\(error)); it was left untouched: remove it to re-run")
        }
    }
}
