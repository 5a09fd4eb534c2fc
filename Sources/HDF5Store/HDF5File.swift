internal import CHDF5

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open HDF5 file: groups, numeric and string datasets and attributes, addressed by slash-separated
/// paths such as "/cifar10/test_acc". The file closes when the last reference to this object goes away.
///
/// Every failure throws an ``HDF5Error`` naming the file, the object and what to do; HDF5's own error-stack
/// printing is switched off. Reads and writes move whole datasets at once.
///
/// Thread safety: Debian's libhdf5 is not built thread-safe, so an `HDF5File` must be used from one thread
/// only (it is deliberately not `Sendable`), and two threads must not use HDF5 at the same time even on
/// different files.
public final class HDF5File {
    /// The path the file was opened with, used in every error message.
    public let path: String
    /// How the file was opened.
    public let mode: HDF5OpenMode
    /// What error messages about missing or unreadable objects advise, e.g. "re-run Scripts/import-nb201.sh".
    public var recoverySuggestion: String
    let fileID: hid_t

    /// Opens or creates an HDF5 file.
    ///
    /// - Parameters:
    ///   - path: The file's path.
    ///   - mode: Whether to open an existing file (`.readOnly`, `.readWrite`) or create one (`.truncate`,
    ///     `.exclusive`).
    ///   - recoverySuggestion: Appended to messages about missing objects; say how to re-create the file.
    /// - Throws: ``HDF5Error`` if the file is missing, unreadable, not an HDF5 file, truncated, or (for
    ///   `.exclusive`) already exists.
    public init(
        path: String, mode: HDF5OpenMode = .readOnly,
        recoverySuggestion: String = "check the path, or re-create the file with the program that wrote it"
    ) throws(HDF5Error) {
        HDF5Library.silenceErrorPrinting()
        self.path = path
        self.mode = mode
        self.recoverySuggestion = recoverySuggestion
        let defaults = naskit_H5P_DEFAULT()
        switch mode {
        case .readOnly, .readWrite:
            guard access(path, F_OK) == 0 else {
                throw HDF5Error("\(path): no such file; check the path, or create it with mode .truncate")
            }
            guard access(path, mode == .readOnly ? R_OK : R_OK | W_OK) == 0 else {
                let needed = mode == .readOnly ? "readable" : "readable and writable"
                throw HDF5Error("\(path): permission denied; make the file \(needed)")
            }
            let signature = H5Fis_hdf5(path)
            if signature <= 0 {
                let detail = signature == 0 ? "no HDF5 signature found" : HDF5Library.lastErrorDetail()
                throw HDF5Error("\(path) is not an HDF5 file (or is truncated): \(detail); re-create it")
            }
            let flags = mode == .readOnly ? naskit_H5F_ACC_RDONLY() : naskit_H5F_ACC_RDWR()
            let id = H5Fopen(path, flags, defaults)
            guard id >= 0 else {
                let detail = HDF5Library.lastErrorDetail()
                throw HDF5Error("\(path) is not an HDF5 file (or is truncated): \(detail); re-create it")
            }
            fileID = id
        case .truncate, .exclusive:
            if mode == .exclusive, access(path, F_OK) == 0 {
                throw HDF5Error("\(path) already exists; open it with .readWrite, or use .truncate to replace it")
            }
            let flags = mode == .truncate ? naskit_H5F_ACC_TRUNC() : naskit_H5F_ACC_EXCL()
            let id = H5Fcreate(path, flags, defaults, defaults)
            guard id >= 0 else {
                throw HDF5Error.failed("create the file (is the directory writable?)", in: path)
            }
            fileID = id
        }
    }

    deinit {
        _ = H5Fclose(fileID)
    }

    /// Writes buffered data to disk without closing the file.
    ///
    /// - Throws: ``HDF5Error`` if HDF5 cannot flush.
    public func flush() throws(HDF5Error) {
        guard H5Fflush(fileID, H5F_SCOPE_GLOBAL) >= 0 else { throw .failed("flush", in: path) }
    }

    /// Throws unless the file was opened for writing.
    func requireWritable(_ action: String) throws(HDF5Error) {
        guard mode != .readOnly else {
            throw HDF5Error("\(path) is open read-only; cannot \(action) (open it with .readWrite)")
        }
    }
}

@available(*, unavailable, message: "HDF5File must stay on one thread: Debian's libhdf5 is not thread-safe")
extension HDF5File: Sendable {}
