import Foundation

/// Runs `Reference/pytorch_nb201_step.py` with a Python that can import torch, when there is one.
///
/// The interpreter is `$NASKIT_TORCH_PYTHON` when set (e.g. a scratch virtual environment with PyPI's torch
/// wheel), else `python3`. Returns `nil` when torch cannot be imported.
enum PyTorchReference {
    struct Result {
        let medianSeconds: Double
        let peakMemoryMiB: Double
        let version: String
    }

    static var interpreter: String {
        ProcessInfo.processInfo.environment["NASKIT_TORCH_PYTHON"] ?? "python3"
    }

    static func run(network: String, batch: Int, threads: Int, steps: Int) -> Result? {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/pytorch_nb201_step.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            interpreter, script, "--network", network, "--batch", "\(batch)", "--threads", "\(threads)",
            "--steps", "\(steps)",
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
            let seconds = object["median_seconds"] as? Double,
            let memory = object["peak_rss_mib"] as? Double
        else { return nil }
        return Result(medianSeconds: seconds, peakMemoryMiB: memory, version: object["torch"] as? String ?? "?")
    }
}
