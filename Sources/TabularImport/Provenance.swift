/// Where an imported table came from: written to `SearchSpaces/<space>/provenance.json` and into the table's
/// attributes, so every number can be traced to a named, pinned source.
public struct Provenance: Codable, Hashable, Sendable {
    /// The source: a package and version (`"PyPI analog-nasbench==0.1.3"`) or a file with its origin.
    public var source: String
    /// The file read, as a path inside the source.
    public var file: String
    /// SHA-256 of the file read.
    public var sha256: String
    /// The command that imports it.
    public var importCommand: String

    public init(source: String, file: String, sha256: String, importCommand: String) {
        self.source = source
        self.file = file
        self.sha256 = sha256
        self.importCommand = importCommand
    }
}
