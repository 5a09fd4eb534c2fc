/// The MD5 message digest (Rivest, RFC 1321, 1992), for reproducing published identifiers that are MD5
/// hashes (NAS-Bench-101's module hash). Not for security: MD5 is broken as a cryptographic hash.
///
/// Written from the RFC's description (section 3): pad the message to 56 bytes modulo 64 with a 1 bit and
/// zeros, append its bit length as a 64-bit little-endian integer, then run four rounds of sixteen steps over
/// each 64-byte block.
public enum MD5 {
    /// The 16-byte digest of `bytes`.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func digest(of bytes: some Collection<UInt8>) -> [UInt8] {
        // The message, a 1 bit, zeros up to 56 bytes modulo 64, and the bit length: one allocation.
        let count = bytes.count
        let paddedCount = (count + 8) / 64 * 64 + 64
        var message = [UInt8](repeating: 0, count: paddedCount)
        message.replaceSubrange(0..<count, with: bytes)
        message[count] = 0x80
        let bitLength = UInt64(count) &* 8
        for byte in 0..<8 { message[paddedCount - 8 + byte] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * byte)) }

        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
        message.withUnsafeBytes { buffer in
            for blockStart in stride(from: 0, to: paddedCount, by: 64) {
                compress(&state, block: UnsafeRawBufferPointer(rebasing: buffer[blockStart..<(blockStart + 64)]))
            }
        }
        var digest = [UInt8](repeating: 0, count: 16)
        for (index, word) in [state.0, state.1, state.2, state.3].enumerated() {
            for byte in 0..<4 { digest[4 * index + byte] = UInt8(truncatingIfNeeded: word >> UInt32(8 * byte)) }
        }
        return digest
    }

    /// The digest of the UTF-8 bytes of `text`.
    public static func digest(of text: String) -> [UInt8] {
        digest(of: Array(text.utf8))
    }

    /// The digest as 32 lowercase hexadecimal digits (Python's `hashlib.md5(...).hexdigest()`).
    public static func hexDigest(of bytes: some Collection<UInt8>) -> String {
        String(decoding: hexDigestBytes(of: bytes), as: UTF8.self)
    }

    /// The hexadecimal digest of the UTF-8 bytes of `text`.
    public static func hexDigest(of text: String) -> String {
        hexDigest(of: Array(text.utf8))
    }

    /// The 32 lowercase hexadecimal digits as ASCII bytes (for callers that hash hashes, without building
    /// strings).
    public static func hexDigestBytes(of bytes: some Collection<UInt8>) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for byte in digest(of: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    // MARK: The compression function (RFC 1321, section 3.4)

    /// The per-step left-rotation amounts, four per round.
    private static let rotations: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]

    /// T[i] = floor(2^32 · |sin(i + 1)|), the RFC's table of additive constants.
    private static let sines: [UInt32] = [
        0xD76A_A478, 0xE8C7_B756, 0x2420_70DB, 0xC1BD_CEEE, 0xF57C_0FAF, 0x4787_C62A, 0xA830_4613, 0xFD46_9501,
        0x6980_98D8, 0x8B44_F7AF, 0xFFFF_5BB1, 0x895C_D7BE, 0x6B90_1122, 0xFD98_7193, 0xA679_438E, 0x49B4_0821,
        0xF61E_2562, 0xC040_B340, 0x265E_5A51, 0xE9B6_C7AA, 0xD62F_105D, 0x0244_1453, 0xD8A1_E681, 0xE7D3_FBC8,
        0x21E1_CDE6, 0xC337_07D6, 0xF4D5_0D87, 0x455A_14ED, 0xA9E3_E905, 0xFCEF_A3F8, 0x676F_02D9, 0x8D2A_4C8A,
        0xFFFA_3942, 0x8771_F681, 0x6D9D_6122, 0xFDE5_380C, 0xA4BE_EA44, 0x4BDE_CFA9, 0xF6BB_4B60, 0xBEBF_BC70,
        0x289B_7EC6, 0xEAA1_27FA, 0xD4EF_3085, 0x0488_1D05, 0xD9D4_D039, 0xE6DB_99E5, 0x1FA2_7CF8, 0xC4AC_5665,
        0xF429_2244, 0x432A_FF97, 0xAB94_23A7, 0xFC93_A039, 0x655B_59C3, 0x8F0C_CC92, 0xFFEF_F47D, 0x8584_5DD1,
        0x6FA8_7E4F, 0xFE2C_E6E0, 0xA301_4314, 0x4E08_11A1, 0xF753_7E82, 0xBD3A_F235, 0x2AD7_D2BB, 0xEB86_D391,
    ]

    /// Runs the 64 steps over one 64-byte block (sixteen little-endian words) and adds the result into `state`.
    private static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32), block: UnsafeRawBufferPointer) {
        func word(_ index: Int) -> UInt32 {
            UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
        }
        var (a, b, c, d) = state
        for step in 0..<64 {
            let mixed: UInt32
            let wordIndex: Int
            switch step / 16 {
            case 0:
                mixed = (b & c) | (~b & d)  // F
                wordIndex = step
            case 1:
                mixed = (b & d) | (c & ~d)  // G
                wordIndex = (5 * step + 1) % 16
            case 2:
                mixed = b ^ c ^ d  // H
                wordIndex = (3 * step + 5) % 16
            default:
                mixed = c ^ (b | ~d)  // I
                wordIndex = (7 * step) % 16
            }
            let rotation = rotations[(step / 16) * 4 + step % 4]
            let sum = a &+ mixed &+ sines[step] &+ word(wordIndex)
            (a, d, c) = (d, c, b)
            b = b &+ (sum << rotation | sum >> (32 - rotation))
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
