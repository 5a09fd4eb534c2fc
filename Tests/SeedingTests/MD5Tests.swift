import Seeding
import Testing

@Suite("MD5")
struct MD5Tests {
    /// RFC 1321, appendix A.5 ("test suite").
    @Test(
        "the RFC 1321 test suite",
        arguments: [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            (
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a"
            ),
        ])
    func rfcTestSuite(message: String, expected: String) {
        #expect(MD5.hexDigest(of: message) == expected)
    }

    /// Messages whose lengths sit around the padding boundaries (55, 56 and 64 bytes modulo 64), where the
    /// length field does or does not fit in the last block. Expected digests from Python's `hashlib.md5`.
    @Test(
        "lengths around the padding boundaries",
        arguments: [
            (55, "0d7ae056b2f015cd7dc67494efd658f1"),
            (56, "31fcfb5165169eb55898e7e4cf34d19a"),
            (57, "fd62afaf3aa1e2a52882cb464f5ccc4d"),
            (63, "1b30c0670c15e7da3c2ba7bce77ebe99"),
            (64, "a2eaf6295c32adc403865fd96a2f182b"),
            (65, "eba2cce0ca8df47e62414a736b3105a2"),
            (119, "b05187e08da41fa3ef16bd56afaafd99"),
            (120, "62af9b597a9f55e16ab2b897387fc052"),
            (1000, "303fb697b589019cb3edba04b794e575"),
        ])
    func paddingBoundaries(length: Int, expected: String) {
        // "abc...zabc..." of the given length.
        let message = (0..<length).map { UInt8(97 + $0 % 26) }
        #expect(MD5.hexDigest(of: message) == expected)
    }

    @Test("strings hash their UTF-8 bytes; the raw digest is the hex digest's bytes")
    func utf8AndRawDigest() {
        #expect(MD5.hexDigest(of: "(1, 0, -1)") == "3bb65a81afada4c50c2c4630873f0a79")  // hashlib.md5
        #expect(MD5.hexDigest(of: "é∑") == "5cc944d7d734549e0cb672f053a21d9d")
        let digest = MD5.digest(of: "abc")
        #expect(digest.count == 16)
        #expect(digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            == "900150983cd24fb0d6963f7d28e17f72")
        #expect(String(decoding: MD5.hexDigestBytes(of: Array("abc".utf8)), as: UTF8.self) == MD5.hexDigest(of: "abc"))
    }
}
