internal import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole dataset files into memory, inflating gzip files (recognised by their magic bytes 1f 8b, not by
/// their name) in a stream of 256 KiB pieces so that the compressed file is never held whole.
enum FileBytes {
    /// The bytes of `path`, decompressed if it is a gzip file (several concatenated gzip members are read
    /// one after another, as `gunzip` does).
    ///
    /// - Throws: ``DatasetError`` if the file is missing or unreadable, or its gzip data is corrupt or ends
    ///   early.
    /// - Complexity: O(n) in the decompressed size.
    static func read(_ path: String) throws(DatasetError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw openError(path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw DatasetError("\(path): cannot read: \(systemError())") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw DatasetError("\(path): not a regular file") }
        let size = Int(status.st_size)
        var magic: [UInt8] = [0, 0]
        let magicCount = pread(descriptor, &magic, 2, 0)
        if magicCount == 2, magic == [0x1F, 0x8B] {
            return try inflateGzip(descriptor, path: path, compressedSize: size)
        }
        return try readRaw(descriptor, path: path, size: size)
    }

    /// Whether a file (or directory) exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    private static func readRaw(_ descriptor: Int32, path: String, size: Int) throws(DatasetError) -> [UInt8] {
        var failure: DatasetError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let count = pread(descriptor, buffer.baseAddress?.advanced(by: offset), size - offset, off_t(offset))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = DatasetError(
                        "\(path): cannot read: \(count < 0 ? systemError() : "file shrank while reading")")
                    break
                }
                offset += count
            }
            initialized = failure == nil ? size : 0
        }
        if let failure { throw failure }
        return bytes
    }

    private static func inflateGzip(_ descriptor: Int32, path: String, compressedSize: Int) throws(DatasetError)
        -> [UInt8]
    {
        let pieceSize = 1 << 18
        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: pieceSize)
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: pieceSize)
        // zlib keeps a pointer back to the stream, so the stream must not move.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            input.deallocate()
            output.deallocate()
            stream.deallocate()
        }
        // 15 + 32: a 32 KiB window and automatic gzip/zlib header detection.
        guard inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError("\(path): cannot start gzip decompression (zlib \(ZLIB_VERSION))")
        }
        defer { inflateEnd(stream) }

        var result: [UInt8] = []
        result.reserveCapacity(expectedSize(descriptor, compressedSize: compressedSize))
        var offset = 0
        var reachedEnd = false
        var memberComplete = false
        while true {
            if stream.pointee.avail_in == 0, !reachedEnd {
                let count = pread(descriptor, input, pieceSize, off_t(offset))
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw DatasetError("\(path): cannot read: \(systemError())") }
                offset += count
                reachedEnd = count == 0
                stream.pointee.next_in = input
                stream.pointee.avail_in = UInt32(count)
            }
            if memberComplete {
                if stream.pointee.avail_in == 0, reachedEnd { return result }
                // More data after a complete member: the next member of a multi-member file.
                guard inflateReset(stream) == Z_OK else {
                    throw DatasetError("\(path): cannot restart gzip decompression")
                }
                memberComplete = false
            }
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(pieceSize)
            let code = inflate(stream, Z_NO_FLUSH)
            result.append(
                contentsOf: UnsafeBufferPointer(start: output, count: pieceSize - Int(stream.pointee.avail_out)))
            switch code {
            case Z_STREAM_END:
                memberComplete = true
            case Z_OK:
                break
            case Z_BUF_ERROR where !(reachedEnd && stream.pointee.avail_in == 0):
                break  // needs more input, which the next pass reads
            case Z_BUF_ERROR:
                throw DatasetError(
                    "\(path): truncated gzip data: the compressed stream ends after \(compressedSize) bytes "
                        + "(\(result.count) bytes decompressed); download the file again")
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                throw DatasetError(
                    "\(path): corrupt gzip data after \(result.count) decompressed bytes: \(detail); download the file again"
                )
            }
        }
    }

    /// The decompressed size the gzip trailer records (modulo 2^32), capped at 1 GiB, as a capacity hint.
    private static func expectedSize(_ descriptor: Int32, compressedSize: Int) -> Int {
        guard compressedSize >= 18 else { return 0 }
        var trailer: [UInt8] = [0, 0, 0, 0]
        guard pread(descriptor, &trailer, 4, off_t(compressedSize - 4)) == 4 else { return 0 }
        let size = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
        return min(size, 1 << 30)
    }

    private static func openError(_ path: String) -> DatasetError {
        switch errno {
        case ENOENT: DatasetError("\(path): no such file")
        case EACCES: DatasetError("\(path): permission denied")
        default: DatasetError("\(path): cannot open: \(systemError())")
        }
    }

    private static func systemError() -> String {
        strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
    }
}
