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
/// Thread safety: libhdf5 is not always built thread-safe, so every HDF5Store call into the library holds
/// one process-wide recursive lock; different `HDF5File` objects (on the same file or on different files) may
/// be used from different threads at once, and their calls simply take turns. One `HDF5File` stays on the
/// thread that uses it (it is deliberately not `Sendable`: ``recoverySuggestion`` is unsynchronised).
///
/// Written files are byte-deterministic: no object records its creation or modification time, so writing
/// the same content in the same order gives the same bytes.
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
        self.path = path
        self.mode = mode
        self.recoverySuggestion = recoverySuggestion
        fileID = try withLibraryLock { () throws(HDF5Error) in try Self.openIdentifier(path: path, mode: mode) }
    }

    deinit {
        withLibraryLock { _ = H5Fclose(fileID) }
    }

    /// Writes buffered data to disk without closing the file.
    ///
    /// - Throws: ``HDF5Error`` if HDF5 cannot flush.
    public func flush() throws(HDF5Error) {
        try withLibraryLock { () throws(HDF5Error) in
            guard H5Fflush(fileID, H5F_SCOPE_GLOBAL) >= 0 else { throw .failed("flush", in: path) }
        }
    }

    /// Throws unless the file was opened for writing.
    func requireWritable(_ action: String) throws(HDF5Error) {
        guard mode != .readOnly else {
            throw HDF5Error("\(path) is open read-only; cannot \(action) (open it with .readWrite)")
        }
    }

    /// Opens or creates the file at `path`; the caller holds the library lock.
    private static func openIdentifier(path: String, mode: HDF5OpenMode) throws(HDF5Error) -> hid_t {
        HDF5Library.silenceErrorPrinting()
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
            return id
        case .truncate, .exclusive:
            if mode == .exclusive, access(path, F_OK) == 0 {
                throw HDF5Error("\(path) already exists; open it with .readWrite, or use .truncate to replace it")
            }
            let flags = mode == .truncate ? naskit_H5F_ACC_TRUNC() : naskit_H5F_ACC_EXCL()
            // The file-creation list holds the root group's creation properties: no times there either.
            guard let creation = HDF5Identifier.untimedCreationProperties(naskit_H5P_FILE_CREATE()) else {
                throw HDF5Error.failed("prepare the file", in: path)
            }
            let id = H5Fcreate(path, flags, creation.raw, defaults)
            guard id >= 0 else {
                throw HDF5Error.failed("create the file (is the directory writable?)", in: path)
            }
            return id
        }
    }
}

@available(*, unavailable, message: "one HDF5File stays on one thread; open the file again on another thread")
extension HDF5File: Sendable {}
