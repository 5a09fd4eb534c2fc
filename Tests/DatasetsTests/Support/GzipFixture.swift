/// Writes gzip files (RFC 1952) whose deflate data are stored blocks (RFC 1951, BTYPE 00), independently of
/// zlib, so the readers' inflate path is tested against a format written by other code.
enum GzipFixture {
    /// `bytes` as one gzip member.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]  // magic, deflate, no flags, no time, OS unknown
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length == bytes.count ? 1 : 0
            output.append(final)  // BFINAL, BTYPE 00, then byte-aligned LEN and NLEN
            output += littleEndian(UInt32(length), bytes: 2) + littleEndian(UInt32(~UInt16(length)), bytes: 2)
            output += bytes[offset..<offset + length]
            offset += length
        } while offset < bytes.count
        return output + littleEndian(crc32(bytes), bytes: 4)
            + littleEndian(UInt32(truncatingIfNeeded: bytes.count), bytes: 4)
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func littleEndian(_ value: UInt32, bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
    }
}

/// Builders for small dataset files.
enum Fixture {
    /// An IDX file of unsigned bytes: `00 00 08 <rank>`, big-endian extents, then `data`.
    static func idx(shape: [Int], data: [UInt8], typeCode: UInt8 = 0x08) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, typeCode, UInt8(shape.count)]
        for extent in shape { bytes += (0..<4).map { UInt8(truncatingIfNeeded: extent >> (8 * (3 - $0))) } }
        return bytes + data
    }

    /// The repository root, found from this file's path (Tests/DatasetsTests/Support/).
    static let repositoryRoot: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/")
    }()
}
