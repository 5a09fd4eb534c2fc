/// What a tabular benchmark is and where its numbers come from: the root attributes of its HDF5 file.
public struct TabularMetadata: Hashable, Codable, Sendable {
    /// The search space whose architectures the rows are, as `SearchSpace.name` spells it (`"nb201"`).
    public var space: String
    /// One sentence on what the table holds.
    public var description: String
    /// The published source, pinned: a package and version or a repository and commit.
    public var source: String
    /// The file read, named inside its source (`"analognasbench/data.anb"`).
    public var sourceFile: String
    /// SHA-256 of the file read, in lowercase hexadecimal.
    public var sourceSHA256: String
    /// The command that built the table.
    public var importCommand: String

    /// Creates metadata; every field is written into the file.
    public init(
        space: String, description: String, source: String, sourceFile: String, sourceSHA256: String,
        importCommand: String
    ) {
        self.space = space
        self.description = description
        self.source = source
        self.sourceFile = sourceFile
        self.sourceSHA256 = sourceSHA256
        self.importCommand = importCommand
    }
}
