import Foundation
import Seeding

/// A tabulation's directory: `tabulation.json` (the specification) and `rows/` (one file per finished training).
public struct TabulationDirectory: Sendable {
    /// The directory's path.
    public let path: String
    /// Its specification.
    public let specification: TabulationSpecification

    static let specificationFile = "tabulation.json"

    /// Opens `path` for `specification`: creates it and writes the specification, or checks that the one it
    /// holds is the same (so rows trained under another recipe are never mixed in).
    ///
    /// - Throws: ``TabulationError`` for an invalid specification, a directory holding another one (naming the
    ///   fields that differ), or a file that cannot be written.
    public static func create(at path: String, for specification: TabulationSpecification) throws(TabulationError)
        -> TabulationDirectory
    {
        try specification.validate()
        let file = path + "/" + specificationFile
        if FileManager.default.fileExists(atPath: file) {
            let existing = try open(at: path)
            guard existing.specification == specification else {
                let differences = existing.specification.differences(from: specification).joined(separator: "; ")
                throw TabulationError(
                    "\(file) describes another tabulation (\(differences)); repeat its options to continue it, or "
                        + "choose another --output")
            }
            return existing
        }
        do {
            try FileManager.default.createDirectory(atPath: path + "/rows", withIntermediateDirectories: true)
            try Self.encode(specification).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw TabulationError("cannot create the tabulation directory \(path): \(error.localizedDescription)")
        }
        return TabulationDirectory(path: path, specification: specification)
    }

    /// Opens an existing tabulation directory.
    ///
    /// - Throws: ``TabulationError`` if it has no readable `tabulation.json`.
    public static func open(at path: String) throws(TabulationError) -> TabulationDirectory {
        let file = path + "/" + specificationFile
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TabulationError("\(path) is not a tabulation directory: \(file) is missing (nasrun tabulate writes it)")
        }
        do {
            let specification = try JSONDecoder().decode(TabulationSpecification.self, from: data)
            return TabulationDirectory(path: path, specification: specification)
        } catch {
            throw TabulationError("\(file) is not a tabulation specification (\(error)); it was left untouched")
        }
    }

    /// The row file of `item`.
    public func rowPath(of item: TabulationPlan.Item) -> String { path + "/rows/" + item.fileName }

    /// Whether `item` has been trained.
    public func hasRow(_ item: TabulationPlan.Item) -> Bool { FileManager.default.fileExists(atPath: rowPath(of: item)) }

    /// The specification's canonical JSON (sorted keys): what merged tables record the checksum of.
    static func encode(_ specification: TabulationSpecification) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(specification)
    }

    /// The SHA-256 of the canonical specification.
    var specificationChecksum: String { Self.checksum(of: specification) }

    /// The SHA-256 of `specification`'s canonical JSON.
    static func checksum(of specification: TabulationSpecification) -> String {
        (try? encode(specification)).map { SHA256.hexDigest(of: [UInt8]($0)) } ?? "unknown"
    }
}

extension TabulationSpecification {
    /// The fields in which `self` differs from `other`, as "epochs 12, asked 20".
    func differences(from other: TabulationSpecification) -> [String] {
        var differences: [String] = []
        func compare<Value: Equatable>(_ name: String, _ saved: Value, _ asked: Value) {
            if saved != asked { differences.append("\(name) \(saved), asked \(asked)") }
        }
        compare("space", space, other.space)
        compare("dataset", dataset, other.dataset)
        compare("architectures", architectures, other.architectures)
        compare("seeds", seeds, other.seeds)
        compare("epochs", epochs, other.epochs)
        compare("resolution", resolution, other.resolution)
        compare("stem channels", stemChannels, other.stemChannels)
        compare("cells per stage", cellsPerStage, other.cellsPerStage)
        compare("training images", trainingImages, other.trainingImages)
        compare("validation images", validationImages, other.validationImages)
        compare("test images", testImages, other.testImages)
        compare("batch size", batchSize, other.batchSize)
        compare("learning rate", learningRate, other.learningRate)
        return differences
    }
}
