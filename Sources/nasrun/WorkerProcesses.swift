import Foundation
import NASRunner

/// Copies of this executable run as worker processes: what `nasrun experiment` and `nasrun tabulate` spread over
/// the cores.
enum WorkerProcesses {
    /// Starts `count` workers, worker i with `arguments + ["--workers", count, "--worker", i]`, and waits for all.
    ///
    /// - Parameter whatIsKept: What survives a failed worker, for the message (`"finished runs are kept"`).
    /// - Throws: ``RunError`` naming the workers that failed (their own messages are on standard error).
    static func run(_ arguments: [String], count: Int, whatIsKept: String) throws {
        guard let executable = Bundle.main.executablePath else {
            throw RunError("cannot find the nasrun executable to start workers; run it by its path")
        }
        var processes: [Process] = []
        for index in 0..<count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments + ["--workers", "\(count)", "--worker", "\(index)"]
            try process.run()
            processes.append(process)
        }
        var failures: [String] = []
        for (index, process) in processes.enumerated() {
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                failures.append("worker \(index) exited with status \(process.terminationStatus)")
            }
        }
        guard failures.isEmpty else {
            throw RunError(
                "\(failures.joined(separator: "; ")) (its message is above); \(whatIsKept): fix the cause and repeat "
                    + "the command to go on")
        }
    }
}
