import Foundation
import Tensors

/// The machine a latency table was measured on: what makes its numbers valid (the CPU and how many logical cores
/// it has) and how the engine used it.
public struct MachineDescription: Hashable, Codable, Sendable, CustomStringConvertible {
    /// `/proc/cpuinfo`'s first "model name" ("unknown CPU" where there is none).
    public let cpuModel: String
    /// The logical cores the operating system reports.
    public let logicalCores: Int
    /// The engine's workers (``EngineThreading/workerCount``) while measuring.
    public let engineWorkers: Int
    /// OpenBLAS's threads while measuring.
    public let blasThreads: Int

    public init(cpuModel: String, logicalCores: Int, engineWorkers: Int, blasThreads: Int) {
        self.cpuModel = cpuModel
        self.logicalCores = logicalCores
        self.engineWorkers = engineWorkers
        self.blasThreads = blasThreads
    }

    /// This machine, now.
    public static func current() -> MachineDescription {
        MachineDescription(
            cpuModel: cpuModelName(), logicalCores: ProcessInfo.processInfo.processorCount,
            engineWorkers: EngineThreading.workerCount, blasThreads: GEMM.threadCount)
    }

    /// Whether latencies measured on `other` hold here: the same CPU model and logical core count.
    public func isSameMachine(as other: MachineDescription) -> Bool {
        cpuModel == other.cpuModel && logicalCores == other.logicalCores
    }

    /// `AMD EPYC (2 logical cores)`.
    public var description: String { "\(cpuModel) (\(logicalCores) logical cores)" }

    /// The first "model name" of `/proc/cpuinfo`, trimmed.
    static func cpuModelName() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown CPU"
    }
}
