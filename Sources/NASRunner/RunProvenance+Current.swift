import Foundation
import Seeding

extension RunProvenance {
    /// The provenance of a run of this build on `table` (a file path): the checkout's git commit, the compiler,
    /// the table's checksum and source.
    static func current(tablePath: String, tableSource: String) throws(RunError) -> RunProvenance {
        guard let checksum = SHA256.hexDigest(ofFile: tablePath) else {
            throw RunError("cannot read the table \(tablePath) to checksum it; run Scripts/setup.sh")
        }
        return RunProvenance(
            gitCommit: BuildInformation.gitCommit, toolchain: BuildInformation.toolchain,
            tableFile: URL(fileURLWithPath: tablePath).lastPathComponent, tableSHA256: checksum,
            tableSource: tableSource)
    }
}

/// What this build is: its git commit (found once per process) and compiler.
enum BuildInformation {
    /// `git rev-parse HEAD` of the checkout holding the running executable (or the working directory), with
    /// `-dirty` when tracked files differ from it; `"unknown"` outside a checkout.
    static let gitCommit: String = {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        for start in [executable.deletingLastPathComponent().path, FileManager.default.currentDirectoryPath] {
            guard let head = git(["rev-parse", "HEAD"], in: start) else { continue }
            let changes = git(["status", "--porcelain", "--untracked-files=no"], in: start) ?? ""
            return changes.isEmpty ? head : head + "-dirty"
        }
        return "unknown"
    }()

    /// The compiler version this code was built with (major.minor), and the platform.
    static let toolchain: String = {
        #if compiler(>=6.4)
        let compiler = "Swift 6.4 or later"
        #elseif compiler(>=6.3)
        let compiler = "Swift 6.3"
        #elseif compiler(>=6.2)
        let compiler = "Swift 6.2"
        #else
        let compiler = "Swift 6.1"
        #endif
        #if arch(x86_64)
        let architecture = "x86_64"
        #elseif arch(arm64)
        let architecture = "arm64"
        #else
        let architecture = "other"
        #endif
        #if os(Linux)
        let system = "linux"
        #else
        let system = "darwin"
        #endif
        return "\(compiler), \(architecture)-\(system)"
    }()

    private static func git(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
