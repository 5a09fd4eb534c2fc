import Foundation

/// The output side of `nasrun import`.
enum ImportOutput {
    /// Creates the directory of `path` if it is missing.
    static func prepare(_ path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
}
