import Foundation

/// The ten published NAS-Bench-101 records in `../shared/data/nb101/nb101_records10.json` beside the package
/// root (NASLib's test asset `tests/assets/nb101_dummy.pkl`, records of the official `nasbench_only108.tfrecord`;
/// see ../shared/data/README.md). The file is read in place, never copied into the repository; tests that need it
/// are skipped with a reason where it is absent:
///
/// ```swift
/// @Test("...", .enabled(if: NB101RecordFile.isPresent, Comment(rawValue: NB101RecordFile.skipReason)))
/// ```
public enum NB101RecordFile {
    /// One record: the key is the benchmark's module hash.
    public struct Record: Decodable, Sendable {
        /// The upper-triangular adjacency matrix of the cell, row `i` listing the edges out of vertex `i`.
        public let matrix: [[Int]]
        /// The operation of each vertex (`input`, `conv3x3-bn-relu`, ..., `output`).
        public let ops: [String]
        /// The published number of trainable parameters of the network built from the cell.
        public let params: Int
    }

    /// `<package root>/../shared/data/nb101/nb101_records10.json`, the root found from this file's path
    /// (Sources/_TestSupport/).
    public static let path: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/../shared/data/nb101/nb101_records10.json"
    }()

    /// Whether the file can be read.
    public static let isPresent = FileManager.default.isReadableFile(atPath: path)

    /// Why a test that needs the file is skipped where it is absent.
    public static let skipReason = "../shared/data/nb101/nb101_records10.json is absent beside the package root"

    /// The records keyed by module hash, in hash order.
    ///
    /// - Returns: one `(hash, record)` pair per record, sorted by hash.
    /// - Throws: when the file cannot be read or decoded.
    public static func load() throws -> [(hash: String, record: Record)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let records = try JSONDecoder().decode([String: Record].self, from: data)
        return records.keys.sorted().map { (hash: $0, record: records[$0]!) }
    }
}
