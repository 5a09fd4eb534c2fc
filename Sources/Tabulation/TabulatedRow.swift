import Foundation

/// One training of one architecture, epoch by epoch (`rows/<index>-seed-<seed>.json`): the unit a tabulation
/// checkpoints, so a killed run loses at most the architecture in training and never trains one twice.
public struct TabulatedRow: Hashable, Codable, Sendable {
    /// The architecture's index in the space.
    public var architectureIndex: Int
    /// Its text form.
    public var architecture: String
    /// The training seed.
    public var seed: UInt64
    /// The network's trainable parameters.
    public var parameters: Int
    /// Its multiply-adds for one image at the tabulation's resolution.
    public var multiplyAdds: Int
    /// One record per epoch, in order.
    public var epochs: [EpochRecord]

    /// The numbers of one epoch.
    public struct EpochRecord: Hashable, Codable, Sendable {
        /// The mean training loss over the epoch's minibatches.
        public var trainLoss: Double
        /// The training accuracy over the epoch (fraction).
        public var trainAccuracy: Double
        /// The validation accuracy after the epoch (fraction).
        public var validationAccuracy: Double
        /// The test accuracy after the epoch (fraction).
        public var testAccuracy: Double
        /// Wall seconds of the epoch's training (evaluation excluded).
        public var seconds: Double
    }

    /// Reads a row file.
    ///
    /// - Throws: ``TabulationError`` naming the file if it cannot be read or is not a row.
    public static func read(from path: String) throws(TabulationError) -> TabulatedRow {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TabulationError("cannot read the row file \(path)")
        }
        do {
            return try JSONDecoder().decode(TabulatedRow.self, from: data)
        } catch {
            throw TabulationError("\(path) is not a tabulation row (\(error)); remove it to train that row again")
        }
    }

    /// Writes the row atomically (sorted keys), so a kill never leaves half a row.
    public func write(to path: String) throws(TabulationError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw TabulationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
