/// Converts 8-bit pixel values to floats in [0, 1].
enum PixelScaling {
    /// `value / 255` for every byte value, computed once (exact division, so 255 maps to exactly 1).
    static let byteTable: [Float] = (0...255).map { Float($0) / 255 }

    /// Each byte of `bytes` divided by 255, in order.
    ///
    /// - Complexity: O(n), one table lookup per byte.
    static func unitInterval(_ bytes: ArraySlice<UInt8>) -> [Float] {
        [Float](unsafeUninitializedCapacity: bytes.count) { target, initialized in
            byteTable.withUnsafeBufferPointer { table in
                bytes.withUnsafeBufferPointer { source in
                    for index in 0..<source.count { target[index] = table[Int(source[index])] }
                }
            }
            initialized = bytes.count
        }
    }
}
