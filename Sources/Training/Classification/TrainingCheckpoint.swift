import Foundation
import Layers

/// The on-disk checkpoint of a ``ClassifierTrainer``: after epoch k, `weights-epoch<k>.safetensors` (every
/// parameter and buffer) and `state.json` (configuration, optimizer state, epoch reports, the weights file's
/// name). `state.json` is replaced atomically after the weights are written, and names its weights file, so a
/// run killed at any moment leaves a consistent checkpoint of its last finished epoch.
enum TrainingCheckpoint {
    struct State: Codable {
        var format = "naskit-classifier-checkpoint-1"
        var configuration: ClassifierTrainingConfiguration
        var optimizer: SGD
        var history: [EpochReport]
        var weightsFile: String
    }

    static func save<Model>(_ trainer: ClassifierTrainer<Model>, to directory: URL) throws(TrainingError) {
        let weightsFile = "weights-epoch\(trainer.completedEpochs).safetensors"
        let state = State(
            configuration: trainer.configuration, optimizer: trainer.optimizer, history: trainer.history,
            weightsFile: weightsFile)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Safetensors.save(trainer.model.parameters, to: directory.appendingPathComponent(weightsFile))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(state).write(to: directory.appendingPathComponent("state.json"), options: .atomic)
            // Older weights files are no longer referenced.
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where name.hasPrefix("weights-epoch") && name != weightsFile {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        } catch {
            throw .checkpoint("cannot write the checkpoint in \(directory.path): \(error)")
        }
    }

    /// Restores the trainer from `directory` when it holds a checkpoint; does nothing when it holds none.
    static func restore<Model>(into trainer: ClassifierTrainer<Model>, from directory: URL) throws(TrainingError) {
        let stateURL = directory.appendingPathComponent("state.json")
        guard FileManager.default.fileExists(atPath: stateURL.path) else { return }
        let state: State
        do {
            state = try JSONDecoder().decode(State.self, from: Data(contentsOf: stateURL))
        } catch {
            throw .checkpoint(
                "\(stateURL.path) is not a NASKit training checkpoint (\(error)); choose another output directory")
        }
        guard state.configuration == trainer.configuration else {
            throw .checkpoint(
                "the checkpoint in \(directory.path) was made with another configuration; resume with the same settings or choose another output directory")
        }
        do {
            try Safetensors.load(
                into: trainer.model.parameters, contentsOf: directory.appendingPathComponent(state.weightsFile))
        } catch {
            throw .checkpoint(
                "cannot load \(state.weightsFile) from \(directory.path): \(error); the checkpoint belongs to another network or is damaged")
        }
        trainer.restore(optimizer: state.optimizer, history: state.history)
    }
}
