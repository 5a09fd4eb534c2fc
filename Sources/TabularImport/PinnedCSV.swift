import Seeding
/// A source CSV read whole, its SHA-256 computed and, where asked, required to be the pinned one: the first step
/// of the importers that read a converter's or the shared data's CSV.
struct PinnedCSV {
    /// The file's lines split into fields.
    let table: CSVTable
    /// The SHA-256 of the file's bytes, in lowercase hexadecimal.
    let checksum: String

    /// Reads `path` and checks its checksum.
    ///
    /// - Parameters:
    ///   - path: The CSV.
    ///   - pinnedSHA256: The checksum recorded in the space's `provenance.json`.
    ///   - requirePinnedChecksum: Whether a file with another checksum is refused.
    ///   - whereToFindIt: Follows "cannot read <path>; " when the file cannot be read.
    ///   - whatToDoInstead: Follows "<path> has SHA-256 <checksum>, not the pinned <pinned> " when refused.
    /// - Throws: ``TabularImportError`` if the file cannot be read, has another checksum than the pinned one
    ///   where that is required, or is not a CSV.
    init(
        path: String, pinnedSHA256: String, requirePinnedChecksum: Bool, whereToFindIt: String,
        whatToDoInstead: String
    ) throws(TabularImportError) {
        guard let bytes = SHA256.readFile(path) else {
            throw TabularImportError("cannot read \(path); " + whereToFindIt)
        }
        checksum = SHA256.hexDigest(of: bytes)
        if requirePinnedChecksum, checksum != pinnedSHA256 {
            throw TabularImportError(
                "\(path) has SHA-256 \(checksum), not the pinned \(pinnedSHA256) " + whatToDoInstead)
        }
        table = try CSVTable(path: path, text: String(decoding: bytes, as: UTF8.self))
    }
}
