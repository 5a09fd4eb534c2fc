/// Sums over contiguous Float buffers with several SIMD accumulators, which the compiler cannot form by itself
/// (it may not reassociate floating-point additions).
///
/// Sixteen lanes times two accumulators also keep the rounding error of long sums (a batch-norm channel of 64
/// 32x32 images is 65,536 elements) near that of a pairwise sum.
enum VectorSums {
    typealias Lanes = SIMD16<Float>

    /// Σ x[i].
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        let raw = UnsafeRawPointer(x)
        let width = Lanes.scalarCount
        var first = Lanes()
        var second = Lanes()
        var i = 0
        while i + 2 * width <= count {
            first += raw.loadUnaligned(fromByteOffset: i * 4, as: Lanes.self)
            second += raw.loadUnaligned(fromByteOffset: (i + width) * 4, as: Lanes.self)
            i += 2 * width
        }
        var total = (first + second).sum()
        while i < count {
            total += x[i]
            i += 1
        }
        return total
    }

    /// Σ x[i]·y[i].
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        let rawX = UnsafeRawPointer(x)
        let rawY = UnsafeRawPointer(y)
        let width = Lanes.scalarCount
        var first = Lanes()
        var second = Lanes()
        var i = 0
        while i + 2 * width <= count {
            first += rawX.loadUnaligned(fromByteOffset: i * 4, as: Lanes.self)
                * rawY.loadUnaligned(fromByteOffset: i * 4, as: Lanes.self)
            second += rawX.loadUnaligned(fromByteOffset: (i + width) * 4, as: Lanes.self)
                * rawY.loadUnaligned(fromByteOffset: (i + width) * 4, as: Lanes.self)
            i += 2 * width
        }
        var total = (first + second).sum()
        while i < count {
            total += x[i] * y[i]
            i += 1
        }
        return total
    }

    /// Σ (x[i] − center)².
    @inline(__always)
    static func sumOfSquaredDeviations(_ x: UnsafePointer<Float>, count: Int, from center: Float) -> Float {
        let raw = UnsafeRawPointer(x)
        let width = Lanes.scalarCount
        let c = Lanes(repeating: center)
        var first = Lanes()
        var second = Lanes()
        var i = 0
        while i + 2 * width <= count {
            let a = raw.loadUnaligned(fromByteOffset: i * 4, as: Lanes.self) - c
            let b = raw.loadUnaligned(fromByteOffset: (i + width) * 4, as: Lanes.self) - c
            first += a * a
            second += b * b
            i += 2 * width
        }
        var total = (first + second).sum()
        while i < count {
            let d = x[i] - center
            total += d * d
            i += 1
        }
        return total
    }

    /// Σ x[i]·(y[i] − center).
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int, centeredAt center: Float) -> Float {
        let rawX = UnsafeRawPointer(x)
        let rawY = UnsafeRawPointer(y)
        let width = Lanes.scalarCount
        let c = Lanes(repeating: center)
        var first = Lanes()
        var second = Lanes()
        var i = 0
        while i + 2 * width <= count {
            first += rawX.loadUnaligned(fromByteOffset: i * 4, as: Lanes.self)
                * (rawY.loadUnaligned(fromByteOffset: i * 4, as: Lanes.self) - c)
            second += rawX.loadUnaligned(fromByteOffset: (i + width) * 4, as: Lanes.self)
                * (rawY.loadUnaligned(fromByteOffset: (i + width) * 4, as: Lanes.self) - c)
            i += 2 * width
        }
        var total = (first + second).sum()
        while i < count {
            total += x[i] * (y[i] - center)
            i += 1
        }
        return total
    }
}
