#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory under /tmp for one test's files, removed with its files when the value goes away.
public final class TemporaryDirectory {
    /// The directory's path.
    public let path: String
    private var files: [String] = []

    /// Creates `/tmp/<prefix>-XXXXXX`.
    public init(prefix: String = "naskit-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        precondition(made != nil, "TemporaryDirectory: mkdtemp failed")
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The path of `name` inside the directory (removed at the end).
    public func file(_ name: String) -> String {
        let file = path + "/" + name
        files.append(file)
        return file
    }

    /// Writes `bytes` to `name` and returns its path.
    public func write(_ bytes: [UInt8], to name: String) -> String {
        let file = file(name)
        let handle = fopen(file, "wb")
        precondition(handle != nil, "TemporaryDirectory: cannot write \(file)")
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, handle) }
        fclose(handle)
        return file
    }

    /// The size of `file` in bytes.
    public static func size(of file: String) -> Int {
        var status = stat()
        return stat(file, &status) == 0 ? Int(status.st_size) : -1
    }

    deinit {
        for file in files { unlink(file) }
        rmdir(path)
    }
}
