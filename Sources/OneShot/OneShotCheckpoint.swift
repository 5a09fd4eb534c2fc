import Foundation
import Layers

/// A one-shot search's state after a finished epoch, in a directory: the supernet's weights and buffers
/// (`weights-<epochs>.safetensors`) and `state.json` (the run's settings, the finished epochs' count, the optimizer —
/// α, its optimizers' moments, its generators — and the records so far). `state.json` is replaced atomically after
/// its weights file is written, so a run killed at any moment resumes from its last finished epoch, and the resumed
/// search gives the same bytes as an uninterrupted one.
public struct OneShotCheckpoint<Optimizer: OneShotOptimizer>: Codable {
    /// What the run was started with (method, seed, sizes, data): a resumed run must match it.
    public var settings: [String: String]
    /// The number of finished epochs.
    public var completedEpochs: Int
    /// The optimizer after those epochs.
    public var optimizer: Optimizer
    /// Their records.
    public var records: [OneShotEpochRecord]

    /// A checkpoint of `optimizer` after `records.count` epochs.
    public init(settings: [String: String], optimizer: Optimizer, records: [OneShotEpochRecord]) {
        self.settings = settings
        completedEpochs = records.count
        self.optimizer = optimizer
        self.records = records
    }

    /// The weights file of a checkpoint after `epochs` epochs.
    static func weightsFile(_ epochs: Int) -> String { "weights-\(epochs).safetensors" }

    /// Writes the checkpoint and `supernet`'s parameters to `directory` (created when missing), then removes the
    /// previous weights file.
    public func save(to directory: URL, supernet: Optimizer.Net) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Safetensors.save(supernet.parameters, to: directory.appendingPathComponent(Self.weightsFile(completedEpochs)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: directory.appendingPathComponent("state.json"), options: .atomic)
        if completedEpochs > 0 {
            try? FileManager.default.removeItem(
                at: directory.appendingPathComponent(Self.weightsFile(completedEpochs - 1)))
        }
    }

    /// The checkpoint in `directory` with `supernet`'s parameters restored from it, or nil when the directory has
    /// none.
    ///
    /// - Throws: ``SupernetError`` when the checkpoint was made with other settings (naming the first difference
    ///   and the fix), or its files are damaged.
    public static func load(from directory: URL, supernet: Optimizer.Net, settings: [String: String])
        throws -> OneShotCheckpoint?
    {
        let stateFile = directory.appendingPathComponent("state.json")
        guard FileManager.default.fileExists(atPath: stateFile.path) else { return nil }
        let checkpoint: OneShotCheckpoint
        do {
            checkpoint = try JSONDecoder().decode(OneShotCheckpoint.self, from: Data(contentsOf: stateFile))
        } catch {
            throw SupernetError(
                "one-shot checkpoint \(stateFile.path) cannot be read (\(error)); remove \(directory.path) to start over")
        }
        for key in Set(settings.keys).union(checkpoint.settings.keys).sorted()
        where settings[key] != checkpoint.settings[key] {
            throw SupernetError(
                "one-shot checkpoint \(directory.path) was made with \(key) = \(checkpoint.settings[key] ?? "nothing"), "
                    + "this run has \(settings[key] ?? "nothing"); rerun with the same settings to resume, or use another "
                    + "checkpoint directory")
        }
        do {
            try Safetensors.load(
                into: supernet.parameters,
                contentsOf: directory.appendingPathComponent(weightsFile(checkpoint.completedEpochs)))
        } catch {
            throw SupernetError(
                "one-shot checkpoint \(directory.path): its weights cannot be loaded (\(error)); remove the directory to start over")
        }
        return checkpoint
    }
}
