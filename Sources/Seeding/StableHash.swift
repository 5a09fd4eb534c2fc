/// Hashes whose values never change between runs, processes or platforms (unlike `hashValue`).
public enum StableHash {
    /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        fnv1a64(bytes: Array(text.utf8))
    }

    /// 64-bit FNV-1a of `bytes`.
    public static func fnv1a64(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Derives a seed for `label` from a parent seed (for child streams that must not depend on call order).
    public static func derive(seed: UInt64, _ label: String) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ fnv1a64(label))
        return mixer.next()
    }
}
