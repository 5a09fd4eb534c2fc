import Foundation
import NASSpaces
import Testing

/// The ten published NAS-Bench-101 records in `../shared/data/nb101/nb101_records10.json` beside the package
/// root (NASLib's test asset `tests/assets/nb101_dummy.pkl`, records of the official `nasbench_only108.tfrecord`;
/// see ../shared/data/README.md). The file is read in place, never copied into the repository; tests that need it
/// are skipped with a reason where it is absent.
enum NB101NetworkRecords {
    /// One record: the key is the benchmark's module hash.
    struct Record: Decodable {
        let matrix: [[Int]]
        let ops: [String]
        let params: Int
    }

    /// `<package root>/../shared/data/nb101/nb101_records10.json`, the root found from this file's path
    /// (Tests/NASModelsTests/).
    static let path: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/../shared/data/nb101/nb101_records10.json"
    }()

    static let isPresent = FileManager.default.isReadableFile(atPath: path)

    static let skipReason: Comment = "../shared/data/nb101/nb101_records10.json is absent beside the package root"

    /// The records keyed by module hash, in hash order.
    static func load() throws -> [(hash: String, record: Record)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let records = try JSONDecoder().decode([String: Record].self, from: data)
        return records.keys.sorted().map { (hash: $0, record: records[$0]!) }
    }
}
