/// Samplers owned by NASKit, so that results depend only on the generator's bits and never on how the
/// standard library happens to turn bits into numbers.
extension RandomNumberGenerator {
    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func uniformDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Float` in [0, 1) with 24 random bits.
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A uniform `Float` in [`lower`, `upper`).
    public mutating func uniformFloat(from lower: Float, to upper: Float) -> Float {
        lower + (upper - lower) * uniformFloat()
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire 2019).
    ///
    /// - Precondition: `bound > 0`.
    public mutating func uniformInt(below bound: Int) -> Int {
        precondition(bound > 0, "uniformInt(below:) needs a positive bound, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A standard normal `Double` (Box-Muller transform; one draw of two uniforms per call).
    public mutating func normalDouble() -> Double {
        let u1 = 1.0 - uniformDouble()  // (0, 1]: the logarithm stays finite
        let u2 = uniformDouble()
        return (-2.0 * _log(u1)).squareRoot() * _cos(2.0 * Double.pi * u2)
    }

    /// A normal `Float` with the given mean and standard deviation.
    public mutating func normalFloat(mean: Float = 0, standardDeviation: Float = 1) -> Float {
        mean + standardDeviation * Float(normalDouble())
    }

    /// A standard Gumbel `Double`: -log(-log(u)) with u in (0, 1).
    public mutating func gumbelDouble() -> Double {
        var u = uniformDouble()
        while u == 0 { u = uniformDouble() }
        return -_log(-_log(u))
    }
}

extension MutableCollection where Self: RandomAccessCollection, Index == Int {
    /// Shuffles in place with Fisher-Yates over NASKit's own ``RandomNumberGenerator/uniformInt(below:)``.
    public mutating func seededShuffle(using rng: inout some RandomNumberGenerator) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = rng.uniformInt(below: i + 1)
            swapAt(startIndex + i, startIndex + j)
        }
    }
}

extension RandomAccessCollection where Index == Int {
    /// A uniformly chosen element, or `nil` when the collection is empty.
    public func seededRandomElement(using rng: inout some RandomNumberGenerator) -> Element? {
        isEmpty ? nil : self[startIndex + rng.uniformInt(below: count)]
    }
}
