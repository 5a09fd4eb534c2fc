import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding
import TabularBenchmarks

/// One fit of the MLP ensemble (the paper's configuration) on `count` random NB201 cells, with the fused trainer
/// and with the engine's tape, and the same ensemble in PyTorch (`Reference/pytorch_bananas_ensemble.py`) when a
/// Python with torch is at hand.
enum PredictorFitBenchmark {
    struct Result {
        let count: Int
        let fusedSeconds: Double
        let tapeSeconds: Double
        let torch: TorchResult?
    }

    struct TorchResult {
        let medianSeconds: Double
        let version: String
    }

    static func run(
        evaluator: TabularEvaluator<NB201Space>, count: Int, repetitions: Int, threads: Int, withTape: Bool = true
    ) throws -> Result {
        let space = evaluator.index.space
        var rng = Xoshiro256(seed: 150)
        var cells = Array(0..<space.architectureCount)
        cells.seededShuffle(using: &rng)
        let architectures = cells.prefix(count).map { space.architecture(at: $0) }
        let targets = try architectures.map { try evaluator.evaluate($0, fidelity: nil).objective }
        func fit(_ engine: MLPTrainingEngine) throws -> Double {
            var predictor = MLPEnsemblePredictor<NB201Space>()
            var generator = Xoshiro256(seed: 1)
            return try Timing.measure {
                try predictor.fit(architectures, targets: targets, in: space, using: &generator, engine: engine)
            }.seconds
        }
        let fused = try (0..<repetitions).map { _ in try fit(.fused) }.sorted()[repetitions / 2]
        let tape = withTape ? try fit(.tape) : .nan
        let configuration = MLPEnsembleConfiguration()
        let torch = runTorch(
            inputSize: space.encodedLength(.path, example: architectures[0]), count: count,
            configuration: configuration, repetitions: repetitions, threads: threads)
        return Result(count: count, fusedSeconds: fused, tapeSeconds: tape, torch: torch)
    }

    /// The interpreter: `$NASKIT_TORCH_PYTHON`, else `python3`.
    static var interpreter: String {
        ProcessInfo.processInfo.environment["NASKIT_TORCH_PYTHON"] ?? "python3"
    }

    /// Runs the PyTorch reference; `nil` when torch cannot be imported.
    static func runTorch(
        inputSize: Int, count: Int, configuration: MLPEnsembleConfiguration, repetitions: Int, threads: Int
    ) -> TorchResult? {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/pytorch_bananas_ensemble.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            interpreter, script, "--inputs", "\(inputSize)", "--rows", "\(count)",
            "--networks", "\(configuration.ensembleSize)", "--layers", "\(configuration.hiddenLayers)",
            "--width", "\(configuration.layerWidth)", "--epochs", "\(configuration.epochs)",
            "--batch", "\(configuration.batchSize)", "--learning-rate", "\(configuration.learningRate)",
            "--repetitions", "\(repetitions)", "--threads", "\(threads)",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let seconds = object["median_seconds"] as? Double
        else { return nil }
        return TorchResult(medianSeconds: seconds, version: object["torch"] as? String ?? "?")
    }
}
